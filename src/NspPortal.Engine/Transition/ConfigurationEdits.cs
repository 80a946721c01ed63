using System.Collections.Immutable;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>What-if variants of a configuration: the same configuration with a profile's rules replaced, resources
/// associated, or associations switched to another access mode. Pure; the input is not changed.</summary>
public static class ConfigurationEdits
{
    /// <summary>The configuration with the draft applied to its profile in <paramref name="perimeterId"/>: the
    /// profile's rules become the draft's, link-generated perimeter rules kept (the profile is created when missing) and the draft's
    /// <see cref="ProfileDraft.AddResources"/> become Learning associations of that profile (resources already
    /// associated anywhere are left as they are).</summary>
    public static NspConfiguration WithDraft(NspConfiguration configuration, ArmResourceId perimeterId, ProfileDraft draft)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(draft);
        var associated = configuration.Perimeters.SelectMany(p => p.Associations).Select(a => a.PrivateLinkResourceId).ToHashSet();
        return MapPerimeter(configuration, perimeterId, perimeter =>
        {
            var profiles = perimeter.Profiles.Any(p => NameIs(p.Name, draft.ProfileName))
                ? perimeter.Profiles.Select(p => NameIs(p.Name, draft.ProfileName) ? p with { AccessRules = [.. p.AccessRules.Where(r => !ProfileDraft.IsDraftable(r)), .. draft.Rules] } : p).ToImmutableArray()
                : perimeter.Profiles.Add(new Profile(draft.ProfileName) { AccessRules = draft.Rules });
            var added = draft.AddResources.Where(r => !associated.Contains(r))
                .Select(r => new ResourceAssociation(DraftAssociationName(r), r, perimeter.ProfileId(draft.ProfileName), AccessMode.Learning));
            return perimeter with { Profiles = profiles, Associations = perimeter.Associations.AddRange(added) };
        });
    }

    /// <summary>The configuration with the associations of <paramref name="perimeterId"/> that
    /// <paramref name="select"/> picks switched to <paramref name="mode"/>.</summary>
    public static NspConfiguration WithAccessMode(NspConfiguration configuration, ArmResourceId perimeterId,
        Func<ResourceAssociation, bool> select, AccessMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(select);
        return MapPerimeter(configuration, perimeterId, perimeter => perimeter with
        {
            Associations = [.. perimeter.Associations.Select(a => select(a) ? a with { AccessMode = mode } : a)],
        });
    }

    /// <summary>The name given to the association a draft creates for a resource: <c>{resource name}-assoc</c>,
    /// cut to the 80-character name limit.</summary>
    public static string DraftAssociationName(ArmResourceId resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource.Name + "-assoc";
        return name.Length <= 80 ? name : name[..80];
    }

    private static NspConfiguration MapPerimeter(NspConfiguration configuration, ArmResourceId perimeterId, Func<Perimeter, Perimeter> map) =>
        configuration with { Perimeters = [.. configuration.Perimeters.Select(p => p.Id.Equals(perimeterId) ? map(p) : p)] };

    private static bool NameIs(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
