using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary><c>NetworkSecurityPerimeterLinks_*</c> and <c>NetworkSecurityPerimeterLinkReferences_*</c>. Link references
/// have no PUT in any published version; their deletes, like link deletes, answer 202 with <c>Location</c>.</summary>
internal static class LinkEndpoints
{
    public const string Links = PerimeterEndpoints.Item + "/links";
    public const string Link = Links + "/{linkName}";
    public const string References = PerimeterEndpoints.Item + "/linkReferences";
    public const string Reference = References + "/{linkReferenceName}";

    public static void Map(RouteGroupBuilder api)
    {
        var links = new ArmRoute("networkSecurityPerimeters/links");
        api.MapGet(Links, List).WithMetadata(links);
        api.MapGet(Link, Get).WithMetadata(links);
        api.MapPut(Link, Put).WithMetadata(links);
        api.MapDelete(Link, Delete).WithMetadata(links);
        var references = new ArmRoute("networkSecurityPerimeters/linkReferences");
        api.MapGet(References, ListReferences).WithMetadata(references);
        api.MapGet(Reference, GetReference).WithMetadata(references);
        api.MapDelete(Reference, DeleteReference).WithMetadata(references);
    }

    private static async Task<IResult> List(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        LinkService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), page!, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string linkName,
        LinkService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), linkName, ct));

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string linkName,
        LinkService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var input = RequestBodies.Link(linkName, body!);
        return !input.Succeeded
            ? ArmError.Result(input.Error!)
            : ArmResponses.Put(http, await service.CreateOrUpdateAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName),
                input.Value!, caller.Caller, ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName, string linkName,
        LinkService service, PerimeterService perimeters, ICallerContext caller, CancellationToken ct)
    {
        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        var location = (await perimeters.GetAsync(path, ct)).Value?.Location;
        return ArmResponses.Delete(http, await service.DeleteAsync(path, linkName, caller.Caller, ArmRequest.Precondition(http), ct), path.SubscriptionId, location, "Location");
    }

    private static async Task<IResult> ListReferences(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        LinkService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http);
        return error ?? ArmResponses.List(http, await service.ListReferencesAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), page!, ct));
    }

    private static async Task<IResult> GetReference(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        string linkReferenceName, LinkService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetReferenceAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), linkReferenceName, ct));

    private static async Task<IResult> DeleteReference(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        string linkReferenceName, LinkService service, PerimeterService perimeters, ICallerContext caller, CancellationToken ct)
    {
        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        var location = (await perimeters.GetAsync(path, ct)).Value?.Location;
        return ArmResponses.Delete(http, await service.DeleteReferenceAsync(path, linkReferenceName, caller.Caller, ArmRequest.Precondition(http), ct),
            path.SubscriptionId, location, "Location");
    }
}
