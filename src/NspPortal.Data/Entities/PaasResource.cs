using NspPortal.Engine.Model;

namespace NspPortal.Data.Entities;

/// <summary>A PaaS resource of the inventory (SQL server, storage account, key vault, …) with the network
/// settings the rule engine needs: <c>publicNetworkAccess</c>, firewall IP rules and the trusted-services bypass.</summary>
public sealed class PaasResourceEntity : ArmEntity
{
    public Guid ResourceGroupId { get; set; }

    public ResourceGroupEntity? ResourceGroup { get; set; }

    /// <summary>ARM type, e.g. <c>Microsoft.Sql/servers</c>.</summary>
    public string ResourceType { get; set; } = "";

    /// <summary>Upper-invariant full ARM id: unique, used to find the resource an association points at.</summary>
    public string ResourceIdKey { get; set; } = "";

    public string? Kind { get; set; }

    public string Location { get; set; } = "";

    public PublicNetworkAccess PublicNetworkAccess { get; set; } = PublicNetworkAccess.Enabled;

    /// <summary>The resource firewall's allowed IP ranges (CIDR), as the service stores them.</summary>
    public List<string> FirewallIpRules { get; set; } = [];

    /// <summary>Trusted Azure services may bypass the resource firewall (ignored in Enforced mode).</summary>
    public bool AllowTrustedServices { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];

    public ResourceAssociationEntity? Association { get; set; }
}
