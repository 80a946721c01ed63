namespace NspPortal.Data.Services;

/// <summary>The not-found and conflict errors ARM returns, with ARM's codes and wording.</summary>
public static class ArmErrors
{
    public static ServiceError SubscriptionNotFound(Guid subscriptionId) =>
        new(ServiceErrorKind.NotFound, "SubscriptionNotFound", $"The subscription '{subscriptionId:D}' could not be found.");

    public static ServiceError ResourceGroupNotFound(string resourceGroup) =>
        new(ServiceErrorKind.NotFound, "ResourceGroupNotFound", $"Resource group '{resourceGroup}' could not be found.");

    /// <param name="typeAndName">The resource as ARM names it in the message, e.g.
    /// <c>Microsoft.Network/networkSecurityPerimeters/nsp1/profiles/profile1</c>.</param>
    /// <param name="resourceGroup">The resource group named in the message.</param>
    public static ServiceError ResourceNotFound(string typeAndName, string resourceGroup) =>
        new(ServiceErrorKind.NotFound, "ResourceNotFound",
            $"The Resource '{typeAndName}' under resource group '{resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    public static ServiceError PropertyChangeNotAllowed(string property) =>
        new(ServiceErrorKind.Invalid, "PropertyChangeNotAllowed", $"Changing property '{property}' is not allowed.") { Target = property };

    public static ServiceError LocationRequired() =>
        new(ServiceErrorKind.Invalid, "LocationRequired", "The location property is required for this definition.") { Target = "location" };

    public static ServiceError LocationNotAvailable(string location, string resourceType) =>
        new(ServiceErrorKind.Invalid, "LocationNotAvailableForResourceType",
            $"The provided location '{location}' is not available for resource type '{resourceType}'. List of available regions for the resource type is '{string.Join(",", Engine.Catalog.AzureRegions.All.Select(r => r.Name))}'.")
        { Target = "location" };

    public static ServiceError InvalidRequestContent(string message, string? target = null) =>
        new(ServiceErrorKind.Invalid, "InvalidRequestContent", message) { Target = target };
}
