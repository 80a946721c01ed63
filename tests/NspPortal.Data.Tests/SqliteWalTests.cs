using Microsoft.Data.Sqlite;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests;

/// <summary>SQLite runs in write-ahead-log mode (set by <see cref="NspDatabase.MigrateAsync"/>): readers never block the
/// writer, and a killed process leaves the file consistent (see FaultTests for the kill -9 proof).</summary>
public class SqliteWalTests
{
    [Fact]
    public async Task MigratingASqliteDatabaseSwitchesItToWalAndItStaysThere()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            return; // PostgreSQL has its own WAL; nothing to check here
        }

        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(database.Settings.SqliteFilePath + "-wal"));
    }
}
