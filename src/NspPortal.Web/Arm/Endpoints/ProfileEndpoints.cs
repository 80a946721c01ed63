using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary><c>NetworkSecurityPerimeterProfiles_*</c>: get, put (an existing profile is returned unchanged), delete, list.</summary>
internal static class ProfileEndpoints
{
    public const string Collection = PerimeterEndpoints.Item + "/profiles";
    public const string Item = Collection + "/{profileName}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("networkSecurityPerimeters/profiles");
        api.MapGet(Collection, List).WithMetadata(route);
        api.MapGet(Item, Get).WithMetadata(route);
        api.MapPut(Item, Put).WithMetadata(route);
        api.MapDelete(Item, Delete).WithMetadata(route);
    }

    private static async Task<IResult> List(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        ProfileService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), page!, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        ProfileService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), profileName, ct));

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        ProfileService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var checkedBody = RequestBodies.Profile(body!);
        return !checkedBody.Succeeded
            ? ArmError.Result(checkedBody.Error!)
            : ArmResponses.Put(http, await service.CreateOrUpdateAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName),
                profileName, caller.Caller, ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string profileName,
        ProfileService service, ICallerContext caller, CancellationToken ct)
    {
        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        return ArmResponses.Delete(http, await service.DeleteAsync(path, profileName, caller.Caller, ArmRequest.Precondition(http), ct), path.SubscriptionId);
    }
}
