using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.FaultHost;

// NspPortal.FaultHost <scenario> <Sqlite|Postgres> <connection string> [rows]
// Prints "STARTED", then "IN-TRANSACTION <n>" after each flushed chunk of a still-open transaction, then "COMMITTED".
// The fault tests kill it (SIGKILL) after a chosen line and check that the database holds all of the change or none.
if (args.Length < 3 || !Enum.TryParse<DatabaseProvider>(args[1], ignoreCase: true, out var provider))
{
    Console.Error.WriteLine("usage: NspPortal.FaultHost <scenario> <Sqlite|Postgres> <connection string> [rows]");
    return 2;
}

var settings = provider == DatabaseProvider.Sqlite
    ? DatabaseSettings.ForSqliteFile(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(args[2]).DataSource)
    : new DatabaseSettings(provider, args[2], null);
var builder = new DbContextOptionsBuilder<NspDbContext>();
builder.UseNspDatabase(settings);
var options = builder.Options;
await using var db = new NspDbContext(options);
var rows = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2000;

Console.WriteLine("STARTED");
return args[0] switch
{
    FaultScenarios.BulkRuleEdit => await FaultScenarios.BulkRuleEditAsync(db, rows),
    FaultScenarios.LogImport => await FaultScenarios.LogImportAsync(db, rows),
    _ => 2,
};
