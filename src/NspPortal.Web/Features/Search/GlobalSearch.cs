using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Web.Components;

namespace NspPortal.Web.Features.Search;

/// <summary>One hit of the global search box.</summary>
public sealed record SearchHit(string Group, string Label, string Detail, string Href, string Icon);

/// <summary>The top bar's search: portal services by name, then perimeters, PaaS resources and resource groups
/// whose name contains the text (case-insensitive), a few of each — only from subscriptions the caller may read.</summary>
public static class GlobalSearch
{
    private const int PerGroup = 6;

    private static readonly SearchHit[] Services =
    [
        new("Services", "Network security perimeters", "Service", PortalRoutes.Perimeters, "shield_lock"),
        new("Services", "All resources", "Service", PortalRoutes.AllResources, "grid"),
        new("Services", "Activity log", "Service", PortalRoutes.ActivityLog, "document_bullet_list"),
        new("Services", "Create a network security perimeter", "Service", PortalRoutes.CreatePerimeter, "add"),
    ];

    public static async Task<IReadOnlyList<SearchHit>> FindAsync(NspDbContext db, string? text, AccessGrants access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var q = text.Trim();
        var key = q.ToUpperInvariant();
        var hits = Services.Where(s => s.Label.Contains(q, StringComparison.OrdinalIgnoreCase)
            || (q.Length >= 3 && "nsp".Contains(q, StringComparison.OrdinalIgnoreCase))).ToList();

        var readable = access.SubscriptionsWith(NspPermission.Read)?.ToArray();
        var perimeters = await db.Perimeters.AsNoTracking().Where(p => p.NameKey.Contains(key))
            .Where(p => readable == null || readable.Contains(p.ResourceGroup!.SubscriptionId)).OrderBy(p => p.NameKey).Take(PerGroup)
            .Select(p => new { p.Name, Group = p.ResourceGroup!.Name, p.ResourceGroup.SubscriptionId }).ToListAsync(cancellationToken);
        hits.AddRange(perimeters.Select(p => new SearchHit("Network security perimeters", p.Name, p.Group,
            PortalRoutes.Perimeter(p.SubscriptionId, p.Group, p.Name), "shield_lock")));

        var resources = await db.PaasResources.AsNoTracking().Where(r => r.NameKey.Contains(key))
            .Where(r => readable == null || readable.Contains(r.ResourceGroup!.SubscriptionId)).OrderBy(r => r.NameKey).Take(PerGroup)
            .Select(r => new { r.Name, r.ResourceType, Group = r.ResourceGroup!.Name, r.ResourceGroup.SubscriptionId }).ToListAsync(cancellationToken);
        hits.AddRange(resources.Select(r => new SearchHit("Resources", r.Name,
            AssociableResourceTypes.Find(r.ResourceType)?.DisplayName ?? r.ResourceType,
            PortalRoutes.Resource(ArmIds.Resource(r.SubscriptionId, r.Group, r.ResourceType, r.Name)), "cloud")));

        var groups = await db.ResourceGroups.AsNoTracking().Where(g => g.NameKey.Contains(key))
            .Where(g => readable == null || readable.Contains(g.SubscriptionId)).OrderBy(g => g.NameKey).Take(PerGroup)
            .Select(g => new { g.Name, Subscription = g.Subscription!.DisplayName }).ToListAsync(cancellationToken);
        hits.AddRange(groups.Select(g => new SearchHit("Resource groups", g.Name, g.Subscription,
            $"{PortalRoutes.AllResources}?filter={Uri.EscapeDataString(g.Name)}", "folder")));
        return hits;
    }
}
