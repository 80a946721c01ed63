using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.Data.Traffic;
using NspPortal.Data.Traffic.Import;
using NspPortal.Engine.Evaluation;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Traffic;

/// <summary>Whatever is imported — several files, overlapping, with repeated rows, invalid records skipped — the rollups
/// equal the stored rows: per perimeter, association, category and hour or day, the row count and the sum of
/// <c>Count</c>.</summary>
public class TrafficRollupProperties : IAsyncLifetime
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(25);
    private static readonly string[] Services = [TrafficSamples.StOrders, TrafficSamples.KvProd, TrafficSamples.StDev, TrafficSamples.Unknown];
    private static readonly NspLogCategory[] Categories = Enum.GetValues<NspLogCategory>();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db, withTraffic: false);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>A record: minutes after the start (three days), service, category, count (0 = absent), valid.</summary>
    private static Gen<(int Minute, int Service, int Category, int Count, bool Valid)> Records =>
        Gen.Zip(Gen.Zip(Gen.Choose(0, 3 * 24 * 60), Gen.Choose(0, 3)), Gen.Zip(Gen.Choose(0, Categories.Length - 1), Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, 9))))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2.Item1, t.Item2.Item2.Item2 > 0));

    private static Gen<(int Minute, int Service, int Category, int Count, bool Valid)[][]> Files =>
        Gen.ArrayOf(Gen.ArrayOf(Records).Where(a => a.Length <= 60)).Where(f => f.Length is >= 1 and <= 4);

    private static string Line((int Minute, int Service, int Category, int Count, bool Valid) r)
    {
        var line = TrafficSamples.Line(TrafficSamples.Start.AddMinutes(r.Minute), Categories[r.Category], Services[r.Service], $"198.51.100.{r.Minute % 200}",
            count: r.Count == 0 ? null : r.Count, perimeter: r.Service == 2 ? null : TrafficSamples.ProdPerimeter);
        return r.Valid ? line : line.Replace("\"time\":\"", "\"time\":\"x", StringComparison.Ordinal);
    }

    [Fact]
    public void RollupsEqualTheStoredRows() =>
        Check.One(Config, Prop.ForAll(Files.ToArbitrary(), files => CheckAsync(files).GetAwaiter().GetResult()));

    private async Task<bool> CheckAsync((int Minute, int Service, int Category, int Count, bool Valid)[][] files)
    {
        await using (var clean = database.CreateContext())
        {
            await clean.TrafficLogs.ExecuteDeleteAsync();
            await clean.TrafficRollups.ExecuteDeleteAsync();
            await clean.TrafficImports.ExecuteDeleteAsync();
        }

        long stored = 0;
        foreach (var file in files)
        {
            await using var db = database.CreateContext();
            var result = await new TrafficLogImporter(db).ImportAsync(TrafficSamples.File([.. file.Select(Line)]), new TrafficImportOptions { SkipInvalid = true });
            stored += result.Imported;
            if (result.Rejected != file.Count(r => !r.Valid) || result.Imported + result.Duplicates != file.Count(r => r.Valid))
            {
                return false;
            }
        }

        await using var check = database.CreateContext();
        var rows = await check.TrafficLogs.Select(r => new { r.PerimeterId, r.AssociationId, r.Category, r.TimeGenerated, r.Count }).ToListAsync();
        var rollups = await check.TrafficRollups.ToListAsync();
        if (rows.Count != stored)
        {
            return false;
        }

        foreach (var granularity in new[] { RollupGranularity.Hour, RollupGranularity.Day })
        {
            var expected = rows
                .GroupBy(r => (r.PerimeterId ?? Guid.Empty, r.AssociationId ?? Guid.Empty, r.Category,
                    granularity == RollupGranularity.Hour ? new DateTime(r.TimeGenerated.Ticks - (r.TimeGenerated.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc) : r.TimeGenerated.Date))
                .ToDictionary(g => g.Key, g => (Rows: (long)g.Count(), Events: g.Sum(r => (long)r.Count)));
            var actual = rollups.Where(r => r.Granularity == granularity)
                .ToDictionary(r => (r.PerimeterId, r.AssociationId, r.Category, r.BucketStart), r => (r.Rows, r.Events));
            if (expected.Count != actual.Count || expected.Any(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value))
            {
                return false;
            }
        }

        return true;
    }
}
