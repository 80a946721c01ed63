using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.Engine.Model;
using NspPortal.Web.Components;

namespace NspPortal.Web.Features.Perimeters.Links;

/// <summary>A link (or, on Link references, a link reference) as a grid row. <see cref="RemoteName"/> is the last
/// segment of the remote perimeter's id; <see cref="RemoteUrl"/> its blade when it is stored here.</summary>
public sealed record LinkRow(string Name, string ETag, string RemotePerimeterId, string RemoteName, string? RemoteUrl, IReadOnlyList<string> LocalInbound,
    IReadOnlyList<string> RemoteInbound, LinkStatus Status, string Description, ProvisioningState State);

/// <summary>A perimeter a link can point at: another perimeter in a subscription the caller can read.</summary>
public sealed record RemotePerimeterOption(string Id, string Name, string ResourceGroup, string Subscription, string Location);

/// <summary>The create pane's fields, as typed (kept on a refused save) plus what the chosen remote offers.</summary>
public sealed record LinkForm
{
    public string Name { get; init; } = "";

    /// <summary>The remote perimeter's ARM id (picked from the list or typed).</summary>
    public string Remote { get; init; } = "";

    /// <summary>Local profiles that accept inbound traffic from the remote; <c>*</c> = all.</summary>
    public IReadOnlyList<string> LocalInbound { get; init; } = ["*"];

    /// <summary>Remote profiles that accept inbound traffic from here; <c>*</c> = all.</summary>
    public IReadOnlyList<string> RemoteInbound { get; init; } = ["*"];

    public string Description { get; init; } = "";

    /// <summary>The remote perimeter's profiles, when <see cref="Remote"/> names a perimeter stored here.</summary>
    public IReadOnlyList<string>? RemoteProfiles { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public string ProblemKind { get; init; } = "error";

    /// <summary>Field errors by form field name.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();

    public static LinkForm From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        string One(string key) => map.TryGetValue(key, out var v) ? v.ToString().Trim() : "";
        IReadOnlyList<string> Many(string key) => map.TryGetValue(key, out var v) ? [.. v.Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)] : [];
        var local = Many("local");
        var remoteInbound = Many("remoteInbound");
        var typedRemote = One("remoteId");
        return new LinkForm
        {
            Name = One("linkName"),
            Remote = typedRemote.Length > 0 ? typedRemote : One("remote"),
            LocalInbound = local.Count == 0 || local.Contains("*") ? ["*"] : local,
            RemoteInbound = remoteInbound.Count == 0 || remoteInbound.Contains("*") ? ["*"] : remoteInbound,
            Description = One("description"),
        };
    }
}

/// <summary>What the Links and Link references blades show.</summary>
public sealed record LinksView(Guid SubscriptionId, string ResourceGroup, string PerimeterName, string PerimeterId, IReadOnlyList<LinkRow> Links,
    IReadOnlyList<LinkRow> References, IReadOnlyList<string> Profiles, IReadOnlyList<RemotePerimeterOption> Remotes, bool CanWrite)
{
    /// <summary>Links per perimeter (reference/nsp.md §4.5).</summary>
    public const int MaxLinks = 10;

    public const int MaxDescription = 140;

    public string LinksUrl => PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, PerimeterName, Menu.PerimeterMenu.Keys.Links);

    public string ReferencesUrl => PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, PerimeterName, Menu.PerimeterMenu.Keys.LinkReferences);

    public static async Task<LinksView?> LoadAsync(NspDbContext db, PerimeterEntity? perimeter, AccessGrants grants, bool withRemotes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grants);
        if (perimeter is null)
        {
            return null;
        }

        var subscriptionId = perimeter.ResourceGroup!.SubscriptionId;
        var links = await db.Links.AsNoTracking().Where(l => l.PerimeterId == perimeter.Id).OrderBy(l => l.NameKey).ToListAsync(cancellationToken);
        var references = await db.LinkReferences.AsNoTracking().Where(l => l.PerimeterId == perimeter.Id).OrderBy(l => l.NameKey).ToListAsync(cancellationToken);
        var profiles = await db.Profiles.AsNoTracking().Where(p => p.PerimeterId == perimeter.Id).OrderBy(p => p.NameKey).Select(p => p.Name).ToListAsync(cancellationToken);
        IReadOnlyList<RemotePerimeterOption> remotes = [];
        if (withRemotes)
        {
            var readable = grants.SubscriptionsWith(NspPermission.Read)?.ToArray();
            var rows = await db.Perimeters.AsNoTracking()
                .Where(p => p.Id != perimeter.Id && (readable == null || readable.Contains(p.ResourceGroup!.SubscriptionId)))
                .OrderBy(p => p.ResourceGroup!.Subscription!.DisplayName).ThenBy(p => p.NameKey)
                .Select(p => new { p.Name, Group = p.ResourceGroup!.Name, p.ResourceGroup.SubscriptionId, Subscription = p.ResourceGroup.Subscription!.DisplayName, p.Location })
                .ToListAsync(cancellationToken);
            remotes = [.. rows.Select(r => new RemotePerimeterOption(ArmIds.Perimeter(r.SubscriptionId, r.Group, r.Name), r.Name, r.Group, r.Subscription, r.Location))];
        }

        return new LinksView(subscriptionId, perimeter.ResourceGroup.Name, perimeter.Name, ArmIds.Perimeter(subscriptionId, perimeter.ResourceGroup.Name, perimeter.Name),
            [.. links.Select(l => Row(l.Name, l.ETag, l.RemotePerimeterResourceId, l.LocalInboundProfiles, l.RemoteInboundProfiles, l.Status, l.Description, l.ProvisioningState))],
            [.. references.Select(l => Row(l.Name, l.ETag, l.RemotePerimeterResourceId, l.LocalInboundProfiles, l.RemoteInboundProfiles, l.Status, l.Description, l.ProvisioningState))],
            profiles, remotes, grants.Allows(NspPermission.Write, NspScope.Subscription(subscriptionId)));
    }

    /// <summary>The profiles of the perimeter <paramref name="remoteId"/> names, or null when it is not stored here.</summary>
    public static async Task<IReadOnlyList<string>?> RemoteProfilesAsync(NspDbContext db, string remoteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Engine.Values.ArmResourceId.TryParse(remoteId, out var id, out _) || id.ResourceGroupName is null)
        {
            return null;
        }

        var groupKey = ArmEntity.NameKeyOf(id.ResourceGroupName);
        var nameKey = ArmEntity.NameKeyOf(id.Name);
        var subscription = id.SubscriptionId.Value;
        var perimeter = await db.Perimeters.AsNoTracking()
            .Where(p => p.NameKey == nameKey && p.ResourceGroup!.NameKey == groupKey && p.ResourceGroup.SubscriptionId == subscription)
            .Select(p => new { Profiles = p.Profiles.OrderBy(x => x.NameKey).Select(x => x.Name).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return perimeter?.Profiles;
    }

    private static LinkRow Row(string name, string etag, string remoteId, List<string> local, List<string> remote, LinkStatus status, string description, ProvisioningState state) =>
        new(name, etag, remoteId, remoteId.TrimEnd('/').Split('/')[^1], remoteId.Length > 0 ? PortalRoutes.Resource(remoteId) : null, local, remote, status, description, state);
}
