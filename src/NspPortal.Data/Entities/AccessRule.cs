using NspPortal.Engine.Model;

namespace NspPortal.Data.Entities;

/// <summary><c>profiles/accessRules</c> (reference/nsp.md §1.3). Exactly one of the lists is used per rule.</summary>
public sealed class AccessRuleEntity : ArmEntity
{
    public Guid ProfileId { get; set; }

    public ProfileEntity? Profile { get; set; }

    public AccessRuleDirection Direction { get; set; }

    public ProvisioningState ProvisioningState { get; set; } = ProvisioningState.Succeeded;

    /// <summary>Inbound IPv4/IPv6 CIDRs, normalised.</summary>
    public List<string> AddressPrefixes { get; set; } = [];

    /// <summary>Inbound subscription ids in ARM form <c>/subscriptions/{guid}</c>.</summary>
    public List<string> Subscriptions { get; set; } = [];

    /// <summary>Outbound FQDNs.</summary>
    public List<string> FullyQualifiedDomainNames { get; set; } = [];

    /// <summary>Inbound service tags (preview in Azure).</summary>
    public List<string> ServiceTags { get; set; } = [];

    /// <summary>Outbound e-mail addresses: unavailable in Azure, kept only to echo the wire shape.</summary>
    public List<string> EmailAddresses { get; set; } = [];

    /// <summary>Outbound phone numbers: unavailable in Azure, kept only to echo the wire shape.</summary>
    public List<string> PhoneNumbers { get; set; } = [];

    /// <summary>Linked perimeters this rule admits: filled only on rules a perimeter link generated (read-only on the wire).</summary>
    public List<PerimeterRuleReference> NetworkSecurityPerimeters { get; set; } = [];

    /// <summary>The link that generated this rule (in the perimeter that created the link), if any.</summary>
    public Guid? LinkId { get; set; }

    public LinkEntity? Link { get; set; }

    /// <summary>The link reference that generated this rule (in the remote perimeter of a link), if any.</summary>
    public Guid? LinkReferenceId { get; set; }

    public LinkReferenceEntity? LinkReference { get; set; }

    /// <summary>True for rules a perimeter link generated: users cannot change or delete them.</summary>
    public bool IsGeneratedByLink => LinkId is not null || LinkReferenceId is not null;
}
