using System.Text.Json;
using System.Text.Json.Nodes;
using NspPortal.Data.Services;
using NspPortal.Engine.Iac;
using NspPortal.Web.Arm.Authentication;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary>Export and import (docs/api.md, "Export and import"). Export is a GET on the perimeter,
/// <c>…/networkSecurityPerimeters/{nsp}/exportTemplate?format=arm|bicep|terraform</c>: one perimeter per document, the
/// document itself as the body (JSON for ARM, text for Bicep and Terraform) rather than ARM's resource-group
/// <c>exportTemplate</c> envelope, so it can be saved and deployed as is. Import is a POST on the resource group,
/// <c>…/resourceGroups/{rg}/importNsp</c>, taking a template, a deployment body or a JSON array of resources.</summary>
internal static class TemplateEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(PerimeterEndpoints.Item + "/exportTemplate", Export).WithMetadata(new ArmRoute("networkSecurityPerimeters/exportTemplate"));
        api.MapPost("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/importNsp", Import).WithMetadata(new ArmRoute("resourceGroups/importNsp"));
    }

    private static async Task<IResult> Export(HttpContext http, string subscriptionId, string resourceGroupName, string networkSecurityPerimeterName,
        TemplateService service, CancellationToken ct)
    {
        var formatText = http.Request.Query["format"].ToString();
        if (!TryFormat(formatText, out var format))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("InvalidParameter", $"The format '{formatText}' is not supported; use arm, bicep or terraform.") { Target = "format" });
        }

        var result = await service.ExportAsync(PerimeterEndpoints.Path(subscriptionId, resourceGroupName, networkSecurityPerimeterName), format, ct);
        if (!result.Succeeded)
        {
            return ArmError.Result(result.Error!);
        }

        var contentType = format == TemplateFormat.Arm ? ArmJsonResult.ContentType : "text/plain; charset=utf-8";
        return Results.Text(result.Value!, contentType, statusCode: StatusCodes.Status200OK);
    }

    /// <summary>Body: a template, <c>{"template":…,"parameters":{name:{value}}}</c>, a deployment
    /// <c>{"properties":{"template":…,"parameters":…}}</c>, or an array of ARM resources. Answers 200
    /// <c>{"value":[resources created or updated],"warnings":[…]}</c>.</summary>
    private static async Task<IResult> Import(HttpContext http, string subscriptionId, string resourceGroupName, TemplateService service, ICallerContext caller,
        CancellationToken ct)
    {
        var (text, error) = await InventoryEndpoints.ReadAnyJsonAsync(http);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidRequestContent", "The request content was invalid and could not be deserialized: 'The request body is empty.'"));
        }

        try
        {
            JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidRequestContent", $"The request content was invalid and could not be deserialized: '{e.Message}'"));
        }

        var result = await service.ImportAsync(Guid.Parse(subscriptionId), resourceGroupName, text, null, caller.Caller, ct);
        if (!result.Succeeded)
        {
            return ArmError.Result(result.Error!);
        }

        var version = http.ApiVersion();
        return new ArmJsonResult(new JsonObject
        {
            ["value"] = new JsonArray([.. result.Value!.Resources.Select(r => (JsonNode)ArmResponses.Shape(r, version))]),
            ["warnings"] = new JsonArray([.. result.Value.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
        }, StatusCodes.Status200OK);
    }

    internal static bool TryFormat(string? text, out TemplateFormat format)
    {
        format = TemplateFormat.Arm;
        return string.IsNullOrEmpty(text) || (Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(text, out _));
    }
}
