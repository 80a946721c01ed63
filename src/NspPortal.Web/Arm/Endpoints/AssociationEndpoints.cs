using System.Text.Json.Nodes;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary><c>NetworkSecurityPerimeterAssociations_*</c>: get, list, put and delete (long-running in Azure: they answer
/// with <c>Azure-AsyncOperation</c>), and POST reconcile.</summary>
internal static class AssociationEndpoints
{
    public const string Collection = PerimeterEndpoints.Item + "/resourceAssociations";
    public const string Item = Collection + "/{associationName}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("networkSecurityPerimeters/resourceAssociations");
        api.MapGet(Collection, List).WithMetadata(route);
        api.MapGet(Item, Get).WithMetadata(route);
        api.MapPut(Item, Put).WithMetadata(route);
        api.MapDelete(Item, Delete).WithMetadata(route);
        api.MapPost(Item + "/reconcile", Reconcile).WithMetadata(route);
    }

    private static async Task<IResult> List(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        AssociationService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), page!, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string associationName,
        AssociationService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), associationName, ct));

    /// <summary>200 or 201 with the association and <c>Azure-AsyncOperation</c> pointing at its (finished) operation.</summary>
    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string associationName,
        AssociationService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var input = RequestBodies.Association(associationName, body!);
        if (!input.Succeeded)
        {
            return ArmError.Result(input.Error!);
        }

        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        var result = await service.CreateOrUpdateAsync(path, input.Value!, caller.Caller, ArmRequest.Precondition(http), ct);
        var headers = result is { Succeeded: true, OperationId: { } operation }
            ? ArmResponses.OperationHeaders(http, path.SubscriptionId, result.Value!.Perimeter!.Location, operation)
            : null;
        return ArmResponses.Put(http, result, headers);
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string associationName,
        AssociationService service, PerimeterService perimeters, ICallerContext caller, CancellationToken ct)
    {
        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        var location = (await perimeters.GetAsync(path, ct)).Value?.Location;
        var result = await service.DeleteAsync(path, associationName, caller.Caller, ArmRequest.Precondition(http), ct);
        return ArmResponses.Delete(http, result, path.SubscriptionId, location, "Azure-AsyncOperation");
    }

    private static async Task<IResult> Reconcile(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string associationName,
        AssociationService service, CancellationToken ct)
    {
        var (_, error) = await ArmRequest.ReadBodyAsync(http, allowEmpty: true);
        if (error is not null)
        {
            return error;
        }

        var result = await service.ReconcileAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), associationName, ct);
        return result.Succeeded ? new ArmJsonResult(new JsonObject(), StatusCodes.Status200OK) : ArmError.Result(result.Error!);
    }
}
