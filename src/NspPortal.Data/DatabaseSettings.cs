using Microsoft.Extensions.Configuration;

namespace NspPortal.Data;

/// <summary>Which database engine holds the portal's data.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, zero-setup default: one file on disk.</summary>
    Sqlite,

    /// <summary>PostgreSQL server, for teams and several portal instances.</summary>
    Postgres,
}

/// <summary>The database the portal and the <c>nsp</c> CLI use, read from configuration:
/// <c>Database:Provider</c> (<c>Sqlite</c> default, or <c>Postgres</c>), <c>ConnectionStrings:NspPortal</c>,
/// and for SQLite without a connection string <c>Database:SqlitePath</c> (default <c>App_Data/nspportal.db</c>,
/// relative to the content root).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? SqliteFilePath)
{
    public const string DefaultSqlitePath = "App_Data/nspportal.db";

    /// <summary>Reads the settings; throws <see cref="InvalidOperationException"/> with a message naming the
    /// setting when the configuration is unusable.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; use 'Sqlite' (the default) or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString("NspPortal");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is 'Postgres' but ConnectionStrings:NspPortal is empty; set it, e.g. " +
                    "ConnectionStrings__NspPortal='Host=localhost;Database=nspportal;Username=nsp;Password=…'.");
            }

            return new DatabaseSettings(provider, connectionString, null);
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            return new DatabaseSettings(provider, connectionString, Path.GetFullPath(builder.DataSource, contentRoot));
        }

        var path = Path.GetFullPath(configuration["Database:SqlitePath"] ?? DefaultSqlitePath, contentRoot);
        return ForSqliteFile(path);
    }

    /// <summary>Settings for a SQLite database file at <paramref name="path"/>.</summary>
    public static DatabaseSettings ForSqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True", path);

    /// <summary>What the portal prints at startup: the engine and where the data lives (no password).</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite at {SqliteFilePath}";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
