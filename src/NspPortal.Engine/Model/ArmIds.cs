namespace NspPortal.Engine.Model;

/// <summary>Builds ARM resource ids in Azure's canonical casing (reference/nsp.md §1.1).</summary>
public static class ArmIds
{
    /// <summary>The resource provider type of perimeters.</summary>
    public const string PerimeterType = "Microsoft.Network/networkSecurityPerimeters";

    /// <summary><c>/subscriptions/{subscriptionId}</c>.</summary>
    public static string Subscription(Guid subscriptionId) => $"/subscriptions/{subscriptionId:D}";

    /// <summary><c>/subscriptions/{s}/resourceGroups/{rg}</c>.</summary>
    public static string ResourceGroup(Guid subscriptionId, string resourceGroup) =>
        $"{Subscription(subscriptionId)}/resourceGroups/{resourceGroup}";

    /// <summary><c>/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}</c> for a top-level resource.</summary>
    public static string Resource(Guid subscriptionId, string resourceGroup, string resourceType, string name) =>
        $"{ResourceGroup(subscriptionId, resourceGroup)}/providers/{resourceType}/{name}";

    /// <summary>The id of a perimeter.</summary>
    public static string Perimeter(Guid subscriptionId, string resourceGroup, string name) =>
        Resource(subscriptionId, resourceGroup, PerimeterType, name);
}
