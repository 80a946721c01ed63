using NspPortal.Engine.Model;

namespace NspPortal.Web.Components;

/// <summary>The portal's stable URLs. Resource blades are addressed by ARM resource id, as in the Azure portal.</summary>
public static class PortalRoutes
{
    public const string AllResources = "/browse/all";
    public const string Perimeters = "/browse/Microsoft.Network/networkSecurityPerimeters";
    public const string ActivityLog = "/activitylog";
    public const string CreatePerimeter = "/create/Microsoft.Network/networkSecurityPerimeters";
    public const string AccessControl = "/access-control";
    public const string Tokens = "/account/tokens";

    /// <summary>The blade of a resource: <c>/resource{armId}/{blade}</c>.</summary>
    public static string Resource(string armId, string blade = "overview") => $"/resource{armId}/{blade}";

    /// <summary>The blade of a perimeter.</summary>
    public static string Perimeter(Guid subscriptionId, string resourceGroup, string name, string blade = "overview") =>
        Resource(ArmIds.Perimeter(subscriptionId, resourceGroup, name), blade);
}
