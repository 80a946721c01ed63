using System.Text.Json.Nodes;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;

namespace NspPortal.Web.Arm;

/// <summary>Builds ARM responses: a resource in the shape of the request's api-version with its ETag, lists with
/// <c>nextLink</c>, 200 vs 201, and the headers of Azure's long-running operations.</summary>
internal static class ArmResponses
{
    /// <summary>The resource JSON for the api-version: 2024-07-01 to 2025-01-01 child resources carry the perimeter's
    /// <c>location</c> and <c>tags</c> (reference/nsp.md §0.1); 2025-05-01 and later are ProxyResources without them.</summary>
    public static JsonObject Shape(ArmEntity entity, ApiVersion version)
    {
        var json = ArmJson.Of(entity);
        if (!version.IsLegacyShape || PerimeterOf(entity) is not { } perimeter)
        {
            return json;
        }

        var shaped = new JsonObject();
        foreach (var (key, value) in json.ToList())
        {
            json.Remove(key);
            shaped[key] = value;
            if (key == "type")
            {
                shaped["location"] = perimeter.Location;
                shaped["tags"] = new JsonObject();
            }
        }

        return shaped;
    }

    public static IResult Resource(HttpContext http, ArmEntity entity, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? headers = null) =>
        new ArmJsonResult(Shape(entity, http.ApiVersion()), status, entity.ETag, headers);

    /// <summary>200 or 201 for a PUT, or the service's error.</summary>
    public static IResult Put<T>(HttpContext http, Result<T> result, IReadOnlyDictionary<string, string>? headers = null) where T : ArmEntity =>
        result.Succeeded
            ? Resource(http, result.Value!, result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, headers)
            : ArmError.Result(result.Error!);

    public static IResult Get<T>(HttpContext http, Result<T> result) where T : ArmEntity =>
        result.Succeeded ? Resource(http, result.Value!) : ArmError.Result(result.Error!);

    /// <summary><c>{"value":[…],"nextLink":…}</c>; the next link repeats the request with <c>$skipToken</c>.</summary>
    public static IResult List<T>(HttpContext http, Result<Page<T>> result) where T : ArmEntity
    {
        if (!result.Succeeded)
        {
            return ArmError.Result(result.Error!);
        }

        var version = http.ApiVersion();
        return ListOf(http, [.. result.Value!.Items.Select(e => (JsonNode)Shape(e, version))], result.Value.NextSkip);
    }

    public static IResult ListOf(HttpContext http, IReadOnlyList<JsonNode> items, int? nextSkip = null)
    {
        var body = new JsonObject { ["value"] = new JsonArray([.. items]) };
        if (nextSkip is { } skip)
        {
            var query = http.Request.Query
                .Where(q => q.Key != "$skipToken")
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"$skipToken={skip}");
            body["nextLink"] = $"{ArmRequest.BaseUrl(http)}{http.Request.Path}?{string.Join('&', query)}";
        }

        return new ArmJsonResult(body, StatusCodes.Status200OK);
    }

    /// <summary>A delete: 200 when it removed something (202 with <paramref name="asyncHeader"/> for Azure's
    /// long-running deletes), 204 when there was nothing.</summary>
    /// <remarks><paramref name="asyncHeader"/> is <c>Azure-AsyncOperation</c> or <c>Location</c>: how Azure reports this delete.</remarks>
    public static IResult Delete(HttpContext http, Result<DeleteOutcome> result, Guid subscriptionId, string? location = null, string? asyncHeader = null)
    {
        if (!result.Succeeded)
        {
            return ArmError.Result(result.Error!);
        }

        if (!result.Value!.Existed)
        {
            return new ArmJsonResult(null, StatusCodes.Status204NoContent);
        }

        if (asyncHeader is not null && result.OperationId is { } operation && location is not null)
        {
            return new ArmJsonResult(null, StatusCodes.Status202Accepted, headers: OperationHeaders(http, subscriptionId, location, operation, asyncHeader));
        }

        return new ArmJsonResult(null, StatusCodes.Status200OK);
    }

    /// <summary>The headers pointing at an operation status: <c>Azure-AsyncOperation</c> or <c>Location</c>, and
    /// <c>Retry-After: 0</c> because the operation has already finished.</summary>
    public static Dictionary<string, string> OperationHeaders(HttpContext http, Guid subscriptionId, string location, Guid operationId, string header = "Azure-AsyncOperation") => new()
    {
        [header] = $"{ArmRequest.BaseUrl(http)}/subscriptions/{subscriptionId:D}/providers/Microsoft.Network/locations/{location}/networkSecurityPerimeterOperationStatuses/{operationId:D}?api-version={http.ApiVersion().Value}",
        ["Retry-After"] = "0",
    };

    private static PerimeterEntity? PerimeterOf(ArmEntity entity) => entity switch
    {
        ProfileEntity x => x.Perimeter,
        AccessRuleEntity x => x.Profile?.Perimeter,
        ResourceAssociationEntity x => x.Perimeter,
        LinkEntity x => x.Perimeter,
        LinkReferenceEntity x => x.Perimeter,
        LoggingConfigurationEntity x => x.Perimeter,
        _ => null,
    };
}
