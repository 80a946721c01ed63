using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters;

/// <summary>One row of the Network security perimeters grid.</summary>
public sealed record PerimeterRow(
    string Name,
    string ResourceGroup,
    string Location,
    Guid SubscriptionId,
    string SubscriptionName,
    int Profiles,
    int Associations);

/// <summary>What the list blade asks for: free-text filter, subscription filter, sort column and direction, page.</summary>
public sealed record PerimeterListQuery(string? Filter, Guid? Subscription, string? Sort, bool Descending, int Page)
{
    public const int PageSize = 50;

    /// <summary>Sortable columns, by the key used in URLs.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["name", "resourceGroup", "location", "subscription", "profiles", "associations"];

    /// <summary>The query string that reproduces this view with the given changes (for sort and pager links).</summary>
    public string ToQueryString(string? sort = null, bool? descending = null, int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter)) parts.Add($"filter={Uri.EscapeDataString(Filter)}");
        if (Subscription is { } s) parts.Add($"subscription={s}");
        var sortKey = sort ?? Sort;
        if (!string.IsNullOrEmpty(sortKey)) parts.Add($"sort={sortKey}");
        if (descending ?? Descending) parts.Add("desc=true");
        var pageNumber = page ?? Page;
        if (pageNumber > 1) parts.Add($"page={pageNumber}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>A page of perimeters plus what the blade needs around it.</summary>
public sealed record PerimeterListResult(IReadOnlyList<PerimeterRow> Rows, int Total, int TotalUnfiltered, IReadOnlyList<SubscriptionOption> Subscriptions);

/// <summary>A subscription for filter and picker drop-downs.</summary>
public sealed record SubscriptionOption(Guid Id, string DisplayName);

/// <summary>Loads the perimeters grid, only from the subscriptions the caller may read. Filtering compares upper-cased
/// values, so it is case-insensitive on both databases.</summary>
public static class PerimeterList
{
    public static async Task<PerimeterListResult> LoadAsync(NspDbContext db, PerimeterListQuery query, AccessGrants access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(access);
        var rows = db.Perimeters.AsNoTracking().Select(p => new
        {
            p.Name,
            p.NameKey,
            ResourceGroup = p.ResourceGroup!.Name,
            ResourceGroupKey = p.ResourceGroup.NameKey,
            p.Location,
            SubscriptionId = p.ResourceGroup.SubscriptionId,
            SubscriptionName = p.ResourceGroup.Subscription!.DisplayName,
            Profiles = p.Profiles.Count,
            Associations = p.Associations.Count,
        });

        if (access.SubscriptionsWith(NspPermission.Read)?.ToArray() is { } readable)
        {
            rows = rows.Where(r => readable.Contains(r.SubscriptionId));
        }

        var totalUnfiltered = await rows.CountAsync(cancellationToken);
        if (query.Subscription is { } subscription)
        {
            rows = rows.Where(r => r.SubscriptionId == subscription);
        }

        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var key = query.Filter.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // This is SQL, not .NET: upper() on both sides is the portable case-insensitive match.
            rows = rows.Where(r => r.NameKey.Contains(key) || r.ResourceGroupKey.Contains(key)
                || r.Location.ToUpper().Contains(key) || r.SubscriptionName.ToUpper().Contains(key));
#pragma warning restore CA1862
        }

        var total = query.Subscription is null && string.IsNullOrWhiteSpace(query.Filter) ? totalUnfiltered : await rows.CountAsync(cancellationToken); // one query fewer for the common view
        rows = (query.Sort, query.Descending) switch
        {
            ("resourceGroup", false) => rows.OrderBy(r => r.ResourceGroupKey).ThenBy(r => r.NameKey),
            ("resourceGroup", true) => rows.OrderByDescending(r => r.ResourceGroupKey).ThenBy(r => r.NameKey),
            ("location", false) => rows.OrderBy(r => r.Location).ThenBy(r => r.NameKey),
            ("location", true) => rows.OrderByDescending(r => r.Location).ThenBy(r => r.NameKey),
            ("subscription", false) => rows.OrderBy(r => r.SubscriptionName).ThenBy(r => r.NameKey),
            ("subscription", true) => rows.OrderByDescending(r => r.SubscriptionName).ThenBy(r => r.NameKey),
            ("profiles", false) => rows.OrderBy(r => r.Profiles).ThenBy(r => r.NameKey),
            ("profiles", true) => rows.OrderByDescending(r => r.Profiles).ThenBy(r => r.NameKey),
            ("associations", false) => rows.OrderBy(r => r.Associations).ThenBy(r => r.NameKey),
            ("associations", true) => rows.OrderByDescending(r => r.Associations).ThenBy(r => r.NameKey),
            (_, true) => rows.OrderByDescending(r => r.NameKey),
            _ => rows.OrderBy(r => r.NameKey),
        };

        var page = Math.Max(1, query.Page);
        var items = await rows.Skip((page - 1) * PerimeterListQuery.PageSize).Take(PerimeterListQuery.PageSize)
            .Select(r => new PerimeterRow(r.Name, r.ResourceGroup, r.Location, r.SubscriptionId, r.SubscriptionName, r.Profiles, r.Associations))
            .ToListAsync(cancellationToken);
        var subscriptions = await ReadableSubscriptions.OptionsAsync(db, access, cancellationToken);
        return new PerimeterListResult(items, total, totalUnfiltered, subscriptions);
    }
}
