using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

/// <summary>A PaaS resource resolved against one <see cref="DecisionIndex"/>: an index slot, or "not in the
/// configuration" (then only its service family is known). Valid only with the index that produced it.</summary>
public readonly record struct ResourceHandle
{
    private readonly int _slot;

    internal ResourceHandle(int index, PaasService service)
    {
        _slot = index + 1;
        Service = service;
    }

    /// <summary>No resource (e.g. an inbound caller that is not a PaaS resource).</summary>
    public static ResourceHandle None { get; }

    /// <summary>The resource's service family (picks the per-service error).</summary>
    public PaasService Service { get; }

    /// <summary>True when the configuration lists the resource (in <c>paasResources</c> or an association).</summary>
    public bool IsKnown => _slot > 0;

    internal int Index => _slot - 1;
}

/// <summary>A request with every id and value resolved against one <see cref="DecisionIndex"/>: what
/// <see cref="DecisionIndex.Evaluate(in ResolvedRequest)"/> takes, allocation-free. Build it with
/// <see cref="DecisionIndex.Resolve(EvaluationRequest)"/>, <see cref="DecisionIndex.ResolveInbound"/> or
/// <see cref="DecisionIndex.ResolveOutbound"/>; reuse it as often as needed.</summary>
public readonly struct ResolvedRequest
{
    internal ResolvedRequest(AccessRuleDirection direction, ResourceHandle resource, EvaluationRequest? request)
    {
        Direction = direction;
        Resource = resource;
        Request = request;
    }

    /// <summary>Inbound or outbound.</summary>
    public AccessRuleDirection Direction { get; }

    /// <summary>The resource evaluated.</summary>
    public ResourceHandle Resource { get; }

    /// <summary>The request it came from, when resolved from one (used for explanations only).</summary>
    public EvaluationRequest? Request { get; }

    internal bool HasAddress { get; init; }

    internal UInt128 Address { get; init; }

    internal bool HasSubscription { get; init; }

    internal Guid Subscription { get; init; }

    internal ResourceHandle Caller { get; init; }

    internal bool PrivateEndpoint { get; init; }

    internal bool TrustedService { get; init; }

    internal CallerAuthentication Authentication { get; init; }

    /// <summary>Normalised destination FQDN (see <see cref="Values.Fqdn"/>), or null.</summary>
    internal string? Fqdn { get; init; }

    internal ResourceHandle Destination { get; init; }
}
