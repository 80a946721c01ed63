using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.ResourcePicker;

/// <summary>A PaaS resource as the picker lists it. <see cref="PerimeterName"/> is set when it is already associated
/// (then it cannot be picked: one perimeter per resource, reference/nsp.md §2).</summary>
public sealed record PickerResource(
    string Name, string ResourceType, string ResourceGroup, string Location, Guid SubscriptionId, string SubscriptionName, string? PerimeterName)
{
    public string Id => ArmIds.Resource(SubscriptionId, ResourceGroup, ResourceType, Name);

    public string TypeDisplayName => AssociableResourceTypes.Find(ResourceType)?.DisplayName ?? ResourceType;

    public string LocationDisplayName => AzureRegions.DisplayName(Location);
}

/// <summary>The picker's filters (subscription, resource type, name) and page.</summary>
public sealed record PickerFilter(Guid? Subscription, string? Type, string? Name, int Page)
{
    public const int PageSize = 20;

    /// <summary>No filter, first page.</summary>
    public static PickerFilter None { get; } = new(null, null, null, 1);
}

/// <summary>One page of the picker's list, the total that matched the filters, and the subscriptions for the filter.
/// <see cref="Page"/> is the page shown: the one asked for, brought back to the last page when the filter left fewer.</summary>
public sealed record PickerPage(IReadOnlyList<PickerResource> Rows, int Total, int Page, IReadOnlyList<SubscriptionOption> Subscriptions)
{
    public static PickerPage Empty { get; } = new([], 0, 1, []);
}

/// <summary>Reads the inventory for the picker: associable types only (reference/nsp.md §4.6), readable subscriptions only,
/// paged in SQL so thousands of resources cost one page.</summary>
public static class ResourcePickerQuery
{
    private static readonly string[] AssociableTypes = [.. AssociableResourceTypes.All.Select(t => t.ResourceType.ToUpperInvariant())];

    public static async Task<PickerPage> LoadAsync(NspDbContext db, PickerFilter filter, IReadOnlyCollection<string> exclude, AccessGrants access,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentNullException.ThrowIfNull(access);
#pragma warning disable CA1862 // SQL: upper() is the portable case-insensitive comparison.
        var query = db.PaasResources.AsNoTracking().Where(r => AssociableTypes.Contains(r.ResourceType.ToUpper()));
        if (access.SubscriptionsWith(NspPermission.Read)?.ToArray() is { } readable)
        {
            query = query.Where(r => readable.Contains(r.ResourceGroup!.SubscriptionId));
        }

        if (filter.Subscription is { } subscription)
        {
            query = query.Where(r => r.ResourceGroup!.SubscriptionId == subscription);
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var type = filter.Type.Trim().ToUpperInvariant();
            query = query.Where(r => r.ResourceType.ToUpper() == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim().ToUpperInvariant();
            query = query.Where(r => r.NameKey.Contains(name));
        }
#pragma warning restore CA1862

        var excluded = exclude.Select(e => e.ToUpperInvariant()).ToArray();
        if (excluded.Length > 0)
        {
            query = query.Where(r => !excluded.Contains(r.ResourceIdKey));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PickerFilter.PageSize - 1) / PickerFilter.PageSize));
        var rows = await Project(query.OrderBy(r => r.NameKey).ThenBy(r => r.ResourceIdKey).Skip((page - 1) * PickerFilter.PageSize).Take(PickerFilter.PageSize))
            .ToListAsync(cancellationToken);
        return new PickerPage(rows, total, page, await ReadableSubscriptions.OptionsAsync(db, access, cancellationToken));
    }

    /// <summary>The resources with these ids (upper-case keys), wherever they are: the wizard shows what it selected.</summary>
    public static async Task<IReadOnlyList<PickerResource>> FindAsync(NspDbContext db, IReadOnlyCollection<string> upperCaseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = upperCaseIds.ToArray();
        return await Project(db.PaasResources.AsNoTracking().Where(r => keys.Contains(r.ResourceIdKey))).ToListAsync(cancellationToken);
    }

    private static IQueryable<PickerResource> Project(IQueryable<Data.Entities.PaasResourceEntity> query) =>
        query.Select(r => new PickerResource(r.Name, r.ResourceType, r.ResourceGroup!.Name, r.Location, r.ResourceGroup.SubscriptionId,
            r.ResourceGroup.Subscription!.DisplayName, r.Association == null ? null : r.Association.Perimeter!.Name));
}
