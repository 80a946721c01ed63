using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Faults;

/// <summary>Nothing lost, nothing half-written: a process killed with SIGKILL in the middle of a multi-row write leaves
/// the database holding none of the change (or, once committed, all of it), and the database opens cleanly afterwards
/// (SQLite: integrity check, WAL recovery; PostgreSQL: the server rolls back the dead session's transaction). The write
/// runs in a child process, <c>NspPortal.FaultHost</c>; its scenarios are in <c>FaultScenarios</c>.</summary>
public class KillNineTests : IAsyncLifetime
{
    private const int Rows = 2000;
    private const int LogRows = 150_000;
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData(0)]       // after the edits of existing rules, before any insert
    [InlineData(300)]     // a few chunks into the inserts
    [InlineData(1900)]    // nearly done
    public async Task ABulkRuleEditKilledMidTransactionLeavesNoneOfIt(int killAfter)
    {
        var before = await SnapshotAsync();

        await using (var host = StartFaultHost(FaultHostScenario.BulkRuleEdit))
        {
            await host.WaitForLineAsync(l => l == $"IN-TRANSACTION {killAfter}", TimeSpan.FromSeconds(90));
            await host.KillHard();
            Assert.NotEqual(0, host.ExitCode);
            Assert.DoesNotContain("COMMITTED", host.Output);
        }

        await AssertOpensCleanlyAsync();
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ABulkRuleEditThatCommitsIsThereInFullAfterAKill()
    {
        var before = await SnapshotAsync();

        await using (var host = StartFaultHost(FaultHostScenario.BulkRuleEdit))
        {
            await host.WaitForLineAsync(l => l == "COMMITTED", TimeSpan.FromSeconds(120));
            await host.KillHard(); // killed right after the commit: the commit is durable
        }

        await AssertOpensCleanlyAsync();
        var after = await SnapshotAsync();
        Assert.Equal(before.Rules + Rows, after.Rules);
        Assert.Equal(before.ProfileVersion + 1, after.ProfileVersion);
        Assert.Empty(before.RuleETags.Intersect(after.RuleETags.Where(e => e.Name.StartsWith("allow-corp", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(1)]        // the first batch is in the open transaction
    [InlineData(100_000)]  // two thirds of the file
    public async Task ALargeLogImportKilledMidTransactionLeavesNoneOfIt(int killAfter)
    {
        var before = await TrafficAsync();

        await using (var host = StartFaultHost(FaultHostScenario.LogImport, LogRows))
        {
            await host.WaitForLineAsync(l => l.StartsWith("IN-TRANSACTION ", StringComparison.Ordinal) && int.Parse(l[15..], System.Globalization.CultureInfo.InvariantCulture) >= killAfter,
                TimeSpan.FromSeconds(120));
            await host.KillHard();
            Assert.NotEqual(0, host.ExitCode);
            Assert.DoesNotContain("COMMITTED", host.Output);
        }

        await AssertOpensCleanlyAsync();
        Assert.Equal(before, await TrafficAsync());
    }

    [Fact]
    public async Task ALargeLogImportThatCommitsIsThereInFullAfterAKill()
    {
        var before = await TrafficAsync();

        await using (var host = StartFaultHost(FaultHostScenario.LogImport, LogRows))
        {
            await host.WaitForLineAsync(l => l == "COMMITTED", TimeSpan.FromSeconds(180));
            await host.KillHard();
        }

        await AssertOpensCleanlyAsync();
        var after = await TrafficAsync();
        Assert.Equal((before.Rows + LogRows, before.Imports + 1), (after.Rows, after.Imports));
        Assert.Equal(after.Rows, after.HourRollupRows);
        Assert.Equal(after.Rows, after.DayRollupRows);
    }

    /// <summary>What a log import touches: rows, imports, the rollups' row counts.</summary>
    private async Task<(long Rows, int Imports, long HourRollupRows, long DayRollupRows)> TrafficAsync()
    {
        await using var db = database.CreateContext();
        return (await db.TrafficLogs.LongCountAsync(), await db.TrafficImports.CountAsync(),
            await db.TrafficRollups.Where(r => r.Granularity == Data.Traffic.RollupGranularity.Hour).SumAsync(r => r.Rows),
            await db.TrafficRollups.Where(r => r.Granularity == Data.Traffic.RollupGranularity.Day).SumAsync(r => r.Rows));
    }

    /// <summary>What the bulk edit touches: the rule count, every rule's ETag, the profile's accessRulesVersion.</summary>
    private sealed record Snapshot(int Rules, long ProfileVersion, IReadOnlyList<(string Name, string ETag)> RuleETags)
    {
        public bool Equals(Snapshot? other) => other is not null && Rules == other.Rules && ProfileVersion == other.ProfileVersion && RuleETags.SequenceEqual(other.RuleETags);

        public override int GetHashCode() => HashCode.Combine(Rules, ProfileVersion);
    }

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        var rules = await db.AccessRules.CountAsync();
        var version = await db.Profiles.Where(p => p.NameKey == "DEFAULTPROFILE" && p.Perimeter!.NameKey == "NSP-CONTOSO-PROD").Select(p => p.AccessRulesVersion).SingleAsync();
        var etags = (await db.AccessRules.OrderBy(r => r.NameKey).Select(r => new { r.Name, r.ETag }).ToListAsync()).Select(r => (r.Name, r.ETag)).ToList();
        return new Snapshot(rules, version, etags);
    }

    private async Task AssertOpensCleanlyAsync()
    {
        await using var db = database.CreateContext();
        Assert.True(await db.Database.CanConnectAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        if (database.Settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            await using var connection = new SqliteConnection(database.Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        }
    }

    private ChildProcess StartFaultHost(string scenario, int rows = Rows) => ChildProcess.StartDotnet(
        FaultHostScenario.Dll,
        [scenario, database.Settings.Provider.ToString(), database.Settings.ConnectionString, rows.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
}

/// <summary>Where the fault host is and what it can do (names as in <c>NspPortal.FaultHost/FaultScenarios.cs</c>).</summary>
internal static class FaultHostScenario
{
    public const string BulkRuleEdit = "bulk-rule-edit";
    public const string LogImport = "log-import";

    /// <summary>The fault host built next to this test assembly's configuration (…/bin/Debug/net10.0).</summary>
    public static string Dll { get; } = Find();

    private static string Find()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "tests", "NspPortal.FaultHost", "bin", configuration, framework, "NspPortal.FaultHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/NspPortal.FaultHost first ({dll}).");
    }
}
