using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NspPortal.Data;

namespace NspPortal.Cli.Commands;

/// <summary>How the CLI finds the portal's database: the same settings as the portal (<c>Database:Provider</c>,
/// <c>Database:SqlitePath</c>, <c>ConnectionStrings:NspPortal</c>) read from <c>appsettings.json</c> in the current
/// directory and from environment variables (<c>Database__SqlitePath</c>, …), then overridden by <c>--database</c>
/// (a SQLite file) or <c>--provider</c>/<c>--connection-string</c>. A relative SQLite path is resolved against the
/// current directory — run <c>nsp</c> from <c>src/NspPortal.Web</c> (the portal's content root under <c>dotnet run</c>)
/// or pass the absolute path the portal prints at startup.</summary>
internal sealed class DatabaseOptions
{
    public Option<string?> Database { get; } = new("--database") { Description = "SQLite file of the portal (default: Database:SqlitePath, App_Data/nspportal.db)." };

    public Option<string?> Provider { get; } = new("--provider") { Description = "Sqlite or Postgres (default: Database:Provider)." };

    public Option<string?> ConnectionString { get; } = new("--connection-string") { Description = "Connection string (default: ConnectionStrings:NspPortal)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(Provider);
        command.Options.Add(ConnectionString);
    }

    public DatabaseSettings Settings(ParseResult parse)
    {
        var directory = Directory.GetCurrentDirectory();
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parse.GetValue(ConnectionString) is { } connection)
        {
            overrides["ConnectionStrings:NspPortal"] = connection;
        }

        if (parse.GetValue(Database) is { } file)
        {
            overrides["Database:Provider"] = "Sqlite";
            overrides["Database:SqlitePath"] = file;
            overrides["ConnectionStrings:NspPortal"] = "";
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        return DatabaseSettings.FromConfiguration(configuration, directory);
    }

    public static NspDbContext Open(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite && settings.SqliteFilePath is { } path && !File.Exists(path))
        {
            throw new FileNotFoundException($"No portal database at {path}. Start the portal once (it creates and migrates it), or pass --database with the path it prints.");
        }

        var options = new DbContextOptionsBuilder<NspDbContext>();
        options.UseNspDatabase(settings);
        return new NspDbContext(options.Options);
    }

    /// <summary>Who the CLI writes as, in systemData and the activity log.</summary>
    public static Caller Caller => new($"{Environment.UserName} (nsp cli)", "User");
}
