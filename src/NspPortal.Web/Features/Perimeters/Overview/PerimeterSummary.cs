using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Engine.Model;

namespace NspPortal.Web.Features.Perimeters.Overview;

/// <summary>One profile on the Overview: its rule and association counts.</summary>
public sealed record ProfileSummary(string Name, int InboundRules, int OutboundRules, int Associations);

/// <summary>What the Overview counts, each with a COUNT / GROUP BY query (nothing is loaded to be counted).</summary>
public sealed record PerimeterSummary(
    int Profiles,
    int AccessRules,
    int GeneratedRules,
    int Associations,
    IReadOnlyDictionary<AccessMode, int> AssociationsByMode,
    int Links,
    int LinkReferences,
    IReadOnlyList<ProfileSummary> ProfileRows)
{
    /// <summary>Profiles listed on the Overview before "see all".</summary>
    public const int MaxProfilesShown = 10;

    public int CountOf(AccessMode mode) => AssociationsByMode.GetValueOrDefault(mode);

    public static async Task<PerimeterSummary> LoadAsync(NspDbContext db, Guid perimeterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profiles = await db.Profiles.CountAsync(p => p.PerimeterId == perimeterId, cancellationToken);
        var rules = await db.AccessRules.Where(r => r.Profile!.PerimeterId == perimeterId)
            .GroupBy(r => r.LinkId != null || r.LinkReferenceId != null)
            .Select(g => new { Generated = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byMode = await db.ResourceAssociations.Where(a => a.PerimeterId == perimeterId)
            .GroupBy(a => a.AccessMode)
            .Select(g => new { Mode = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var links = await db.Links.CountAsync(l => l.PerimeterId == perimeterId, cancellationToken);
        var references = await db.LinkReferences.CountAsync(l => l.PerimeterId == perimeterId, cancellationToken);
        var profileRows = await db.Profiles.Where(p => p.PerimeterId == perimeterId).OrderBy(p => p.NameKey).Take(MaxProfilesShown)
            .Select(p => new ProfileSummary(
                p.Name,
                p.AccessRules.Count(r => r.Direction == AccessRuleDirection.Inbound),
                p.AccessRules.Count(r => r.Direction == AccessRuleDirection.Outbound),
                p.Associations.Count))
            .ToListAsync(cancellationToken);
        var modes = byMode.ToDictionary(m => m.Mode, m => m.Count);
        return new PerimeterSummary(profiles, rules.Sum(r => r.Count), rules.Where(r => r.Generated).Sum(r => r.Count), modes.Values.Sum(), modes,
            links, references, profileRows);
    }
}
