using System.Text;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Engine.Iac;
using NspPortal.Web.Components;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters.Management;

/// <summary>Export template › Download: <c>GET …/networkSecurityPerimeters/{name}/exportTemplate/download?format=arm|bicep|terraform</c>,
/// <see cref="NspPermission.Read"/>. The document as a file (<c>{name}.json</c>, <c>.bicep</c>, <c>.tf</c>).</summary>
internal static class ExportTemplateEndpoint
{
    private const string Route =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/exportTemplate/download";

    public static string DownloadUrl(Guid subscriptionId, string resourceGroup, string name, TemplateFormat format) =>
        PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, $"exportTemplate/download?format={format.ToString().ToLowerInvariant()}");

    public static TemplateFormat? ParseFormat(string? text) => text?.ToUpperInvariant() switch
    {
        null or "" or "ARM" => TemplateFormat.Arm,
        "BICEP" => TemplateFormat.Bicep,
        "TERRAFORM" => TemplateFormat.Terraform,
        _ => null,
    };

    public static void MapExportTemplate(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, DownloadAsync).RequirePermission(NspPermission.Read);

    private static async Task<IResult> DownloadAsync(Guid subscriptionId, string resourceGroup, string name, string? format, TemplateService templates, HttpContext context)
    {
        if (ParseFormat(format) is not { } parsed)
        {
            return Results.BadRequest("Use format=arm, bicep or terraform.");
        }

        var result = await templates.ExportAsync(new PerimeterPath(subscriptionId, resourceGroup, name), parsed, context.RequestAborted);
        if (!result.Succeeded)
        {
            return Results.NotFound(result.Error!.Message);
        }

        var (extension, type) = parsed switch
        {
            TemplateFormat.Bicep => ("bicep", "text/plain"),
            TemplateFormat.Terraform => ("tf", "text/plain"),
            _ => ("json", "application/json"),
        };
        return Results.File(Encoding.UTF8.GetBytes(result.Value!), $"{type}; charset=utf-8", $"{name}.{extension}");
    }
}
