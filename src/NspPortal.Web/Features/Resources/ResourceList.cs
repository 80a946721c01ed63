using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Web.Security.Authorization;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Web.Features.Perimeters;

namespace NspPortal.Web.Features.Resources;

/// <summary>One row of the All resources grid: a PaaS resource of the inventory or a perimeter.</summary>
public sealed record ResourceRow(
    string Name,
    string ResourceType,
    string ResourceGroup,
    string Location,
    Guid SubscriptionId,
    string SubscriptionName,
    string? PerimeterName)
{
    /// <summary>The display name of the type ("Storage account"), as the Azure portal's Type column shows it.</summary>
    public string TypeDisplayName => string.Equals(ResourceType, ArmIds.PerimeterType, StringComparison.OrdinalIgnoreCase)
        ? "Network security perimeter"
        : AssociableResourceTypes.Find(ResourceType)?.DisplayName ?? ResourceType;

    public string Id => ArmIds.Resource(SubscriptionId, ResourceGroup, ResourceType, Name);
}

/// <summary>Filter, subscription, type, sort and page of the All resources blade.</summary>
public sealed record ResourceListQuery(string? Filter, Guid? Subscription, string? Type, string? Sort, bool Descending, int Page)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> SortKeys = ["name", "type", "resourceGroup", "location", "subscription"];

    public string ToQueryString(string? sort = null, bool? descending = null, int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter)) parts.Add($"filter={Uri.EscapeDataString(Filter)}");
        if (Subscription is { } s) parts.Add($"subscription={s}");
        if (!string.IsNullOrWhiteSpace(Type)) parts.Add($"type={Uri.EscapeDataString(Type)}");
        var sortKey = sort ?? Sort;
        if (!string.IsNullOrEmpty(sortKey)) parts.Add($"sort={sortKey}");
        if (descending ?? Descending) parts.Add("desc=true");
        var pageNumber = page ?? Page;
        if (pageNumber > 1) parts.Add($"page={pageNumber}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

public sealed record ResourceListResult(
    IReadOnlyList<ResourceRow> Rows, int Total, int TotalUnfiltered,
    IReadOnlyList<SubscriptionOption> Subscriptions, IReadOnlyList<string> Types);

/// <summary>Loads the All resources grid: PaaS resources and perimeters in one sorted, paged list (UNION ALL in SQL),
/// only from the subscriptions the caller may read.</summary>
public static class ResourceList
{
    public static async Task<ResourceListResult> LoadAsync(NspDbContext db, ResourceListQuery query, AccessGrants access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(access);
        var paas = db.PaasResources.AsNoTracking().Select(r => new
        {
            r.Name,
            r.NameKey,
            r.ResourceType,
            ResourceGroup = r.ResourceGroup!.Name,
            ResourceGroupKey = r.ResourceGroup.NameKey,
            r.Location,
            SubscriptionId = r.ResourceGroup.SubscriptionId,
            SubscriptionName = r.ResourceGroup.Subscription!.DisplayName,
            PerimeterName = r.Association == null ? null : r.Association.Perimeter!.Name,
        });
        var perimeters = db.Perimeters.AsNoTracking().Select(p => new
        {
            p.Name,
            p.NameKey,
            ResourceType = ArmIds.PerimeterType,
            ResourceGroup = p.ResourceGroup!.Name,
            ResourceGroupKey = p.ResourceGroup.NameKey,
            p.Location,
            SubscriptionId = p.ResourceGroup.SubscriptionId,
            SubscriptionName = p.ResourceGroup.Subscription!.DisplayName,
            PerimeterName = (string?)null,
        });
        var rows = paas.Concat(perimeters);
        if (access.SubscriptionsWith(NspPermission.Read)?.ToArray() is { } readable)
        {
            rows = rows.Where(r => readable.Contains(r.SubscriptionId));
        }

        var totalUnfiltered = await rows.CountAsync(cancellationToken);
        var types = await rows.Select(r => r.ResourceType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

        if (query.Subscription is { } subscription)
        {
            rows = rows.Where(r => r.SubscriptionId == subscription);
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            rows = rows.Where(r => r.ResourceType == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var key = query.Filter.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // This is SQL, not .NET: upper() on both sides is the portable case-insensitive match.
            rows = rows.Where(r => r.NameKey.Contains(key) || r.ResourceGroupKey.Contains(key) || r.ResourceType.ToUpper().Contains(key)
                || r.Location.ToUpper().Contains(key) || r.SubscriptionName.ToUpper().Contains(key));
#pragma warning restore CA1862
        }

        var total = query.Subscription is null && string.IsNullOrWhiteSpace(query.Type) && string.IsNullOrWhiteSpace(query.Filter) ? totalUnfiltered : await rows.CountAsync(cancellationToken); // one query fewer for the common view
        rows = (query.Sort, query.Descending) switch
        {
            ("type", false) => rows.OrderBy(r => r.ResourceType).ThenBy(r => r.NameKey),
            ("type", true) => rows.OrderByDescending(r => r.ResourceType).ThenBy(r => r.NameKey),
            ("resourceGroup", false) => rows.OrderBy(r => r.ResourceGroupKey).ThenBy(r => r.NameKey),
            ("resourceGroup", true) => rows.OrderByDescending(r => r.ResourceGroupKey).ThenBy(r => r.NameKey),
            ("location", false) => rows.OrderBy(r => r.Location).ThenBy(r => r.NameKey),
            ("location", true) => rows.OrderByDescending(r => r.Location).ThenBy(r => r.NameKey),
            ("subscription", false) => rows.OrderBy(r => r.SubscriptionName).ThenBy(r => r.NameKey),
            ("subscription", true) => rows.OrderByDescending(r => r.SubscriptionName).ThenBy(r => r.NameKey),
            (_, true) => rows.OrderByDescending(r => r.NameKey),
            _ => rows.OrderBy(r => r.NameKey),
        };

        var page = Math.Max(1, query.Page);
        var items = await rows.Skip((page - 1) * ResourceListQuery.PageSize).Take(ResourceListQuery.PageSize)
            .Select(r => new ResourceRow(r.Name, r.ResourceType, r.ResourceGroup, r.Location, r.SubscriptionId, r.SubscriptionName, r.PerimeterName))
            .ToListAsync(cancellationToken);
        var subscriptions = await ReadableSubscriptions.OptionsAsync(db, access, cancellationToken);
        return new ResourceListResult(items, total, totalUnfiltered, subscriptions, types);
    }
}
