using Microsoft.EntityFrameworkCore;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Traffic;

/// <summary>The Logs blade's filters, already parsed (the page validates the text). Null means "any".</summary>
/// <param name="PerimeterId">The perimeter whose rows are searched.</param>
/// <param name="From">Start of the time range (UTC, inclusive).</param>
/// <param name="To">End of the time range (UTC, exclusive).</param>
public sealed record LogFilter(Guid PerimeterId, DateTime From, DateTime To)
{
    public NspLogCategory? Category { get; init; }

    /// <summary>The PaaS resource (<c>ServiceResourceId</c>), compared case-insensitively.</summary>
    public string? ResourceId { get; init; }

    public string? Profile { get; init; }

    /// <summary>The source address or a prefix it must lie in.</summary>
    public IpPrefix? Source { get; init; }

    /// <summary>The subscription of the PaaS resource.</summary>
    public Guid? SubscriptionId { get; init; }

    /// <summary>The destination host (outbound) or the service's host name, compared case-insensitively.</summary>
    public string? Fqdn { get; init; }

    /// <summary><c>Approved</c> or <c>Denied</c>.</summary>
    public string? Result { get; init; }
}

/// <summary>Where a page of the Logs blade starts: after the row (time, id) the previous page ended with (keyset paging,
/// newest first, stable while rows are imported).</summary>
public sealed record LogCursor(DateTime Time, long Id)
{
    /// <summary><c>{ticks}-{id}</c>, for a query string.</summary>
    public override string ToString() => $"{Time.Ticks}-{Id}";

    public static LogCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        return parts is { Length: 2 } && long.TryParse(parts[0], out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], out var id)
            ? new LogCursor(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}

/// <summary>One page of log rows and the cursor of the next (older) page, null on the last page.</summary>
public sealed record LogPage(IReadOnlyList<TrafficLogEntry> Rows, LogCursor? Next);

/// <summary>The Logs blade's query over <c>TrafficLogs</c>: one perimeter's rows newest first, filtered, paged by keyset
/// (the index <c>(PerimeterId, TimeGenerated, Id)</c>, or <c>(PerimeterId, Category, TimeGenerated, Id)</c> with a category).</summary>
public sealed class TrafficLogSearch(NspDbContext db)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    public async Task<LogPage> PageAsync(LogFilter filter, LogCursor? after, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        if (after is not null)
        {
            var time = DateTime.SpecifyKind(after.Time, DateTimeKind.Utc);
            query = query.Where(l => l.TimeGenerated < time || (l.TimeGenerated == time && l.Id < after.Id));
        }

        var rows = await query.OrderByDescending(l => l.TimeGenerated).ThenByDescending(l => l.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        if (rows.Count <= pageSize)
        {
            return new LogPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return new LogPage(rows, new LogCursor(last.TimeGenerated, last.Id));
    }

    /// <summary>Every matching row, newest first, streamed (for the CSV export; nothing is held in memory).</summary>
    public IAsyncEnumerable<TrafficLogEntry> AllAsync(LogFilter filter) =>
        Filtered(filter).OrderByDescending(l => l.TimeGenerated).ThenByDescending(l => l.Id).AsAsyncEnumerable();

    /// <summary>One row of a perimeter, or null.</summary>
    public Task<TrafficLogEntry?> FindAsync(Guid perimeterId, long id, CancellationToken cancellationToken = default) =>
        db.TrafficLogs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.PerimeterId == perimeterId, cancellationToken);

    private IQueryable<TrafficLogEntry> Filtered(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = DateTime.SpecifyKind(filter.From, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(filter.To, DateTimeKind.Utc);
        var query = db.TrafficLogs.AsNoTracking().Where(l => l.PerimeterId == filter.PerimeterId && l.TimeGenerated >= from && l.TimeGenerated < to);
        if (filter.Category is { } category)
        {
            query = query.Where(l => l.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(filter.ResourceId))
        {
            var key = filter.ResourceId.Trim().ToUpperInvariant();
            query = query.Where(l => l.ServiceResourceIdKey == key);
        }

        if (!string.IsNullOrWhiteSpace(filter.Profile))
        {
            var profile = filter.Profile.Trim();
            query = query.Where(l => l.Profile == profile);
        }

        if (filter.Source is { } source)
        {
            var (first, last) = SourceAddressKey.Range(source);
            query = first == last
                ? query.Where(l => l.SourceIpKey == first)
                : query.Where(l => string.Compare(l.SourceIpKey, first) >= 0 && string.Compare(l.SourceIpKey, last) <= 0);
        }

        if (filter.SubscriptionId is { } subscription)
        {
            query = query.Where(l => l.SubscriptionId == subscription);
        }

        if (!string.IsNullOrWhiteSpace(filter.Fqdn))
        {
            var fqdn = filter.Fqdn.Trim().ToLowerInvariant();
            query = query.Where(l => l.DestinationFqdn == fqdn || l.ServiceFqdn == fqdn);
        }

        if (!string.IsNullOrWhiteSpace(filter.Result))
        {
            var result = filter.Result;
            query = query.Where(l => l.ResultAction == result);
        }

        return query;
    }
}
