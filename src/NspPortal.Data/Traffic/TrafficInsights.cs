using Microsoft.EntityFrameworkCore;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Transition;

namespace NspPortal.Data.Traffic;

/// <summary>Which logged traffic a question is about: one perimeter, optionally one of its associations, and a UTC
/// window [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record TrafficWindow(Guid PerimeterId, Guid? AssociationId, DateTime From, DateTime To)
{
    /// <summary>The last <paramref name="days"/> days up to <paramref name="now"/>.</summary>
    public static TrafficWindow LastDays(Guid perimeterId, Guid? associationId, int days, DateTime now) =>
        new(perimeterId, associationId, DateTime.SpecifyKind(now, DateTimeKind.Utc).AddDays(-days), DateTime.SpecifyKind(now, DateTimeKind.Utc));
}

/// <summary>One category's events per bucket of a <see cref="TrafficChart"/>.</summary>
public sealed record CategorySeries(NspLogCategory Category, IReadOnlyList<long> Events)
{
    /// <summary>The would-be-denied signal (reference/nsp.md §3.4).</summary>
    public bool IsWouldBeDenied => WouldBeDenied.Is(Category);

    public long Total => Events.Sum();
}

/// <summary>Logged events per bucket and category, from the rollups (never the rows).</summary>
public sealed record TrafficChart(RollupGranularity Granularity, IReadOnlyList<DateTime> Buckets, IReadOnlyList<CategorySeries> Series)
{
    public long Total => Series.Sum(s => s.Total);

    public long WouldBeDenied => Series.Where(s => s.IsWouldBeDenied).Sum(s => s.Total);
}

/// <summary>One association's logged and would-be-denied events in a window, with the last day anything would have been denied.</summary>
public sealed record AssociationTraffic(Guid AssociationId, long Logged, long WouldBeDenied, DateOnly? LastWouldBeDenied);

/// <summary>The read side of the traffic log for the perimeter blade and the transition view: counts from the rollups
/// (<see cref="TrafficRollup"/>), rows only for what needs callers (top sources, suggestions, replay).</summary>
public sealed class TrafficInsights(NspDbContext db, TimeProvider time) : ITrafficInsights
{
    /// <summary>Windows of at most this length are charted by the hour, longer ones by the day.</summary>
    public static readonly TimeSpan HourlyChartLimit = TimeSpan.FromDays(2);

    /// <summary>The current time (UTC), from the injected clock.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    /// <remarks>Counted from the hourly rollups: the would-be-denied categories (<see cref="WouldBeDenied.Is"/>) logged in
    /// the window. The transition view's what-if replays the rows against the current rules for the exact impact.</remarks>
    public async Task<WouldBeDeniedSummary> WouldBeDeniedAsync(Guid perimeterId, IReadOnlyCollection<Guid> associationIds, TimeSpan window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(associationIds);
        var to = Now;
        var from = to - window;
        if (associationIds.Count == 0)
        {
            return new WouldBeDeniedSummary(0, 0, from, to);
        }

        var ids = associationIds.ToList();
        var start = Truncate(from, RollupGranularity.Hour);
        var totals = await db.TrafficRollups.AsNoTracking()
            .Where(r => r.PerimeterId == perimeterId && r.Granularity == RollupGranularity.Hour && r.BucketStart >= start && r.BucketStart < to
                && ids.Contains(r.AssociationId))
            .GroupBy(r => r.Category)
            .Select(g => new { Category = g.Key, Events = g.Sum(r => r.Events) })
            .ToListAsync(cancellationToken);
        return new WouldBeDeniedSummary(totals.Sum(t => t.Events), totals.Where(t => WouldBeDenied.Is(t.Category)).Sum(t => t.Events), from, to);
    }

