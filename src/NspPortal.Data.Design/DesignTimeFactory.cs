using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
namespace NspPortal.Data.Design;

/// <summary>Creates the context for dotnet-ef. Pass the provider after <c>--</c>:
/// <c>-- --provider Sqlite</c> or <c>-- --provider Postgres</c>. No database is contacted to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NspDbContext>
{
    public NspDbContext CreateDbContext(string[] args)
    {
        var index = Array.FindIndex(args, a => a is "--provider" or "-p");
        var providerName = index >= 0 && index + 1 < args.Length ? args[index + 1] : "Sqlite";
        var settings = Enum.Parse<DatabaseProvider>(providerName, ignoreCase: true) switch
        {
            DatabaseProvider.Postgres => new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=nspportal_design", null),
            _ => DatabaseSettings.ForSqliteFile(Path.Combine(Path.GetTempPath(), "nspportal-design.db")),
        };
        var options = new DbContextOptionsBuilder<NspDbContext>();
        options.UseNspDatabase(settings);
        return new NspDbContext(options.Options);
    }
}
