namespace NspPortal.Data.Entities;

/// <summary>An Azure subscription known to the portal (the demo tenant has two).</summary>
public sealed class SubscriptionEntity
{
    /// <summary>The subscription GUID.</summary>
    public Guid Id { get; set; }

    public string DisplayName { get; set; } = "";

    public Guid TenantId { get; set; }

    public string State { get; set; } = "Enabled";

    public List<ResourceGroupEntity> ResourceGroups { get; set; } = [];
}
