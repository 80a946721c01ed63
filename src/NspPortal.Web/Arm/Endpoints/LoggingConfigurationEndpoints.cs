using System.Text.Json.Nodes;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary><c>NetworkSecurityPerimeterLoggingConfigurations_*</c>: the singleton <c>instance</c>. The list arrived in
/// 2024-10-01; 2024-07-01 answers a create with 200, later versions with 201.</summary>
internal static class LoggingConfigurationEndpoints
{
    public const string Collection = PerimeterEndpoints.Item + "/loggingConfigurations";
    public const string Item = Collection + "/{loggingConfigurationName}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("networkSecurityPerimeters/loggingConfigurations");
        api.MapGet(Collection, List).WithMetadata(route with { MinimumVersion = "2024-10-01" });
        api.MapGet(Item, Get).WithMetadata(route);
        api.MapPut(Item, Put).WithMetadata(route);
        api.MapDelete(Item, Delete).WithMetadata(route);
    }

    private static async Task<IResult> List(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        LoggingConfigurationService service, CancellationToken ct)
    {
        var result = await service.ListAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), ct);
        return result.Succeeded
            ? ArmResponses.ListOf(http, [.. result.Value!.Select(c => (JsonNode)ArmResponses.Shape(c, http.ApiVersion()))])
            : ArmError.Result(result.Error!);
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        string loggingConfigurationName, LoggingConfigurationService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), loggingConfigurationName, ct));

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        string loggingConfigurationName, LoggingConfigurationService service, ICallerContext caller, CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var input = RequestBodies.LoggingConfiguration(loggingConfigurationName, body!);
        if (!input.Succeeded)
        {
            return ArmError.Result(input.Error!);
        }

        var result = await service.CreateOrUpdateAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName),
            input.Value!, caller.Caller, ArmRequest.Precondition(http), ct);
        return result.Succeeded && !http.ApiVersion().AtLeast("2024-10-01")
            ? ArmResponses.Resource(http, result.Value!)
            : ArmResponses.Put(http, result);
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        string loggingConfigurationName, LoggingConfigurationService service, ICallerContext caller, CancellationToken ct)
    {
        var path = PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName);
        return ArmResponses.Delete(http, await service.DeleteAsync(path, loggingConfigurationName, caller.Caller, ArmRequest.Precondition(http), ct), path.SubscriptionId);
    }
}
