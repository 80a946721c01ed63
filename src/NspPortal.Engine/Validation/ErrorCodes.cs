namespace NspPortal.Engine.Validation;

/// <summary>The ARM-style error codes the engine reports (<c>docs/engine.md</c>, "Validation codes"). The ARM API
/// returns them in <c>error.code</c>, the portal keys help text on them; they never change meaning.</summary>
public static class ErrorCodes
{
    /// <summary>A perimeter, profile, rule, association, link or link reference name breaks the rules of reference/nsp.md §1.1.</summary>
    public const string InvalidResourceName = "InvalidResourceName";

    /// <summary>Two siblings share a name (ARM names compare case-insensitively).</summary>
    public const string DuplicateResourceName = "DuplicateResourceName";

    /// <summary>Not an IPv4 or IPv6 CIDR prefix.</summary>
    public const string InvalidAddressPrefix = "InvalidAddressPrefix";

    /// <summary>A CIDR prefix with bits set after the prefix length; the message names the normalised prefix.</summary>
    public const string AddressPrefixHasHostBits = "AddressPrefixHasHostBits";

    /// <summary>Not an IPv4 or IPv6 address (requests).</summary>
    public const string InvalidIpAddress = "InvalidIpAddress";

    /// <summary>Not a subscription GUID or <c>/subscriptions/{guid}</c>.</summary>
    public const string InvalidSubscriptionId = "InvalidSubscriptionId";

    /// <summary>Not a fully qualified domain name.</summary>
    public const string InvalidFqdn = "InvalidFqdn";

    /// <summary>Warning: a wildcard FQDN (<c>*.contoso.com</c>); Azure does not document wildcards and the engine
    /// matches the entry literally, so it admits no real host.</summary>
    public const string FqdnWildcardNotSupported = "FqdnWildcardNotSupported";

    /// <summary>Not an ARM resource id, or an id of the wrong resource type.</summary>
    public const string InvalidResourceId = "InvalidResourceId";

    /// <summary>A service tag that is empty or contains characters service tags never use.</summary>
    public const string InvalidServiceTag = "InvalidServiceTag";

    /// <summary>An access rule sets more than one rule type (reference/nsp.md §1.3, §7.2).</summary>
    public const string AccessRuleMultipleRuleTypes = "AccessRuleMultipleRuleTypes";

    /// <summary>An access rule sets no rule type at all.</summary>
    public const string AccessRuleMissingRuleType = "AccessRuleMissingRuleType";

    /// <summary>A direction that is not <c>Inbound</c>/<c>Outbound</c>, or a rule type used in the wrong direction (§1.3 matrix).</summary>
    public const string AccessRuleInvalidDirection = "AccessRuleInvalidDirection";

    /// <summary><c>emailAddresses</c> or <c>phoneNumbers</c>: "currently unavailable for use" (reference/nsp.md §1.3).</summary>
    public const string AccessRuleTypeUnavailable = "AccessRuleTypeUnavailable";

    /// <summary>A request body sets a read-only property, e.g. <c>networkSecurityPerimeters</c> on an access rule.</summary>
    public const string ReadOnlyProperty = "ReadOnlyProperty";

    /// <summary>A limit of reference/nsp.md §2 is exceeded (an error for hard limits, a warning for recommended ones).</summary>
    public const string LimitExceeded = "LimitExceeded";

    /// <summary>The PaaS resource already has an association (one perimeter per resource, reference/nsp.md §2).</summary>
    public const string ResourceAlreadyAssociated = "ResourceAlreadyAssociated";

    /// <summary>An association's profile belongs to another perimeter.</summary>
    public const string ProfileNotInPerimeter = "ProfileNotInPerimeter";

    /// <summary>An association's profile does not exist in its perimeter.</summary>
    public const string ProfileNotFound = "ProfileNotFound";

    /// <summary>The PaaS resource's type cannot be associated with a perimeter (reference/nsp.md §4.6).</summary>
    public const string ResourceTypeNotAssociable = "ResourceTypeNotAssociable";

    /// <summary>An access mode other than <c>Learning</c>, <c>Enforced</c> or <c>Audit</c>.</summary>
    public const string InvalidAccessMode = "InvalidAccessMode";

    /// <summary>A <c>publicNetworkAccess</c> other than <c>Enabled</c>, <c>Disabled</c> or <c>SecuredByPerimeter</c>.</summary>
    public const string InvalidPublicNetworkAccess = "InvalidPublicNetworkAccess";

    /// <summary>A link's profile list holds something other than <c>*</c> or unique profile names.</summary>
    public const string InvalidLinkProfiles = "InvalidLinkProfiles";

    /// <summary>A link or link reference that points at its own perimeter, or at no perimeter.</summary>
    public const string InvalidRemotePerimeter = "InvalidRemotePerimeter";

    /// <summary>Two perimeters share a <c>perimeterGuid</c>.</summary>
    public const string DuplicatePerimeterGuid = "DuplicatePerimeterGuid";

    /// <summary>Warning: a list repeats a value.</summary>
    public const string DuplicateValue = "DuplicateValue";

    /// <summary>Snapshot: the text is not JSON, or not the expected shape.</summary>
    public const string InvalidJson = "InvalidJson";

    /// <summary>Snapshot: a required property is missing.</summary>
    public const string MissingProperty = "MissingProperty";

    /// <summary>Snapshot: a property has the wrong JSON kind or an unknown enum value.</summary>
    public const string InvalidPropertyValue = "InvalidPropertyValue";

    /// <summary>Snapshot: a child resource whose parent (perimeter or profile) is not in the snapshot.</summary>
    public const string ParentResourceNotFound = "ParentResourceNotFound";

    /// <summary>Snapshot warning: a resource type the engine ignores (e.g. <c>loggingConfigurations</c> is fine and silent; anything else warns).</summary>
    public const string UnsupportedResourceType = "UnsupportedResourceType";

    /// <summary>Snapshot: the same ARM id appears twice.</summary>
    public const string DuplicateResource = "DuplicateResource";

    /// <summary><c>nsp evaluate</c>: a request line that is not a valid request.</summary>
    public const string InvalidRequest = "InvalidRequest";
}
