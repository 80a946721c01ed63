using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Evaluation;

/// <summary>A PaaS resource in the index: its own settings and its association (-1 when none).</summary>
internal sealed class ResourceEntry
{
    public required ArmResourceId? Id { get; init; }

    public required PaasService Service { get; init; }

    public PublicNetworkAccess Access { get; init; } = PublicNetworkAccess.Enabled;

    public IpPrefix[] FirewallRules { get; init; } = [];

    public PrefixSet Firewall { get; init; } = PrefixSet.Empty;

    public bool AllowTrustedServices { get; init; }

    /// <summary>False when only an association names the resource (Azure defaults apply).</summary>
    public bool Listed { get; init; }

    public int Association { get; set; } = -1;
}

internal sealed class PerimeterEntry
{
    public required Perimeter Model { get; init; }

    public Guid Guid => Model.PerimeterGuid;

    public string Name => Model.Name;
}

internal sealed class AssociationEntry
{
    public required string Name { get; init; }

    public required int Perimeter { get; init; }

    public required CompiledProfile Profile { get; init; }

    /// <summary>The profile's name as the perimeter spells it, or as the association spells it when the profile is missing.</summary>
    public required string ProfileName { get; init; }

    public required AccessMode Mode { get; init; }

    /// <summary>What decisions about this association report (shared, so decisions allocate nothing).</summary>
    public required DecisionScope Scope { get; init; }
}

/// <summary>A profile compiled for lookup. Rules are in name order (case-insensitive); every structure maps a
/// value to the position of the first rule in that order that lists it, so the reported rule is deterministic.</summary>
internal sealed class CompiledProfile
{
    public required string Name { get; init; }

    public required int Perimeter { get; init; }

    /// <summary>Position among all profiles of the index (for link profile filters).</summary>
    public required int Index { get; init; }

    public long AccessRulesVersion { get; init; }

    /// <summary>False for a profile an association names but the perimeter lacks (invalid configuration).</summary>
    public bool Exists { get; init; } = true;

    public AccessRule[] Rules { get; init; } = [];

    public PrefixSet InboundPrefixes { get; init; } = PrefixSet.Empty;

    public Dictionary<Guid, int> InboundSubscriptions { get; init; } = [];

    public Dictionary<string, int> OutboundFqdns { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<Guid, int> InboundPerimeters { get; init; } = [];

    public Dictionary<Guid, int> OutboundPerimeters { get; init; } = [];

    public int InboundPrefixCount { get; init; }

    public bool HasServiceTagRules { get; init; }

    /// <summary>Position of the first inbound rule listing a subscription (<see cref="int.MaxValue"/> when none): a
    /// prefix match before it makes the subscription lookup unnecessary.</summary>
    public int FirstSubscriptionRule { get; init; } = int.MaxValue;
}

/// <summary>Which profiles of one perimeter a link record admits.</summary>
internal sealed class ProfileFilter
{
    public static readonly ProfileFilter All = new(true, []);

    private readonly bool _all;
    private readonly HashSet<int> _members;

    public ProfileFilter(bool all, HashSet<int> members)
    {
        _all = all;
        _members = members;
    }

    public bool Admits(int profileIndex) => _all || _members.Contains(profileIndex);
}

/// <summary>One Approved link or link reference, seen for traffic from a source perimeter into a destination perimeter.</summary>
internal sealed class LinkRecord
{
    public required string Name { get; init; }

    /// <summary>"link" or "link reference", and the perimeter holding it (explanations).</summary>
    public required string Description { get; init; }

    public required ProfileFilter DestinationInbound { get; init; }

    public required ProfileFilter SourceOutbound { get; init; }
}
