using NspPortal.Engine.Evaluation;

namespace NspPortal.Data.Traffic;

/// <summary>One stored NSP access-log row (table <c>TrafficLogs</c>): the <c>NSPAccessLogs</c> columns of
/// reference/nsp.md §3.3 as <see cref="Engine.Logs.AccessLogRecord"/> normalised them, plus what the import resolved
/// (perimeter, association, subscription of the PaaS resource), a sortable source-address key and the row hash that
/// de-duplicates rows across files. Written only by <c>TrafficLogImporter</c> (bulk) and never updated.</summary>
public sealed class TrafficLogEntry
{
    /// <summary>Database-generated, increasing; the tie-breaker of the blade's keyset paging and the troubleshooter's <c>?log=</c>.</summary>
    public long Id { get; set; }

    /// <summary>The perimeter this row belongs to, resolved at import from the logged perimeter id (by id, case-insensitive)
    /// or from the association of <see cref="ServiceResourceId"/>; null when neither is known to the portal.</summary>
    public Guid? PerimeterId { get; set; }

    /// <summary>The association of <see cref="ServiceResourceId"/> in that perimeter at import time; null when unknown.</summary>
    public Guid? AssociationId { get; set; }

    /// <summary>The subscription of <see cref="ServiceResourceId"/> (parsed from the id), for the blade's subscription filter.</summary>
    public Guid? SubscriptionId { get; set; }

    /// <summary>The import that stored the row (<see cref="TrafficImport.Id"/>); null for the live decision point.</summary>
    public Guid? ImportId { get; set; }

    /// <summary>First 16 bytes of SHA-256 over every logged column (<c>AccessLogHash</c>); unique.</summary>
    public byte[] RowHash { get; set; } = [];

    public DateTime TimeGenerated { get; set; }

    public DateTime? TimeGeneratedEndTime { get; set; }

    public int Count { get; set; } = 1;

    public NspLogCategory Category { get; set; }

    /// <summary>The logging perimeter's ARM id as logged (raw records upper-case it).</summary>
    public string? PerimeterResourceId { get; set; }

    public string? Location { get; set; }

    public string? OperationName { get; set; }

    public string? OperationVersion { get; set; }

    public string? Profile { get; set; }

    /// <summary>LA's <c>AccessRuleVersion</c> (a string; may be empty in Azure's records, stored null).</summary>
    public string? AccessRulesVersion { get; set; }

    /// <summary>The <c>accessRule</c> name of <c>MatchedRule</c>.</summary>
    public string? MatchedRule { get; set; }

    /// <summary><c>NSP</c> or <c>Resource</c>.</summary>
    public string? RuleType { get; set; }

    /// <summary><c>Approved</c> or <c>Denied</c>.</summary>
    public string? ResultAction { get; set; }

    /// <summary><c>Inbound</c> or <c>Outbound</c>.</summary>
    public string? ResultDirection { get; set; }

    public string? ResultDescription { get; set; }

    /// <summary><c>Private</c>, <c>Public</c>, <c>Intra</c> or <c>Cross</c>.</summary>
    public string? TrafficType { get; set; }

    public string? ServiceResourceId { get; set; }

    /// <summary>Upper-invariant <see cref="ServiceResourceId"/>, what resource lookups compare.</summary>
    public string? ServiceResourceIdKey { get; set; }

    public string? ServiceFqdn { get; set; }

    public string? AppId { get; set; }

    public string? Parameters { get; set; }

    public string? SourceIpAddress { get; set; }

    /// <summary><see cref="SourceIpAddress"/> as 32 hex digits of its IPv6(-mapped) value, so a CIDR filter is a range
    /// comparison; null when the address does not parse.</summary>
    public string? SourceIpKey { get; set; }

    public string? SourcePort { get; set; }

    public string? SourceProtocol { get; set; }

    public string? SourceResourceId { get; set; }

    public string? SourceAppId { get; set; }

    /// <summary>Comma-separated perimeter GUIDs (the LA column is a string).</summary>
    public string? SourcePerimeterGuids { get; set; }

    public string? SourceParameters { get; set; }

    /// <summary>Lower-cased host name.</summary>
    public string? DestinationFqdn { get; set; }

    public string? DestinationPort { get; set; }

    public string? DestinationProtocol { get; set; }

    public string? DestinationResourceId { get; set; }

    public string? DestinationParameters { get; set; }
}
