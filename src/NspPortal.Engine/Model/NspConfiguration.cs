using System.Collections.Immutable;

namespace NspPortal.Engine.Model;

/// <summary>A perimeter configuration snapshot: what the rule engine compiles (<c>Evaluation.DecisionIndex</c>) and
/// validates (<see cref="Validation.ConfigurationValidator"/>). Plain immutable records: the Data layer builds it
/// from EF entities, <c>Json.SnapshotReader</c> from ARM JSON; neither needs the other.</summary>
/// <remarks>Unset lists are empty, never default. The engine never mutates the model.</remarks>
public sealed record NspConfiguration
{
    /// <summary>An empty configuration.</summary>
    public static NspConfiguration Empty { get; } = new();

    /// <summary>The perimeters, each with its profiles, associations, links and link references.</summary>
    public ImmutableArray<Perimeter> Perimeters { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The PaaS resources whose network settings matter (associated or called). A resource missing here is
    /// treated as Azure creates it: <c>publicNetworkAccess</c> Enabled, no firewall rules (docs/engine.md).</summary>
    public ImmutableArray<PaasResource> PaasResources { get; init => field = value.IsDefault ? [] : value; } = [];
}
