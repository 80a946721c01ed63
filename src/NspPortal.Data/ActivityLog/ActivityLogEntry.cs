namespace NspPortal.Data.ActivityLog;

/// <summary>One write to one ARM resource, recorded by <see cref="ActivityLogInterceptor"/> in the transaction of
/// the write: who changed what, when, and the resource's ARM JSON before and after.</summary>
public sealed class ActivityLogEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime EventTimestamp { get; set; }

    /// <summary>Shared by every entry of one save (one API request or one portal action).</summary>
    public Guid CorrelationId { get; set; }

    public Guid SubscriptionId { get; set; }

    public string? ResourceGroupName { get; set; }

    /// <summary>The resource's ARM id, as Azure spells it.</summary>
    public string ResourceId { get; set; } = "";

    /// <summary>Upper-invariant <see cref="ResourceId"/>: what per-resource lookups compare.</summary>
    public string ResourceIdKey { get; set; } = "";

    /// <summary>ARM type, e.g. <c>Microsoft.Network/networkSecurityPerimeters/profiles/accessRules</c>.</summary>
    public string ResourceType { get; set; } = "";

    /// <summary>ARM operation, e.g. <c>Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/write</c>.</summary>
    public string OperationName { get; set; } = "";

    /// <summary>Who made the change (systemData's <c>lastModifiedBy</c> for writes).</summary>
    public string Caller { get; set; } = "";

    /// <summary><c>User</c>, <c>Application</c>, <c>ManagedIdentity</c> or <c>Key</c> (ARM's createdByType values).</summary>
    public string CallerType { get; set; } = "";

    /// <summary>Always <c>Succeeded</c>: rejected requests change nothing and so record nothing.</summary>
    public string Status { get; set; } = "Succeeded";

    /// <summary>The resource's ARM JSON before the change; null for a create.</summary>
    public string? Before { get; set; }

    /// <summary>The resource's ARM JSON after the change; null for a delete.</summary>
    public string? After { get; set; }
}