    /// <summary>The stacked time series of the transition view: hourly buckets for windows up to
    /// <see cref="HourlyChartLimit"/>, daily otherwise; every bucket of the window is present (zero when nothing was logged).</summary>
    public async Task<TrafficChart> ChartAsync(TrafficWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var granularity = window.To - window.From <= HourlyChartLimit ? RollupGranularity.Hour : RollupGranularity.Day;
        var start = Truncate(window.From, granularity);
        var query = db.TrafficRollups.AsNoTracking()
            .Where(r => r.PerimeterId == window.PerimeterId && r.Granularity == granularity && r.BucketStart >= start && r.BucketStart < window.To);
        if (window.AssociationId is { } association)
        {
            query = query.Where(r => r.AssociationId == association);
        }

        var cells = await query.GroupBy(r => new { r.BucketStart, r.Category })
            .Select(g => new { g.Key.BucketStart, g.Key.Category, Events = g.Sum(r => r.Events) })
            .ToListAsync(cancellationToken);
        var buckets = new List<DateTime>();
        for (var bucket = start; bucket < window.To; bucket = Next(bucket, granularity))
        {
            buckets.Add(bucket);
        }

        var slot = buckets.Select((b, i) => (b, i)).ToDictionary(p => p.b, p => p.i);
        var series = new List<CategorySeries>();
        foreach (var category in cells.Select(c => c.Category).Distinct().OrderBy(c => WouldBeDenied.Is(c)).ThenBy(c => c))
        {
            var events = new long[buckets.Count];
            foreach (var cell in cells.Where(c => c.Category == category))
            {
                if (slot.TryGetValue(DateTime.SpecifyKind(cell.BucketStart, DateTimeKind.Utc), out var i))
                {
                    events[i] += cell.Events;
                }
            }

            series.Add(new CategorySeries(category, events));
        }

        return new TrafficChart(granularity, buckets, series);
    }

    /// <summary>Logged and would-be-denied events per UTC day of the window (daily rollups), for <see cref="Readiness"/>.</summary>
    public async Task<IReadOnlyList<DailyTotal>> DailyTotalsAsync(TrafficWindow window, CancellationToken cancellationToken = default)
    {
        var cells = await DailyCellsAsync(window, cancellationToken);
        return [.. cells.GroupBy(c => c.Day).OrderBy(g => g.Key)
            .Select(g => new DailyTotal(g.Key, g.Sum(c => c.Events), g.Where(c => WouldBeDenied.Is(c.Category)).Sum(c => c.Events)))];
    }

    /// <summary>Readiness as of today for the window's perimeter or association (<see cref="Readiness.Compute"/>).</summary>
    public async Task<ReadinessResult> ReadinessAsync(TrafficWindow window, int requiredDays = Readiness.DefaultRequiredDays,
        CancellationToken cancellationToken = default) =>
        Readiness.Compute(await DailyTotalsAsync(window, cancellationToken), DateOnly.FromDateTime(window.To), requiredDays);

    /// <summary>Per association of the window's perimeter: events logged, would-be-denied events, and the last day with any.</summary>
    public async Task<IReadOnlyList<AssociationTraffic>> AssociationsAsync(TrafficWindow window, CancellationToken cancellationToken = default)
    {
        var cells = await DailyCellsAsync(window with { AssociationId = null }, cancellationToken);
        return [.. cells.GroupBy(c => c.AssociationId).Select(g => new AssociationTraffic(g.Key, g.Sum(c => c.Events),
            g.Where(c => WouldBeDenied.Is(c.Category)).Sum(c => c.Events),
            g.Where(c => WouldBeDenied.Is(c.Category) && c.Events > 0).Select(c => (DateOnly?)c.Day).Max()))];
    }

    /// <summary>The window's stored rows as replay rows, oldest first; with <paramref name="wouldBeDeniedOnly"/> only the
    /// would-be-denied categories (what top sources and suggestions read), in no particular order. Rows without a PaaS
    /// resource are skipped.</summary>
    public async IAsyncEnumerable<ReplayRow> RowsAsync(TrafficWindow window, bool wouldBeDeniedOnly,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var reader = new ReplayRowReader();
        await foreach (var columns in Columns(window, wouldBeDeniedOnly).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (reader.Read(columns) is { } row)
            {
                yield return row;
            }
        }
    }

