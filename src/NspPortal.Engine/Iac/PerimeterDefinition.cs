using System.Collections.Immutable;

namespace NspPortal.Engine.Iac;

/// <summary>The deployable definition of one perimeter — what "Export template" writes and what a template import
/// creates. Plain values (ids and enums as ARM spells them); the Data layer builds it from stored resources.
/// Service-created parts (link references, link-generated rules, GUIDs, provisioning states) are not part of it.</summary>
/// <param name="Name">The perimeter name (a template parameter, defaulting to this).</param>
/// <param name="Location">The region (a template parameter, defaulting to this).</param>
public sealed record PerimeterDefinition(string Name, string Location)
{
    /// <summary>Tags, in key order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Tags { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Profiles with their access rules, in name order.</summary>
    public ImmutableArray<ProfileDefinition> Profiles { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Resource associations, in name order.</summary>
    public ImmutableArray<AssociationDefinition> Associations { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Links to other perimeters, in name order.</summary>
    public ImmutableArray<LinkDefinition> Links { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The logging configuration <c>instance</c>, when the perimeter has one.</summary>
    public LoggingConfigurationDefinition? LoggingConfiguration { get; init; }
}

/// <summary>A profile and its user-created access rules.</summary>
public sealed record ProfileDefinition(string Name)
{
    /// <summary>The profile's rules, in name order (link-generated rules excluded).</summary>
    public ImmutableArray<AccessRuleDefinition> AccessRules { get; init => field = value.IsDefault ? [] : value; } = [];
}

/// <summary>An access rule: a direction and the values of its (one) rule type.</summary>
/// <param name="Name">The rule name.</param>
/// <param name="Direction"><c>Inbound</c> or <c>Outbound</c>.</param>
public sealed record AccessRuleDefinition(string Name, string Direction)
{
    /// <summary>Inbound CIDRs.</summary>
    public ImmutableArray<string> AddressPrefixes { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Outbound FQDNs.</summary>
    public ImmutableArray<string> FullyQualifiedDomainNames { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Subscription ids in ARM form <c>/subscriptions/{guid}</c>.</summary>
    public ImmutableArray<string> Subscriptions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Inbound service tags.</summary>
    public ImmutableArray<string> ServiceTags { get; init => field = value.IsDefault ? [] : value; } = [];
}

/// <summary>A resource association: the PaaS resource's id, the profile (by name, in the same perimeter), the mode.</summary>
/// <param name="Name">The association name.</param>
/// <param name="PrivateLinkResourceId">The PaaS resource's ARM id.</param>
/// <param name="ProfileName">The profile, in the same perimeter.</param>
/// <param name="AccessMode"><c>Learning</c>, <c>Enforced</c> or <c>Audit</c>.</param>
public sealed record AssociationDefinition(string Name, string PrivateLinkResourceId, string ProfileName, string AccessMode);

/// <summary>A link to another perimeter (auto-approval).</summary>
public sealed record LinkDefinition(string Name, string RemotePerimeterResourceId)
{
    /// <summary>Local profiles open to the remote perimeter (<c>*</c> = all).</summary>
    public ImmutableArray<string> LocalInboundProfiles { get; init => field = value.IsDefault ? [] : value; } = ["*"];

    /// <summary>Remote profiles open to this perimeter (<c>*</c> = all).</summary>
    public ImmutableArray<string> RemoteInboundProfiles { get; init => field = value.IsDefault ? [] : value; } = ["*"];

    /// <summary>Free text, at most 140 characters.</summary>
    public string? Description { get; init; }
}

/// <summary>The logging configuration singleton: the enabled log categories.</summary>
public sealed record LoggingConfigurationDefinition(ImmutableArray<string> EnabledLogCategories);

/// <summary>Export formats.</summary>
public enum TemplateFormat
{
    /// <summary>ARM template JSON (deploymentTemplate 2019-04-01 schema), api-version 2025-05-01.</summary>
    Arm,

    /// <summary>Bicep with 2025-05-01 types.</summary>
    Bicep,

    /// <summary>Terraform for azurerm ≥ 4.57 (<c>azurerm_network_security_perimeter*</c>).</summary>
    Terraform,
}

/// <summary>Writes a definition in any <see cref="TemplateFormat"/>.</summary>
public static class TemplateWriter
{
    /// <summary>The ARM api-version the exported templates use.</summary>
    public const string ApiVersion = "2025-05-01";

    /// <summary>The document in the format asked for.</summary>
    public static string Write(PerimeterDefinition perimeter, TemplateFormat format) => format switch
    {
        TemplateFormat.Bicep => BicepWriter.Write(perimeter),
        TemplateFormat.Terraform => TerraformWriter.Write(perimeter),
        _ => ArmTemplateWriter.Write(perimeter),
    };
}
