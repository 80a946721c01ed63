using NspPortal.Engine.Model;

namespace NspPortal.Data.Entities;

/// <summary><c>Microsoft.Network/networkSecurityPerimeters</c> (reference/nsp.md §1.3).</summary>
public sealed class PerimeterEntity : ArmEntity
{
    public Guid ResourceGroupId { get; set; }

    public ResourceGroupEntity? ResourceGroup { get; set; }

    public string Location { get; set; } = "";

    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Stable perimeter identity used in logs and link matching.</summary>
    public Guid PerimeterGuid { get; set; } = Guid.NewGuid();

    public ProvisioningState ProvisioningState { get; set; } = ProvisioningState.Succeeded;

    public List<ProfileEntity> Profiles { get; set; } = [];

    public List<ResourceAssociationEntity> Associations { get; set; } = [];

    public List<LinkEntity> Links { get; set; } = [];

    public List<LinkReferenceEntity> LinkReferences { get; set; } = [];

    public LoggingConfigurationEntity? LoggingConfiguration { get; set; }
}
