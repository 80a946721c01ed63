namespace NspPortal.Engine.Model;

/// <summary>Access mode of a resource association (reference/nsp.md §1.3, §4.4). The wire value of the
/// transition mode is <c>Learning</c>; the portal shows it as "Transition (Learning)".</summary>
public enum AccessMode
{
    /// <summary>Transition mode: NSP rules first, then the resource's own firewall as a fallback.</summary>
    Learning,

    /// <summary>Only NSP rules (plus private, intra- and cross-perimeter traffic) allow traffic.</summary>
    Enforced,

    /// <summary>Undocumented in Azure's concept pages: traffic that fails the checks is logged but not blocked.</summary>
    Audit,
}

/// <summary>Direction of an access rule (reference/nsp.md §1.4).</summary>
public enum AccessRuleDirection
{
    /// <summary>Traffic into the associated PaaS resource.</summary>
    Inbound,

    /// <summary>Traffic from the associated PaaS resource to a destination.</summary>
    Outbound,
}

/// <summary><c>publicNetworkAccess</c> of an onboarded PaaS resource (reference/nsp.md §1.8).</summary>
public enum PublicNetworkAccess
{
    /// <summary>Public access governed by the resource firewall (and NSP when associated).</summary>
    Enabled,

    /// <summary>No public access, except trusted services and NSP rules when associated.</summary>
    Disabled,

    /// <summary>Only the perimeter's rules govern access; locked down when not associated.</summary>
    SecuredByPerimeter,
}

/// <summary>Status of a perimeter link or link reference (reference/nsp.md §1.4).</summary>
public enum LinkStatus
{
    /// <summary>The link is in force.</summary>
    Approved,

    /// <summary>Waiting for approval on the remote side.</summary>
    Pending,

    /// <summary>The remote side rejected the link.</summary>
    Rejected,

    /// <summary>The other side removed its half of the link.</summary>
    Disconnected,
}

/// <summary>ARM provisioning state of NSP resources (reference/nsp.md §1.4).</summary>
public enum ProvisioningState
{
    /// <summary>The resource is in its requested state.</summary>
    Succeeded,

    /// <summary>Being created.</summary>
    Creating,

    /// <summary>Being updated.</summary>
    Updating,

    /// <summary>Being deleted.</summary>
    Deleting,

    /// <summary>Accepted, not started.</summary>
    Accepted,

    /// <summary>The last operation failed.</summary>
    Failed,
}
