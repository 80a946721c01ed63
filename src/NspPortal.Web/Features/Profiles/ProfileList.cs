using AccessRuleDirection = NspPortal.Engine.Model.AccessRuleDirection;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Web.Components;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Profiles;

/// <summary>One row of the Profiles blade: the profile and how much it holds, counted by the database.</summary>
public sealed record ProfileRow(string Name, string ETag, int InboundRules, int OutboundRules, int Associations, long AccessRulesVersion);

/// <summary>What the Profiles blade shows: the perimeter's URL parts, its profiles, what the caller may do.</summary>
public sealed record ProfilesView(Guid SubscriptionId, string ResourceGroup, string Perimeter, IReadOnlyList<ProfileRow> Rows, bool CanWrite)
{
    /// <summary>The blade: <c>/resource{perimeterId}/profiles</c>.</summary>
    public string PageUrl => PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, Perimeter, "profiles");

    public string CreatePanelUrl => PageUrl + "?panel=create";

    public string CreateUrl => PageUrl + "/create";

    public string DeleteUrl => PageUrl + "/delete";

    /// <summary>A profile's blade opens on its inbound rules: <c>/resource{profileId}/inboundRules</c>.</summary>
    public string ProfileUrl(string profile, string blade = "inboundRules") =>
        PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, Perimeter, $"profiles/{Uri.EscapeDataString(profile)}/{blade}");

    public ProfileRow? Find(string name) => Rows.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Loads the Profiles blade. Rules and associations are counted in the query (correlated COUNTs), never
/// loaded: a perimeter may hold 200 profiles of 200 rules each.</summary>
public static class ProfileList
{
    public static async Task<IReadOnlyList<ProfileRow>> LoadAsync(NspDbContext db, Guid perimeterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Profiles.AsNoTracking()
            .Where(p => p.PerimeterId == perimeterId)
            .OrderBy(p => p.NameKey)
            .Select(p => new ProfileRow(
                p.Name,
                p.ETag,
                db.AccessRules.Count(r => r.ProfileId == p.Id && r.Direction == AccessRuleDirection.Inbound),
                db.AccessRules.Count(r => r.ProfileId == p.Id && r.Direction == AccessRuleDirection.Outbound),
                db.ResourceAssociations.Count(a => a.ProfileId == p.Id),
                p.AccessRulesVersion))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The Profiles blade's data with the perimeter it belongs to; null when the perimeter does not exist.</summary>
    public static async Task<(PerimeterEntity Perimeter, ProfilesView View)?> LoadBladeAsync(NspDbContext db, PerimeterPath path, CurrentAccess access,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(access);
        var perimeter = await BladeResults.PerimeterAsync(db, path.SubscriptionId, path.ResourceGroup, path.Name, cancellationToken: cancellationToken);
        if (perimeter is null)
        {
            return null;
        }

        var rows = await LoadAsync(db, perimeter.Id, cancellationToken);
        var canWrite = await access.AllowsAsync(NspPermission.Write, NspScope.Subscription(path.SubscriptionId), cancellationToken);
        return (perimeter, new ProfilesView(path.SubscriptionId, perimeter.ResourceGroup!.Name, perimeter.Name, rows, canWrite));
    }
}
