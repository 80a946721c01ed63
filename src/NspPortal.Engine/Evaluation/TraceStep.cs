namespace NspPortal.Engine.Evaluation;

/// <summary>What a trace step checked.</summary>
public enum TraceCheck
{
    /// <summary>Which resource is evaluated and what is known about it.</summary>
    Resource,

    /// <summary>Private-endpoint traffic.</summary>
    PrivateEndpoint,

    /// <summary>Whether the resource is associated, and with which perimeter, profile and mode.</summary>
    Association,

    /// <summary>Caller or destination in the same perimeter.</summary>
    IntraPerimeter,

    /// <summary>Caller or destination in a linked perimeter.</summary>
    CrossPerimeter,

    /// <summary>Inbound address-prefix rules of the profile.</summary>
    AddressPrefixRules,

    /// <summary>Inbound subscription rules of the profile.</summary>
    SubscriptionRules,

    /// <summary>Inbound service-tag rules (not evaluated).</summary>
    ServiceTagRules,

    /// <summary>Outbound FQDN rules of the profile.</summary>
    FqdnRules,

    /// <summary>What the access mode does when no perimeter rule allowed the connection.</summary>
    AccessMode,

    /// <summary>The resource's <c>publicNetworkAccess</c>.</summary>
    PublicNetworkAccess,

    /// <summary>The resource firewall's IP rules.</summary>
    ResourceFirewall,

    /// <summary>The resource's trusted-services exception.</summary>
    TrustedServices,
}

/// <summary>The outcome of a trace step.</summary>
public enum TraceOutcome
{
    /// <summary>The check matched (and, unless the step says otherwise, decided the result).</summary>
    Matched,

    /// <summary>The check did not match; evaluation continued.</summary>
    NotMatched,

    /// <summary>The check did not apply to this connection.</summary>
    Skipped,

    /// <summary>The step allowed the connection.</summary>
    Allowed,

    /// <summary>The step denied the connection.</summary>
    Denied,

    /// <summary>Context only.</summary>
    Info,
}

/// <summary>One step of an explanation.</summary>
/// <param name="Check">What was checked.</param>
/// <param name="Against">What it was checked against (profile, rule set, resource setting).</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Detail">A sentence for people.</param>
public sealed record TraceStep(TraceCheck Check, string Against, TraceOutcome Outcome, string Detail);
