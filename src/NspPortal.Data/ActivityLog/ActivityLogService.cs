using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Services;

namespace NspPortal.Data.ActivityLog;

/// <summary>What to read from the activity log: one subscription (required), optionally one resource (exact id,
/// case-insensitive), one resource group, one correlation, a time window; newest first.</summary>
public sealed record ActivityLogQuery(Guid SubscriptionId)
{
    public string? ResourceId { get; init; }

    public string? ResourceGroupName { get; init; }

    public Guid? CorrelationId { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }
}

/// <summary>Reads the activity log, per subscription or per resource (the API and the Activity log blade).</summary>
public sealed class ActivityLogService(NspDbContext db)
{
    public async Task<Page<ActivityLogEntry>> QueryAsync(ActivityLogQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var entries = db.ActivityLog.AsNoTracking().Where(e => e.SubscriptionId == query.SubscriptionId);
        if (query.ResourceId is { } resourceId)
        {
            var key = resourceId.TrimEnd('/').ToUpperInvariant();
            entries = entries.Where(e => e.ResourceIdKey == key);
        }

        if (query.ResourceGroupName is { } group)
        {
            var groupKey = group.ToUpperInvariant();
#pragma warning disable CA1862 // SQL: upper() is the portable case-insensitive comparison.
            entries = entries.Where(e => e.ResourceGroupName!.ToUpper() == groupKey);
#pragma warning restore CA1862
        }

        if (query.CorrelationId is { } correlation)
        {
            entries = entries.Where(e => e.CorrelationId == correlation);
        }

        if (query.From is { } from)
        {
            var utc = from.ToUniversalTime();
            entries = entries.Where(e => e.EventTimestamp >= utc);
        }

        if (query.To is { } to)
        {
            var utc = to.ToUniversalTime();
            entries = entries.Where(e => e.EventTimestamp <= utc);
        }

        return await Lookup.PageAsync(entries.OrderByDescending(e => e.EventTimestamp).ThenBy(e => e.ResourceIdKey).ThenBy(e => e.Id), page, cancellationToken);
    }

    public async Task<ActivityLogEntry?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.ActivityLog.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
}
