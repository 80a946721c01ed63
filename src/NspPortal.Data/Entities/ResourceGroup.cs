namespace NspPortal.Data.Entities;

/// <summary>A resource group (<c>Microsoft.Resources/resourceGroups</c>).</summary>
public sealed class ResourceGroupEntity : ArmEntity
{
    public Guid SubscriptionId { get; set; }

    public SubscriptionEntity? Subscription { get; set; }

    public string Location { get; set; } = "";

    public Dictionary<string, string> Tags { get; set; } = [];

    public List<PaasResourceEntity> Resources { get; set; } = [];

    public List<PerimeterEntity> Perimeters { get; set; } = [];
}
