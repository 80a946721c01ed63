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
        // …and the perimeters' configuration versions (the troubleshooter's "configuration at that time").
        options.AddInterceptors(Traffic.Versions.ConfigurationVersionInterceptor.Instance);
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

    /// <summary>True when <paramref name="exception"/> means another writer got there first and the transaction was
    /// rolled back: a unique-key or concurrency-token clash, PostgreSQL's serialization failure (40001) or deadlock
    /// (40P01), or SQLite's busy/locked database. The caller reports a conflict; nothing was written.</summary>
    public static bool IsWriteConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                    return true;
                case Npgsql.PostgresException pg when pg.SqlState is "40001" or "40P01" or "23505":
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 || (sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067):
                    return true; // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CONSTRAINT_UNIQUE
            }
        }

        return false;
    }
}
