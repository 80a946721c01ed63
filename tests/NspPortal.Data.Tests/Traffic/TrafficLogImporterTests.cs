using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.Data.Traffic;
using NspPortal.Data.Traffic.Import;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Logs;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Traffic;

/// <summary>Importing log files into the traffic tables, on SQLite and (NSPPORTAL_TEST_DATABASE=Postgres) PostgreSQL.</summary>
public class TrafficLogImporterTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db, withTraffic: false);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<TrafficImportResult> ImportAsync(Stream file, bool skipInvalid = false, IProgress<TrafficImportProgress>? progress = null)
    {
        await using var db = database.CreateContext();
        return await new TrafficLogImporter(db).ImportAsync(file, new TrafficImportOptions { FileName = "/tmp/logs/PT1H.json", SkipInvalid = skipInvalid, ImportedBy = "alice", Progress = progress });
    }

    [Fact]
    public async Task StoresEveryRowResolvedToItsPerimeterAndAssociationWithRollups()
    {
        var lines = TrafficSamples.Many(2500);

        var result = await ImportAsync(TrafficSamples.File(lines));

        Assert.Equal((2500L, 0L, 0L), (result.Imported, result.Rejected, result.Duplicates));
        Assert.Empty(result.Errors);
        Assert.Equal(AccessLogFormat.ResourceLogJson, result.Format);
        await using var db = database.CreateContext();
        var prod = await db.Perimeters.SingleAsync(p => p.NameKey == "NSP-CONTOSO-PROD");
        var dev = await db.Perimeters.SingleAsync(p => p.NameKey == "NSP-CONTOSO-DEV");
        var stOrders = await db.ResourceAssociations.SingleAsync(a => a.PaasResource!.Name == "stcontosoorders");
        var stDev = await db.ResourceAssociations.SingleAsync(a => a.PaasResource!.Name == "stcontosodev");
        Assert.Equal(2500, await db.TrafficLogs.CountAsync());
        Assert.Equal(625, await db.TrafficLogs.CountAsync(r => r.AssociationId == stOrders.Id && r.PerimeterId == prod.Id));
        // Logged without a perimeter id: resolved through the association.
        Assert.Equal(625, await db.TrafficLogs.CountAsync(r => r.AssociationId == stDev.Id && r.PerimeterId == dev.Id));
        // A resource the portal does not know: the logged perimeter, no association.
        Assert.Equal(625, await db.TrafficLogs.CountAsync(r => r.AssociationId == null && r.PerimeterId == prod.Id));
        var row = await db.TrafficLogs.OrderBy(r => r.Id).FirstAsync();
        Assert.Equal(TrafficSamples.Start, row.TimeGenerated);
        Assert.Equal(1, row.Count);
        Assert.Equal(NspLogCategory.NspPublicInboundResourceRulesAllowed, row.Category);
        Assert.Equal("203.0.0.0", row.SourceIpAddress);
        Assert.Equal("00000000000000000000ffffcb000000", row.SourceIpKey);
        Assert.Equal(DemoTenant.Production, row.SubscriptionId);
        Assert.Equal(TrafficSamples.StOrders.ToUpperInvariant(), row.ServiceResourceIdKey);
        Assert.Equal("Approved", row.ResultAction);
        Assert.Equal(16, row.RowHash.Length);
        Assert.Equal(result.ImportId, row.ImportId);

        var import = await db.TrafficImports.SingleAsync();
        Assert.Equal((result.ImportId, "PT1H.json", "ResourceLogJson", "alice", 2500L), (import.Id, import.FileName, import.Format, import.ImportedBy, import.Imported));
        Assert.Equal(64, import.ContentHash.Length);
        Assert.Equal(TrafficSamples.Start, import.FirstTime);
        Assert.Equal(TrafficSamples.Start.AddMinutes(2499 * 7), import.LastTime);

        var events = await db.TrafficLogs.SumAsync(r => (long)r.Count);
        foreach (var granularity in new[] { RollupGranularity.Hour, RollupGranularity.Day })
        {
            Assert.Equal(2500, await db.TrafficRollups.Where(r => r.Granularity == granularity).SumAsync(r => r.Rows));
            Assert.Equal(events, await db.TrafficRollups.Where(r => r.Granularity == granularity).SumAsync(r => r.Events));
        }

        var firstHour = await db.TrafficRollups.SingleAsync(r => r.Granularity == RollupGranularity.Hour && r.BucketStart == TrafficSamples.Start
            && r.AssociationId == stOrders.Id && r.Category == NspLogCategory.NspPublicInboundResourceRulesAllowed);
        Assert.Equal(prod.Id, firstHour.PerimeterId);
        Assert.Equal(1, firstHour.Rows); // minute 0 (i=0); i=4 at minute 28 is NspPublicInboundPerimeterRulesAllowed
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceAddsNothing()
    {
        var lines = TrafficSamples.Many(300);
        var first = await ImportAsync(TrafficSamples.File(lines));
        await using var before = database.CreateContext();
        var rollups = await before.TrafficRollups.OrderBy(r => r.Id).Select(r => new { r.Id, r.Rows, r.Events }).ToListAsync();

        var second = await ImportAsync(TrafficSamples.File(lines));

        Assert.Equal((0L, 0L, 300L), (second.Imported, second.Rejected, second.Duplicates));
        Assert.Equal(first.ImportId, second.ImportId);
        await using var db = database.CreateContext();
        Assert.Equal(300, await db.TrafficLogs.CountAsync());
        Assert.Equal(1, await db.TrafficImports.CountAsync());
        Assert.Equal(rollups, await db.TrafficRollups.OrderBy(r => r.Id).Select(r => new { r.Id, r.Rows, r.Events }).ToListAsync());
    }

    [Fact]
    public async Task RowsAlreadyStoredFromAnotherFileAndRepeatedRowsAreDuplicates()
    {
        var lines = TrafficSamples.Many(100);
        await ImportAsync(TrafficSamples.File(lines[..60]));

        var result = await ImportAsync(TrafficSamples.File([.. lines[40..], lines[99]]));

        Assert.Equal((40L, 0L, 21L), (result.Imported, result.Rejected, result.Duplicates));
        await using var db = database.CreateContext();
        Assert.Equal(100, await db.TrafficLogs.CountAsync());
        Assert.Equal(2, await db.TrafficImports.CountAsync());
        Assert.Equal(100, await db.TrafficRollups.Where(r => r.Granularity == RollupGranularity.Day).SumAsync(r => r.Rows));
    }

    [Fact]
    public async Task OneInvalidRecordMeansNothingIsStoredAndEveryInvalidRecordIsReported()
    {
        var lines = TrafficSamples.Many(1500);
        lines[1200] = lines[1200].Replace("2026-", "2026-13-", StringComparison.Ordinal);
        lines[1400] = lines[1400].Replace("NspPublicInbound", "NspNowhere", StringComparison.Ordinal);

        var result = await ImportAsync(TrafficSamples.File(lines));

        Assert.Equal((0L, 2L, 0L), (result.Imported, result.Rejected, result.Duplicates));
        Assert.Null(result.ImportId);
        Assert.Equal([1201L, 1401L], result.Errors.Select(e => e.Line));
        Assert.Contains("is not a UTC timestamp", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is not a network security perimeter log category", result.Errors[1].Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.TrafficLogs.CountAsync());
        Assert.Equal(0, await db.TrafficRollups.CountAsync());
        Assert.Equal(0, await db.TrafficImports.CountAsync());
    }

    [Fact]
    public async Task SkippingInvalidRecordsStoresEveryValidOneAndReportsTheRest()
    {
        var lines = TrafficSamples.Many(1500);
        lines[3] = "{\"time\":\"2026-11-20T08:00:00Z\",";
        lines[1499] = lines[1499].Replace("\"time\"", "\"tiem\"", StringComparison.Ordinal);

        var result = await ImportAsync(TrafficSamples.File(lines), skipInvalid: true);

        Assert.Equal((1498L, 2L, 0L), (result.Imported, result.Rejected, result.Duplicates));
        Assert.Equal([4L, 1500L], result.Errors.Select(e => e.Line));
        Assert.Equal("time is missing.", result.Errors[1].Message);
        await using var db = database.CreateContext();
        Assert.Equal(1498, await db.TrafficLogs.CountAsync());
        var import = await db.TrafficImports.SingleAsync();
        Assert.Equal((1498L, 2L), (import.Imported, import.Rejected));
        Assert.Equal(1498, await db.TrafficRollups.Where(r => r.Granularity == RollupGranularity.Hour).SumAsync(r => r.Rows));
    }

    [Fact]
    public async Task ImportsTheRealRecordOfTheReferenceForAPerimeterThePortalDoesNotKnow()
    {
        var result = await ImportAsync(TrafficSamples.File(TrafficSamples.RealRecord));

        Assert.Equal((1L, 0L, 0L), (result.Imported, result.Rejected, result.Duplicates));
        await using var db = database.CreateContext();
        var row = await db.TrafficLogs.SingleAsync();
        Assert.Null(row.PerimeterId);
        Assert.Null(row.AssociationId);
        Assert.Equal(Guid.Parse("1b6c3e1a-6e4d-4f1b-9e57-3c1d1a2b4c5d"), row.SubscriptionId);
        Assert.Equal("allow-demo-vm-01-IP-address", row.MatchedRule);
        Assert.Equal("msundaramProfile", row.Profile);
        Assert.Null(row.AccessRulesVersion);
        var rollup = await db.TrafficRollups.SingleAsync(r => r.Granularity == RollupGranularity.Day);
        Assert.Equal((Guid.Empty, Guid.Empty, 1L, 1L), (rollup.PerimeterId, rollup.AssociationId, rollup.Rows, rollup.Events));
    }

    [Fact]
    public async Task ReportsProgressAndFinishesWithTheTotals()
    {
        var reports = new List<TrafficImportProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var file = TrafficSamples.File(TrafficSamples.Many(400));

        await ImportAsync(file, progress: progress);

        var last = reports[^1];
        Assert.True(last.Done);
        Assert.Equal((400L, 400L, file.Length, file.Length, 100), (last.Records, last.Imported, last.BytesRead, last.TotalBytes!.Value, last.Percent!.Value));
    }

    [Fact]
    public async Task RetentionPrunesWholeDaysOfRowsAndTheirRollups()
    {
        await ImportAsync(TrafficSamples.File(TrafficSamples.Many(600))); // 70 hours from 2026-11-20 08:00
        var cutoff = new DateTime(2026, 11, 21, 13, 30, 0, DateTimeKind.Utc);

        await using var db = database.CreateContext();
        var deleted = await TrafficRetention.PruneAsync(db, cutoff);

        var day = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(Enumerable.Range(0, 600).Count(i => TrafficSamples.Start.AddMinutes(i * 7) < day), deleted);
        Assert.False(await db.TrafficLogs.AnyAsync(r => r.TimeGenerated < day));
        Assert.False(await db.TrafficRollups.AnyAsync(r => r.BucketStart < day));
        var rows = await db.TrafficLogs.CountAsync();
        Assert.Equal(rows, await db.TrafficRollups.Where(r => r.Granularity == RollupGranularity.Hour).SumAsync(r => r.Rows));
        Assert.Equal(rows, await db.TrafficRollups.Where(r => r.Granularity == RollupGranularity.Day).SumAsync(r => r.Rows));
        Assert.Equal(TimeSpan.FromDays(90), TrafficRetention.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
    }

    private sealed class SynchronousProgress(Action<TrafficImportProgress> report) : IProgress<TrafficImportProgress>
    {
        public void Report(TrafficImportProgress value) => report(value);
    }
}
