using NspPortal.Engine.Evaluation;

namespace NspPortal.Engine.Logs;

/// <summary>One NSP access-log row, normalised from any of the formats Azure writes (reference/nsp.md §3.2 raw
/// resource-log records, §3.3 the <c>NSPAccessLogs</c> table). Strings are kept as Azure wrote them, except that empty
/// strings become null and FQDNs are lower-cased (host names compare case-insensitively). Columns Azure derives from
/// the category (<see cref="ResultAction"/>, <see cref="ResultDirection"/>, <see cref="TrafficType"/>,
/// <see cref="RuleType"/>) are filled from it when a format omits them (raw records never carry them).</summary>
public sealed record AccessLogRecord
{
    /// <summary>Start of the aggregation window (UTC): <c>TimeGenerated</c>, raw <c>time</c>.</summary>
    public required DateTime TimeGenerated { get; init; }

    /// <summary>End of the aggregation window (UTC), when given.</summary>
    public DateTime? TimeGeneratedEndTime { get; init; }

    /// <summary>Events aggregated into this row; 1 when the record does not say (§3.2).</summary>
    public int Count { get; init; } = 1;

    /// <summary>The §3.1 category.</summary>
    public required NspLogCategory Category { get; init; }

    /// <summary>The perimeter that logged it (raw <c>resourceId</c>, upper-cased by Azure; LA <c>_ResourceId</c>).</summary>
    public string? PerimeterResourceId { get; init; }

    /// <summary>The perimeter's region.</summary>
    public string? Location { get; init; }

    /// <summary>The PaaS operation, e.g. <c>GetBlob</c>.</summary>
    public string? OperationName { get; init; }

    /// <summary>The api-version of the PaaS operation.</summary>
    public string? OperationVersion { get; init; }

    /// <summary>The NSP profile name.</summary>
    public string? Profile { get; init; }

    /// <summary>The profile's access-rules version used for the decision (LA <c>AccessRuleVersion</c>).</summary>
    public string? AccessRulesVersion { get; init; }

    /// <summary>The matched rule's name (the <c>accessRule</c> of <c>matchedRule</c>).</summary>
    public string? MatchedRule { get; init; }

    /// <summary>Where the matched rule is defined: <c>NSP</c> or <c>Resource</c> (§3.3 RuleType).</summary>
    public string? RuleType { get; init; }

    /// <summary><c>Approved</c> or <c>Denied</c>.</summary>
    public string? ResultAction { get; init; }

    /// <summary><c>Inbound</c> or <c>Outbound</c>.</summary>
    public string? ResultDirection { get; init; }

    /// <summary>Static description text (unreliable for filtering, §3.3).</summary>
    public string? ResultDescription { get; init; }

    /// <summary><c>Private</c>, <c>Public</c>, <c>Intra</c> or <c>Cross</c>.</summary>
    public string? TrafficType { get; init; }

    /// <summary>The PaaS resource that emitted the log.</summary>
    public string? ServiceResourceId { get; init; }

    /// <summary>The PaaS resource's host name.</summary>
    public string? ServiceFqdn { get; init; }

    /// <summary>The PaaS resource's Entra app id.</summary>
    public string? AppId { get; init; }

    /// <summary>Optional PaaS properties (a JSON string in Azure's records).</summary>
    public string? Parameters { get; init; }

    /// <summary>Inbound: the caller.</summary>
    public AccessLogSource Source { get; init; } = AccessLogSource.None;

    /// <summary>Outbound: what was called.</summary>
    public AccessLogDestination Destination { get; init; } = AccessLogDestination.None;

    /// <summary>True for the categories Azure writes when access was allowed.</summary>
    public bool IsApproved => string.Equals(ResultAction, LogCategories.Approved, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The inbound caller of an access-log row.</summary>
public sealed record AccessLogSource
{
    /// <summary>No caller details.</summary>
    public static AccessLogSource None { get; } = new();

    /// <summary>The caller's IP address as logged.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The caller's port (a string in Azure's records).</summary>
    public string? Port { get; init; }

    /// <summary><c>{AppProtocol}:{TransportProtocol}</c>, e.g. <c>HTTPS:TCP</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>The calling resource, when known.</summary>
    public string? ResourceId { get; init; }

    /// <summary>The caller's Entra app id.</summary>
    public string? AppId { get; init; }

    /// <summary>The caller's perimeters, when it was allowed through perimeter membership.</summary>
    public IReadOnlyList<string> PerimeterGuids { get; init; } = [];

    /// <summary>Optional caller properties.</summary>
    public string? Parameters { get; init; }
}

/// <summary>The outbound destination of an access-log row.</summary>
public sealed record AccessLogDestination
{
    /// <summary>No destination details.</summary>
    public static AccessLogDestination None { get; } = new();

    /// <summary>The host name called, lower-cased.</summary>
    public string? Fqdn { get; init; }

    /// <summary>The destination port.</summary>
    public string? Port { get; init; }

    /// <summary>The destination protocol.</summary>
    public string? Protocol { get; init; }

    /// <summary>The destination resource, when it is one.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Optional destination properties.</summary>
    public string? Parameters { get; init; }
}
