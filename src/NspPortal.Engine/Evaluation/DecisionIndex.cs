using System.Runtime.CompilerServices;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Evaluation;

/// <summary>The compiled decision index: an immutable structure built once from an <see cref="NspConfiguration"/>
/// that decides connections the way Azure NSP would (reference/nsp.md §4; readings in docs/engine.md). Thread-safe
/// for concurrent reads. <see cref="Evaluate(in ResolvedRequest)"/> allocates nothing; prefix lookups are
/// O(log n) over IPv4 and IPv6 together, subscriptions, perimeter GUIDs and FQDNs are hash lookups.</summary>
/// <example>
/// <code>
/// var index = DecisionIndex.Build(configuration);
/// var request = index.Resolve(new EvaluationRequest(AccessRuleDirection.Inbound, storageId)
/// {
///     Source = new RequestSource { IpAddress = IpAddressKey.Parse("198.51.100.7"), Authentication = CallerAuthentication.Sas },
/// });
/// Decision decision = index.Evaluate(request);          // hot path, reuse `request`
/// Explanation why = index.Explain(request);             // same decision plus its trace
/// </code>
/// </example>
public sealed partial class DecisionIndex
{
    private static readonly ResourceEntry UnknownResource = new() { Id = null, Service = Catalog.PaasService.Other };

    private readonly PerimeterEntry[] _perimeters;
    private readonly CompiledProfile[] _profiles;
    private readonly ResourceEntry[] _resources;
    private readonly Dictionary<string, int> _resourceSlots;
    private readonly AssociationEntry[] _associations;
    private readonly Dictionary<long, LinkRecord[]> _inboundLinks;
    private readonly Dictionary<long, LinkRecord[]> _outboundLinks;

    internal DecisionIndex(PerimeterEntry[] perimeters, CompiledProfile[] profiles, ResourceEntry[] resources,
        Dictionary<string, int> resourceSlots, AssociationEntry[] associations,
        Dictionary<long, LinkRecord[]> inboundLinks, Dictionary<long, LinkRecord[]> outboundLinks)
    {
        _perimeters = perimeters;
        _profiles = profiles;
        _resources = resources;
        _resourceSlots = resourceSlots;
        _associations = associations;
        _inboundLinks = inboundLinks;
        _outboundLinks = outboundLinks;
    }

    /// <summary>Compiles a configuration. Does not validate it (use <see cref="Validation.ConfigurationValidator"/>);
    /// where an invalid configuration is ambiguous, the first item in configuration order wins.</summary>
    public static DecisionIndex Build(NspConfiguration configuration) => DecisionIndexBuilder.Build(configuration);

    /// <summary>Number of perimeters compiled.</summary>
    public int PerimeterCount => _perimeters.Length;

    /// <summary>Number of resources known (listed or associated).</summary>
    public int ResourceCount => _resources.Length;

    /// <summary>Finds a resource by ARM id (case-insensitive). A child id (e.g. <c>…/blobServices/default</c>) that is
    /// not itself listed resolves to the nearest listed ancestor. An unknown resource gets a handle that carries only
    /// its service family; it is evaluated with Azure's defaults (not associated, public access Enabled, no firewall).</summary>
    public ResourceHandle FindResource(ArmResourceId? id)
    {
        if (id is null)
        {
            return ResourceHandle.None;
        }

        for (var current = id; current is not null && current.Depth > 0; current = current.Depth > 1 ? current.Parent : null)
        {
            if (_resourceSlots.TryGetValue(current.Value, out var slot))
            {
                return new ResourceHandle(slot, _resources[slot].Service);
            }
        }

        return new ResourceHandle(-1, ServiceErrors.ServiceOf(id.TopLevelResource?.ResourceType ?? id.ResourceType));
    }

    /// <summary>Resolves every id and value of a request once; evaluate the result as often as needed.</summary>
    public ResolvedRequest Resolve(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = FindResource(request.ResourceId);
        if (request.Direction == AccessRuleDirection.Outbound)
        {
            return new ResolvedRequest(AccessRuleDirection.Outbound, resource, request)
            {
                Fqdn = request.Destination.Fqdn?.Value,
                Destination = FindResource(request.Destination.ResourceId),
            };
        }

        var source = request.Source;
        var subscription = source.SubscriptionId ?? source.ResourceId?.SubscriptionId;
        return new ResolvedRequest(AccessRuleDirection.Inbound, resource, request)
        {
            HasAddress = source.IpAddress.HasValue,
            Address = source.IpAddress.GetValueOrDefault().Value,
            HasSubscription = subscription.HasValue,
            Subscription = subscription.GetValueOrDefault().Value,
            Caller = FindResource(source.ResourceId),
            PrivateEndpoint = source.PrivateEndpoint,
            TrustedService = source.TrustedService,
            Authentication = source.Authentication,
        };
    }

    /// <summary>Builds an inbound request from parts already resolved (for replaying logs without building
    /// <see cref="EvaluationRequest"/> objects). <paramref name="subscription"/> is the caller's token subscription.</summary>
    public static ResolvedRequest ResolveInbound(ResourceHandle resource, IpAddressKey? ipAddress, SubscriptionId? subscription,
        ResourceHandle caller, CallerAuthentication authentication, bool privateEndpoint = false, bool trustedService = false) =>
        new(AccessRuleDirection.Inbound, resource, null)
        {
            HasAddress = ipAddress.HasValue,
            Address = ipAddress.GetValueOrDefault().Value,
            HasSubscription = subscription.HasValue,
            Subscription = subscription.GetValueOrDefault().Value,
            Caller = caller,
            PrivateEndpoint = privateEndpoint,
            TrustedService = trustedService,
            Authentication = authentication,
        };

    /// <summary>Builds an outbound request from parts already resolved.</summary>
    public static ResolvedRequest ResolveOutbound(ResourceHandle resource, Fqdn? fqdn, ResourceHandle destination) =>
        new(AccessRuleDirection.Outbound, resource, null) { Fqdn = fqdn?.Value, Destination = destination };

    /// <summary>Decides a resolved request. Allocation-free.</summary>
    public Decision Evaluate(in ResolvedRequest request)
    {
        var trace = default(NoTrace);
        return Decide(in request, ref trace);
    }

    /// <summary>Resolves and decides (allocates for the resolution; prefer <see cref="Evaluate(in ResolvedRequest)"/> in loops).</summary>
    public Decision Evaluate(EvaluationRequest request) => Evaluate(Resolve(request));

    /// <summary>Decides a request and records every step that led to the decision.</summary>
    public Explanation Explain(in ResolvedRequest request)
    {
        var steps = new List<TraceStep>();
        var trace = new ListTrace(steps);
        var decision = Decide(in request, ref trace);
        return new Explanation(decision, steps);
    }

    /// <summary>Resolves, decides and explains.</summary>
    public Explanation Explain(EvaluationRequest request) => Explain(Resolve(request));

    private Decision Decide<T>(in ResolvedRequest request, ref T trace)
        where T : struct, ITrace =>
        request.Direction == AccessRuleDirection.Inbound ? DecideInbound(in request, ref trace) : DecideOutbound(in request, ref trace);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ResourceEntry ResourceOf(ResourceHandle handle) => handle.IsKnown ? _resources[handle.Index] : UnknownResource;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AssociationEntry? AssociationOf(ResourceHandle handle)
    {
        if (!handle.IsKnown)
        {
            return null;
        }

        var association = _resources[handle.Index].Association;
        return association >= 0 ? _associations[association] : null;
    }
}
