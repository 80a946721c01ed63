using System.Text.Json.Nodes;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Engine.Catalog;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary>The PaaS inventory under each resource's own provider path (<c>…/providers/Microsoft.Sql/servers/{name}</c>)
/// for the associable types, and bulk import of an Azure Resource Graph export.</summary>
internal static class InventoryEndpoints
{
    private const string InGroup = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{resourceType}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("resources", ApiFamily.Resources);
        api.MapGet("/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/{resourceType}", ListBySubscription).WithMetadata(route);
        api.MapGet(InGroup, ListByGroup).WithMetadata(route);
        api.MapGet(InGroup + "/{resourceName}", Get).WithMetadata(route);
        api.MapPut(InGroup + "/{resourceName}", Put).WithMetadata(route);
        api.MapDelete(InGroup + "/{resourceName}", Delete).WithMetadata(route);
        // The export spans subscriptions: importing it needs Write at the root.
        api.MapPost("/providers/NspPortal.Inventory/importResourceGraph", Import).WithMetadata(route).AtRootScope();
    }

    /// <summary>The catalog type of the route, or ARM's <c>InvalidResourceType</c> for types the inventory does not hold.</summary>
    private static (string? Type, IResult? Error) Type(HttpContext http, string resourceProviderNamespace, string resourceType)
    {
        var catalog = AssociableResourceTypes.Find($"{resourceProviderNamespace}/{resourceType}");
        return catalog is not null
            ? (catalog.ResourceType, null)
            : (null, ArmError.Result(StatusCodes.Status404NotFound, new ArmError("InvalidResourceType",
                $"The resource type '{resourceType}' could not be found in the namespace '{resourceProviderNamespace}' for api version '{http.Request.Query["api-version"]}'.")));
    }

    private static async Task<IResult> ListBySubscription(HttpContext http, string subscriptionId, string resourceProviderNamespace, string resourceType,
        InventoryService service, CancellationToken ct) => await List(http, subscriptionId, null, resourceProviderNamespace, resourceType, service, ct);

    private static async Task<IResult> ListByGroup(HttpContext http, string subscriptionId, string resourceGroupName, string resourceProviderNamespace, string resourceType,
        InventoryService service, CancellationToken ct) => await List(http, subscriptionId, resourceGroupName, resourceProviderNamespace, resourceType, service, ct);

    private static async Task<IResult> List(HttpContext http, string subscriptionId, string? resourceGroupName, string resourceProviderNamespace, string resourceType,
        InventoryService service, CancellationToken ct)
    {
        var (type, error) = Type(http, resourceProviderNamespace, resourceType);
        var (page, pageError) = ArmRequest.Page(http, maxTop: 1000);
        if ((error ?? pageError) is { } failed)
        {
            return failed;
        }

        var request = http.Request.Query.ContainsKey("$top") ? page! : page! with { Top = 1000 };
        return ArmResponses.List(http, await service.ListAsync(Guid.Parse(subscriptionId), resourceGroupName, type!, request, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string resourceProviderNamespace, string resourceType,
        string resourceName, InventoryService service, CancellationToken ct)
    {
        var (type, error) = Type(http, resourceProviderNamespace, resourceType);
        return error ?? ArmResponses.Get(http, await service.GetAsync(Guid.Parse(subscriptionId), resourceGroupName, type!, resourceName, ct));
    }

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string resourceProviderNamespace, string resourceType,
        string resourceName, InventoryService service, ICallerContext caller, CancellationToken ct)
    {
        var (type, error) = Type(http, resourceProviderNamespace, resourceType);
        if (error is not null)
        {
            return error;
        }

        var (body, bodyError) = await ArmRequest.ReadBodyAsync(http);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = PaasResourceJson.Read(body!);
        return !input.Succeeded
            ? ArmError.Result(input.Error!)
            : ArmResponses.Put(http, await service.CreateOrUpdateAsync(Guid.Parse(subscriptionId), resourceGroupName, type!, resourceName, input.Value!,
                caller.Caller, ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string resourceProviderNamespace, string resourceType,
        string resourceName, InventoryService service, ICallerContext caller, CancellationToken ct)
    {
        var (type, error) = Type(http, resourceProviderNamespace, resourceType);
        return error ?? ArmResponses.Delete(http, await service.DeleteAsync(Guid.Parse(subscriptionId), resourceGroupName, type!, resourceName, caller.Caller,
            ArmRequest.Precondition(http), ct), Guid.Parse(subscriptionId));
    }

    /// <summary>POST the JSON of <c>az graph query</c>; answers what was created, updated and skipped.</summary>
    private static async Task<IResult> Import(HttpContext http, InventoryService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ReadAnyJsonAsync(http);
        if (error is not null)
        {
            return error;
        }

        var result = await service.ImportResourceGraphAsync(body!, caller.Caller, ct);
        if (!result.Succeeded)
        {
            return ArmError.Result(result.Error!);
        }

        var summary = result.Value!;
        return new ArmJsonResult(new JsonObject
        {
            ["created"] = summary.Created,
            ["updated"] = summary.Updated,
            ["skipped"] = summary.Skipped,
            ["subscriptionsCreated"] = summary.SubscriptionsCreated,
            ["resourceGroupsCreated"] = summary.ResourceGroupsCreated,
        }, StatusCodes.Status200OK);
    }

    /// <summary>A JSON body of any kind (object or array), with the same media-type check as ARM bodies.</summary>
    internal static async Task<(string? Text, IResult? Error)> ReadAnyJsonAsync(HttpContext http)
    {
        var mediaType = (http.Request.ContentType ?? "").Split(';')[0].Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ArmError.Result(StatusCodes.Status415UnsupportedMediaType,
                new ArmError("UnsupportedMediaType", $"The content media type '{mediaType}' is not supported. Only 'application/json' is supported.")));
        }

        using var reader = new StreamReader(http.Request.Body);
        return (await reader.ReadToEndAsync(http.RequestAborted), null);
    }
}
