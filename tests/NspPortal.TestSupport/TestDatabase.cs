using Microsoft.EntityFrameworkCore;
using Npgsql;
using NspPortal.Data;

namespace NspPortal.TestSupport;

/// <summary>A database that lives for one test (or one fixture): a fresh SQLite file, or a fresh database on the
/// PostgreSQL server named by <c>NSPPORTAL_TEST_POSTGRES</c> when <c>NSPPORTAL_TEST_DATABASE=Postgres</c>.
/// ./test.sh runs the database-backed suites once per provider. A missing PostgreSQL server is an error, never a skip.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseSettings settings) => Settings = settings;

    public DatabaseSettings Settings { get; }

    /// <summary>The provider this test run uses.</summary>
    public static DatabaseProvider Provider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("NSPPORTAL_TEST_DATABASE"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    /// <summary>Creates an empty database and, unless told otherwise, applies the migrations.</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        DatabaseSettings settings;
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("NSPPORTAL_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    "NSPPORTAL_TEST_DATABASE=Postgres but NSPPORTAL_TEST_POSTGRES (a connection string to a server) is not set. Run the tests with ./test.sh, which starts a throw-away PostgreSQL.");
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"nsp_test_{Guid.NewGuid():N}" };
            settings = new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString, null);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "nspportal-tests");
            Directory.CreateDirectory(folder);
            settings = DatabaseSettings.ForSqliteFile(Path.Combine(folder, $"{Guid.NewGuid():N}.db"));
        }

        var database = new TestDatabase(settings);
        if (migrate)
        {
            await using var db = database.CreateContext();
            await NspDatabase.MigrateAsync(db, settings);
        }

        return database;
    }

    public NspDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<NspDbContext>();
        options.UseNspDatabase(Settings);
        return new NspDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Settings.Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(Settings.ConnectionString);
            var name = builder.Database;
            builder.Database = "postgres";
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        else if (Settings.SqliteFilePath is { } path)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
