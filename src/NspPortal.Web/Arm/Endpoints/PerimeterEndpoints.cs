using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary><c>NetworkSecurityPerimeters_*</c> (reference/nsp.md §1.2): get, put, patch tags, delete with
/// <c>forceDeletion</c>, list by resource group and by subscription.</summary>
internal static class PerimeterEndpoints
{
    public const string Collection = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityPerimeters";
    public const string Item = Collection + "/{networkSecurityPerimeterName}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("networkSecurityPerimeters");
        api.MapGet(Collection, ListByGroup).WithMetadata(route);
        api.MapGet("/subscriptions/{subscriptionId}/providers/Microsoft.Network/networkSecurityPerimeters", ListBySubscription).WithMetadata(route);
        api.MapGet(Item, Get).WithMetadata(route);
        api.MapPut(Item, Put).WithMetadata(route);
        api.MapPatch(Item, Patch).WithMetadata(route);
        api.MapDelete(Item, Delete).WithMetadata(route);
    }

    public static PerimeterPath Path(string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName) =>
        new(Guid.Parse(subscriptionId), resourceGroupName, networkSecurityPerimeterName);

    private static async Task<IResult> ListByGroup(HttpContext http, string subscriptionId, string resourceGroupName, PerimeterService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListAsync(Guid.Parse(subscriptionId), resourceGroupName, page!, ct));
    }

    private static async Task<IResult> ListBySubscription(HttpContext http, string subscriptionId, PerimeterService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListAsync(Guid.Parse(subscriptionId), null, page!, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        PerimeterService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), ct));

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        PerimeterService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var input = RequestBodies.Perimeter(Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), body!);
        return !input.Succeeded
            ? ArmError.Result(input.Error!)
            : ArmResponses.Put(http, await service.CreateOrUpdateAsync(input.Value!, caller.Caller, ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Patch(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        PerimeterService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var tags = RequestBodies.Tags(body!);
        return !tags.Succeeded
            ? ArmError.Result(tags.Error!)
            : ArmResponses.Put(http, await service.UpdateTagsAsync(Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), tags.Value!,
                caller.Caller, ArmRequest.Precondition(http), ct));
    }

    /// <summary>202 with <c>Azure-AsyncOperation</c> (an LRO in Azure), 204 when there was nothing to delete.
    /// <c>forceDeletion</c> exists from 2024-10-01; 2024-07-01 ignores it, as its swagger has no such parameter.</summary>
    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        PerimeterService service, ICallerContext caller, CancellationToken ct)
    {
        var force = false;
        if (http.ApiVersion().AtLeast("2024-10-01") && http.Request.Query.TryGetValue("forceDeletion", out var forceText) && !bool.TryParse(forceText, out force))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("InvalidParameter", $"The value '{forceText}' of forceDeletion is invalid; use true or false.") { Target = "forceDeletion" });
        }

        var path = Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        var location = (await service.GetAsync(path, ct)).Value?.Location;
        var result = await service.DeleteAsync(path, force, caller.Caller, ArmRequest.Precondition(http), ct);
        return ArmResponses.Delete(http, result, path.SubscriptionId, location, "Azure-AsyncOperation");
    }
}
