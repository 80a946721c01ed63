using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Evaluation;

/// <summary>How the caller authenticated (reference/nsp.md §4.1, §4.2 step 4 and 6).</summary>
public enum CallerAuthentication
{
    /// <summary>No credential, or not stated (the default when a request omits it).</summary>
    Anonymous,

    /// <summary>A managed identity: the only kind that qualifies for intra- and cross-perimeter access.</summary>
    ManagedIdentity,

    /// <summary>An Entra ID token of a user or service principal: subscription rules apply, perimeter membership does not.</summary>
    EntraId,

    /// <summary>A shared access signature: only IP rules apply.</summary>
    Sas,

    /// <summary>A shared key / access key: only IP rules apply.</summary>
    SharedKey,
}

/// <summary>The caller of an inbound request. Absent values mean false/none.</summary>
public sealed record RequestSource
{
    /// <summary>No caller details.</summary>
    public static RequestSource None { get; } = new();

    /// <summary>The caller's public IP address.</summary>
    public IpAddressKey? IpAddress { get; init; }

    /// <summary>The subscription in the caller's Entra token. When absent, the subscription of <see cref="ResourceId"/> is
    /// used (a managed identity belongs to its resource's subscription).</summary>
    public SubscriptionId? SubscriptionId { get; init; }

    /// <summary>The calling PaaS resource (for intra- and cross-perimeter access).</summary>
    public ArmResourceId? ResourceId { get; init; }

    /// <summary>The request arrived through a private endpoint.</summary>
    public bool PrivateEndpoint { get; init; }

    /// <summary>The caller is a trusted Azure service (firewall bypass where the resource allows it).</summary>
    public bool TrustedService { get; init; }

    /// <summary>How the caller authenticated.</summary>
    public CallerAuthentication Authentication { get; init; }
}

/// <summary>The destination of an outbound request.</summary>
public sealed record RequestDestination
{
    /// <summary>No destination details.</summary>
    public static RequestDestination None { get; } = new();

    /// <summary>The host name called.</summary>
    public Fqdn? Fqdn { get; init; }

    /// <summary>The destination PaaS resource, when it is one (for intra- and cross-perimeter access).</summary>
    public ArmResourceId? ResourceId { get; init; }
}

/// <summary>One connection to decide, in the shape of an <c>nsp evaluate</c> request line. Build it once and resolve it
/// with <see cref="DecisionIndex.Resolve(EvaluationRequest)"/> when the same request is evaluated many times.</summary>
/// <param name="Direction">Inbound to <paramref name="ResourceId"/>, or outbound from it.</param>
/// <param name="ResourceId">The PaaS resource called (inbound) or calling out (outbound); a child id (e.g. a blob
/// service) resolves to its top-level resource.</param>
public sealed record EvaluationRequest(AccessRuleDirection Direction, ArmResourceId ResourceId)
{
    /// <summary>The caller's correlation id, echoed in the decision.</summary>
    public string? Id { get; init; }

    /// <summary>Inbound: who calls.</summary>
    public RequestSource Source { get; init; } = RequestSource.None;

    /// <summary>Outbound: what is called.</summary>
    public RequestDestination Destination { get; init; } = RequestDestination.None;
}
