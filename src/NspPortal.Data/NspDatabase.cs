using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NspPortal.Data;

/// <summary>Configures <see cref="NspDbContext"/> for a provider and prepares the database (migrations, SQLite pragmas).</summary>
public static class NspDatabase
{
    public const string SqliteMigrationsAssembly = "NspPortal.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "NspPortal.Data.Migrations.Postgres";

    /// <summary>Points the options at the configured database, with the provider's own migrations assembly.</summary>
    public static DbContextOptionsBuilder UseNspDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        // Every context writes the activity log in the transaction of its changes (style habit 7).
        options.AddInterceptors(ActivityLog.ActivityLogInterceptor.Instance);
        return settings.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
        };
    }

    /// <summary>Creates the SQLite folder when needed, applies pending migrations and, for SQLite, switches the
    /// file to write-ahead logging so readers never block the writer and a killed process leaves it consistent.</summary>
    public static async Task MigrateAsync(NspDbContext db, DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite && settings.SqliteFilePath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
