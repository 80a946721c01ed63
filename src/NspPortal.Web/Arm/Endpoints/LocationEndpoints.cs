using System.Text.Json.Nodes;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Engine.Catalog;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary>Location-scoped reads (reference/nsp.md §1.2): associable resource types, NSP service tags (2024-10-01+)
/// and operation statuses, whose shape changed in 2025-05-01.</summary>
internal static class LocationEndpoints
{
    private const string Location = "/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}";

    /// <summary>Service tags NSP inbound rules accept (the specification's example plus the portal's; reference/nsp.md §1.3).</summary>
    public static IReadOnlyList<string> ServiceTags { get; } =
    [
        "ActionGroup", "AppConfigurationInternal", "AzureCloud", "PRIVATE", "ApiManagement", "MicrosoftPublicIPSpace", "MicrosoftPrivateIPSpace",
        "AzureMonitor", "AzureDatabricks", "MicrosoftDiscoveryService", "PowerPlatform", "Storage.WestUS",
    ];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Location + "/perimeterAssociableResourceTypes", AssociableResourceTypesList).WithMetadata(new ArmRoute("locations/perimeterAssociableResourceTypes"));
        api.MapGet(Location + "/nspServiceTags", ServiceTagsList).WithMetadata(new ArmRoute("locations/nspServiceTags", MinimumVersion: "2024-10-01"));
        api.MapGet(Location + "/networkSecurityPerimeterOperationStatuses/{operationId}", OperationStatus)
            .WithMetadata(new ArmRoute("locations/networkSecurityPerimeterOperationStatuses"));
    }

    private static IResult? UnknownLocation(string location) =>
        AzureRegions.Find(location) is null
            ? ArmError.Result(ArmErrors.LocationNotAvailable(location, "Microsoft.Network/networkSecurityPerimeters") with { Target = null })
            : null;

    private static IResult AssociableResourceTypesList(HttpContext http, string subscriptionId, string location)
    {
        if (UnknownLocation(location) is { } error)
        {
            return error;
        }

        var items = AssociableResourceTypes.All.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.CatalogName,
            ["id"] = $"/subscriptions/{Guid.Parse(subscriptionId):D}/providers/Microsoft.Network/perimeterAssociableResourceTypes/{t.CatalogName}",
            ["type"] = ResourceTypes.AssociableResourceType,
            ["properties"] = new JsonObject
            {
                ["displayName"] = t.DisplayName,
                ["resourceType"] = t.ResourceType,
                ["publicDnsZones"] = ArmJson.Strings(t.PublicDnsZones),
            },
        }).ToList();
        return ArmResponses.ListOf(http, items);
    }

    private static IResult ServiceTagsList(HttpContext http, string location) =>
        UnknownLocation(location) ?? ArmResponses.ListOf(http, [new JsonObject { ["serviceTags"] = ArmJson.Strings(ServiceTags) }]);

    /// <summary>2025-05-01+: common-types <c>OperationStatusResult</c>; earlier: the custom <c>NspOperationStatus</c>
    /// with <c>properties.resourceId</c>.</summary>
    private static async Task<IResult> OperationStatus(HttpContext http, string subscriptionId, string location, string operationId, OperationStatusService service,
        CancellationToken ct)
    {
        if (!Guid.TryParse(operationId, out var id))
        {
            return ArmError.Result(StatusCodes.Status404NotFound, new ArmError("OperationNotFound", $"The operation '{operationId}' was not found."));
        }

        var result = await service.GetAsync(Guid.Parse(subscriptionId), location, id, ct);
        if (!result.Succeeded)
        {
            return ArmError.Result(result.Error!);
        }

        var operation = result.Value!;
        var body = new JsonObject
        {
            ["id"] = $"/subscriptions/{operation.SubscriptionId:D}/providers/Microsoft.Network/locations/{operation.Location}/networkSecurityPerimeterOperationStatuses/{operation.Id:D}",
            ["name"] = operation.Id.ToString("D"),
            ["status"] = operation.Status,
        };
        if (http.ApiVersion().IsLegacyShape)
        {
            body["startTime"] = ArmJson.Timestamp(operation.StartTime);
            body["endTime"] = ArmJson.Timestamp(operation.EndTime);
            body["properties"] = new JsonObject { ["resourceId"] = operation.ResourceId };
        }
        else
        {
            body["percentComplete"] = 100;
            body["startTime"] = ArmJson.Timestamp(operation.StartTime);
            body["endTime"] = ArmJson.Timestamp(operation.EndTime);
        }

        return new ArmJsonResult(body, StatusCodes.Status200OK);
    }
}
