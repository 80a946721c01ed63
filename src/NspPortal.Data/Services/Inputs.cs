using NspPortal.Engine.Validation;

namespace NspPortal.Data.Services;

/// <summary>Where a perimeter lives: subscription, resource group, name (names compare case-insensitively).</summary>
public sealed record PerimeterPath(Guid SubscriptionId, string ResourceGroup, string Name);

/// <summary>A perimeter PUT: <c>location</c> (required, immutable) and <c>tags</c> (replaced; null means none).</summary>
public sealed record PerimeterInput(PerimeterPath Path, string? Location, IReadOnlyDictionary<string, string>? Tags);

/// <summary>A resource association PUT (reference/nsp.md §1.3). Ids as the caller wrote them; <c>accessMode</c>
/// defaults to <c>Learning</c> (Transition).</summary>
public sealed record AssociationInput(string Name, string? PrivateLinkResourceId, string? ProfileId, string? AccessMode);

/// <summary>A link PUT (reference/nsp.md §1.3, §4.5). Profile lists default to <c>["*"]</c>, the description to "Auto Approved".</summary>
public sealed record LinkInput(string Name, string? AutoApprovedRemotePerimeterResourceId, IReadOnlyList<string>? LocalInboundProfiles,
    IReadOnlyList<string>? RemoteInboundProfiles, string? Description);

/// <summary>A logging configuration PUT; the name is always <c>instance</c>. <paramref name="DestinationDescription"/>
/// is the portal's note of where the logs go (Diagnostic settings); null keeps what is stored (the API has no such
/// property), empty clears it.</summary>
public sealed record LoggingConfigurationInput(string Name, IReadOnlyList<string>? EnabledLogCategories, string? DestinationDescription = null);

/// <summary>What the create-perimeter wizard submits (reference/nsp.md §5.1): the perimeter, its first profile, the
/// inbound and outbound rules of that profile and the resources to associate with it, created in one transaction.</summary>
/// <param name="Path">Where the new perimeter goes.</param>
/// <param name="Location">The perimeter's region.</param>
/// <param name="Tags">The perimeter's tags.</param>
/// <param name="ProfileName">The first profile (the portal suggests <c>defaultProfile</c>).</param>
/// <param name="Rules">Access rules of the first profile, as request bodies (the rule name in <see cref="AccessRuleInput.Name"/>).</param>
/// <param name="Associations">Resources to associate with the first profile.</param>
/// <param name="NewResourceGroupLocation">When set, the resource group does not exist yet and is created in this region,
/// in the same transaction (the wizard's "Create new" under Resource group).</param>
public sealed record PerimeterDraft(
    PerimeterPath Path,
    string Location,
    IReadOnlyDictionary<string, string>? Tags,
    string ProfileName,
    IReadOnlyList<AccessRuleInput> Rules,
    IReadOnlyList<AssociationDraft> Associations,
    string? NewResourceGroupLocation = null);

/// <summary>One resource the wizard associates. The name defaults to the portal's <c>{resourceName}-{perimeterGuid}</c>
/// (reference/nsp.md §1.1) and the access mode to <c>Learning</c>.</summary>
public sealed record AssociationDraft(string PrivateLinkResourceId, string? AccessMode = null, string? Name = null);

/// <summary>A PaaS resource of the inventory, as a PUT under its provider path or a Resource Graph row describes it.</summary>
/// <param name="Location">The region; defaults to the resource group's.</param>
/// <param name="Kind">The resource kind, e.g. <c>OpenAI</c>.</param>
/// <param name="Tags">The resource's tags.</param>
/// <param name="PublicNetworkAccess"><c>Enabled</c>, <c>Disabled</c> or <c>SecuredByPerimeter</c>; default Enabled.</param>
/// <param name="FirewallIpRules">The firewall's IP rules with the JSON path each came from (for error targets).</param>
/// <param name="AllowTrustedServices">Trusted Azure services may bypass the firewall.</param>
public sealed record PaasResourceInput(
    string? Location,
    string? Kind,
    IReadOnlyDictionary<string, string>? Tags,
    string? PublicNetworkAccess,
    IReadOnlyList<(string? Value, string Target)> FirewallIpRules,
    bool AllowTrustedServices);