    /// <summary>The window's rows loaded into memory (replay reads them twice or more).</summary>
    public async Task<List<ReplayRow>> LoadRowsAsync(TrafficWindow window, bool wouldBeDeniedOnly, CancellationToken cancellationToken = default)
    {
        var rows = new List<ReplayRow>();
        await foreach (var row in RowsAsync(window, wouldBeDeniedOnly, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The top sources behind the window's would-be-denied traffic (IPv4 /24, IPv6 /64, subscriptions, calling
    /// resources, host names).</summary>
    public async Task<TopSourceSet> TopSourcesAsync(TrafficWindow window, int take = 10, CancellationToken cancellationToken = default) =>
        TopSources.Compute(await LoadRowsAsync(window, wouldBeDeniedOnly: true, cancellationToken), take);

    private IQueryable<ReplayColumns> Columns(TrafficWindow window, bool wouldBeDeniedOnly)
    {
        var from = DateTime.SpecifyKind(window.From, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(window.To, DateTimeKind.Utc);
        var query = db.TrafficLogs.AsNoTracking().Where(l => l.PerimeterId == window.PerimeterId && l.TimeGenerated >= from && l.TimeGenerated < to);
        if (window.AssociationId is { } association)
        {
            query = query.Where(l => l.AssociationId == association);
        }

        if (wouldBeDeniedOnly)
        {
            // Two equalities, not Contains: a parameter list becomes json_each on SQLite, which defeats the
            // (PerimeterId, Category, TimeGenerated) index.
            query = query.Where(l => l.Category == NspLogCategory.NspPublicInboundResourceRulesAllowed || l.Category == NspLogCategory.NspPublicOutboundResourceRulesAllowed);
        }

        // Only the full replay is ordered (its examples come oldest first); ordering the would-be-denied rows would make
        // SQLite walk the (PerimeterId, TimeGenerated) index over every category instead of the category index.
        if (!wouldBeDeniedOnly)
        {
            query = query.OrderBy(l => l.TimeGenerated).ThenBy(l => l.Id);
        }

        return query.Select(l => new ReplayColumns(l.Id, l.TimeGenerated, l.Count, l.Category,
            l.ResultDirection, l.ServiceResourceId, l.SourceIpAddress, l.SourceResourceId, l.SourceAppId, l.Parameters, l.SourceParameters,
            l.TrafficType, l.MatchedRule, l.DestinationFqdn, l.DestinationResourceId));
    }

    private async Task<List<(Guid AssociationId, NspLogCategory Category, DateOnly Day, long Events)>> DailyCellsAsync(TrafficWindow window,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = Truncate(window.From, RollupGranularity.Day);
        var query = db.TrafficRollups.AsNoTracking()
            .Where(r => r.PerimeterId == window.PerimeterId && r.Granularity == RollupGranularity.Day && r.BucketStart >= start && r.BucketStart < window.To);
        if (window.AssociationId is { } association)
        {
            query = query.Where(r => r.AssociationId == association);
        }

        var rows = await query.Select(r => new { r.AssociationId, r.Category, r.BucketStart, r.Events }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.AssociationId, r.Category, DateOnly.FromDateTime(r.BucketStart), r.Events))];
    }

    /// <summary>The start of the hour or day holding <paramref name="value"/> (UTC).</summary>
    public static DateTime Truncate(DateTime value, RollupGranularity granularity) => granularity == RollupGranularity.Hour
        ? new DateTime(value.Year, value.Month, value.Day, value.Hour, 0, 0, DateTimeKind.Utc)
        : new DateTime(value.Year, value.Month, value.Day, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Next(DateTime bucket, RollupGranularity granularity) =>
        granularity == RollupGranularity.Hour ? bucket.AddHours(1) : bucket.AddDays(1);
}
