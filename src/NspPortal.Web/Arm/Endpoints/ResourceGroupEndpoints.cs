using System.Text.Json.Nodes;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary>Microsoft.Resources: subscriptions (read) and resource groups (list, get, put, patch tags, delete), any
/// well-formed api-version.</summary>
internal static class ResourceGroupEndpoints
{
    private const string Groups = "/subscriptions/{subscriptionId}/resourcegroups";
    private const string Group = Groups + "/{resourceGroupName}";

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("resourceGroups", ApiFamily.Resources);
        api.MapGet("/subscriptions", ListSubscriptions).WithMetadata(route with { ResourceType = "subscriptions" });
        api.MapGet("/subscriptions/{subscriptionId}", GetSubscription).WithMetadata(route with { ResourceType = "subscriptions" });
        api.MapGet(Groups, List).WithMetadata(route);
        api.MapGet(Group, Get).WithMetadata(route);
        api.MapPut(Group, Put).WithMetadata(route);
        api.MapPatch(Group, Patch).WithMetadata(route);
        api.MapDelete(Group, Delete).WithMetadata(route);
    }

    private static JsonObject Subscription(SubscriptionEntity subscription) => new()
    {
        ["id"] = $"/subscriptions/{subscription.Id:D}",
        ["subscriptionId"] = subscription.Id.ToString("D"),
        ["tenantId"] = subscription.TenantId.ToString("D"),
        ["displayName"] = subscription.DisplayName,
        ["state"] = subscription.State,
    };

    /// <summary>As in Azure, the subscriptions the caller can read (and only those).</summary>
    private static async Task<IResult> ListSubscriptions(HttpContext http, ResourceGroupService service, CurrentAccess access, CancellationToken ct)
    {
        var grants = await access.GrantsAsync(ct);
        return ArmResponses.ListOf(http, [.. (await service.ListSubscriptionsAsync(ct)).Where(s => grants.CanRead(s.Id)).Select(s => (JsonNode)Subscription(s))]);
    }

    private static async Task<IResult> GetSubscription(string subscriptionId, ResourceGroupService service, CancellationToken ct)
    {
        var result = await service.GetSubscriptionAsync(Guid.Parse(subscriptionId), ct);
        return result.Succeeded ? new ArmJsonResult(Subscription(result.Value!), StatusCodes.Status200OK) : ArmError.Result(result.Error!);
    }

    private static async Task<IResult> List(HttpContext http, string subscriptionId, ResourceGroupService service, CancellationToken ct)
    {
        var (page, error) = ArmRequest.Page(http, maxTop: 1000);
        if (error is not null)
        {
            return error;
        }

        var request = http.Request.Query.ContainsKey("$top") ? page! : page! with { Top = 1000 };
        return ArmResponses.List(http, await service.ListAsync(Guid.Parse(subscriptionId), request, ct));
    }

    private static async Task<IResult> Get(HttpContext http, string subscriptionId, string resourceGroupName, ResourceGroupService service, CancellationToken ct) =>
        ArmResponses.Get(http, await service.GetAsync(Guid.Parse(subscriptionId), resourceGroupName, ct));

    private static async Task<IResult> Put(HttpContext http, string subscriptionId, string resourceGroupName, ResourceGroupService service, ICallerContext caller,
        CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        if (!Json.TryString(body!, "location", out var location, out var invalid) || !Json.TryTags(body!, "tags", out var tags, out invalid))
        {
            return ArmError.Result(invalid!);
        }

        return ArmResponses.Put(http, await service.CreateOrUpdateAsync(Guid.Parse(subscriptionId), resourceGroupName, location, tags, caller.Caller,
            ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Patch(HttpContext http, string subscriptionId, string resourceGroupName, ResourceGroupService service, ICallerContext caller,
        CancellationToken ct)
    {
        var (body, error) = await ArmRequest.ReadBodyAsync(http);
        if (error is not null)
        {
            return error;
        }

        var existing = await service.GetAsync(Guid.Parse(subscriptionId), resourceGroupName, ct);
        if (!existing.Succeeded)
        {
            return ArmError.Result(existing.Error!);
        }

        if (!Json.TryTags(body!, "tags", out var tags, out var invalid))
        {
            return ArmError.Result(invalid!);
        }

        return ArmResponses.Put(http, await service.CreateOrUpdateAsync(Guid.Parse(subscriptionId), resourceGroupName, existing.Value!.Location,
            tags ?? existing.Value.Tags, caller.Caller, ArmRequest.Precondition(http), ct));
    }

    private static async Task<IResult> Delete(HttpContext http, string subscriptionId, string resourceGroupName, ResourceGroupService service, ICallerContext caller,
        CancellationToken ct) =>
        ArmResponses.Delete(http, await service.DeleteAsync(Guid.Parse(subscriptionId), resourceGroupName, caller.Caller, ArmRequest.Precondition(http), ct),
            Guid.Parse(subscriptionId));
}
