using System.Text.Json.Nodes;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary><c>NetworkSecurityPerimeterAccessRules_*</c>: get, put, delete, list, and POST reconcile.</summary>
internal static class AccessRuleEndpoints
{
    public const string Collection = ProfileEndpoints.Item + "/accessRules";
    public const string Item = Collection + "/{accessRuleName}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("networkSecurityPerimeters/profiles/accessRules");
        api.MapGet(Collection, List).WithMetadata(route);
        api.MapGet(Item, Get).WithMetadata(route);
        api.MapPut(Item, Put).WithMetadata(route);
        api.MapDelete(Item, Delete).WithMetadata(route);
        api.MapPost(Item + "/reconcile", Reconcile).WithMetadata(route);
    }

    private static async Task<IResult> List(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        AccessRuleService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), profileName, page!, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        string accessRuleName, AccessRuleService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), profileName, accessRuleName, ct));

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        string accessRuleName, AccessRuleService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var input = RequestBodies.AccessRule(accessRuleName, body!);
        return !input.Succeeded
            ? ArmError.Result(input.Error!)
            : ArmResponses.Put(http, await service.CreateOrUpdateAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName),
                profileName, input.Value!, caller.Caller, ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        string accessRuleName, AccessRuleService service, ICallerContext caller, CancellationToken ct)
    {
        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        return ArmResponses.Delete(http, await service.DeleteAsync(path, profileName, accessRuleName, caller.Caller, ArmRequest.Precondition(http), ct), path.SubscriptionId);
    }

    /// <summary>POST reconcile, body <c>{}</c> → 200 <c>{}</c> (reference/nsp.md §1.2).</summary>
    private static async Task<IResult> Reconcile(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        string accessRuleName, AccessRuleService service, CancellationToken ct)
    {
        var (_, error) = await ArmRequest.ReadBodyAsync(http, allowEmpty: true);
        if (error is not null)
        {
            return error;
        }

        var result = await service.ReconcileAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), profileName, accessRuleName, ct);
        return result.Succeeded ? new ArmJsonResult(new JsonObject(), StatusCodes.Status200OK) : ArmError.Result(result.Error!);
    }
}
