using System.Collections.Immutable;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Model;

/// <summary>A PaaS resource's own network settings: what Azure applies when the resource is not associated, and in
/// Transition (Learning) mode when no perimeter rule matches (reference/nsp.md §4.2, §4.3).</summary>
/// <param name="Id">The resource's ARM id; its type picks the per-service error (reference/nsp.md §4.7).</param>
public sealed record PaasResource(ArmResourceId Id)
{
    /// <summary>The ARM type, e.g. <c>Microsoft.Storage/storageAccounts</c>.</summary>
    public string ResourceType => Id.ResourceType;

    /// <summary><c>publicNetworkAccess</c>; Azure's default is Enabled.</summary>
    public PublicNetworkAccess PublicNetworkAccess { get; init; } = PublicNetworkAccess.Enabled;

    /// <summary>The firewall's allowed IP ranges. Empty means "all networks" when public access is Enabled
    /// (docs/engine.md, "Resource firewall").</summary>
    public ImmutableArray<IpPrefix> FirewallIpRules { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Trusted Azure services may bypass the firewall (and Disabled public access); ignored in Enforced
    /// mode and with SecuredByPerimeter.</summary>
    public bool AllowTrustedServices { get; init; }
}
