using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Components;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters.Tags;

/// <summary>Apply on the Tags blade: <c>POST …/networkSecurityPerimeters/{name}/tags/apply</c>. Declares
/// <see cref="NspPermission.Write"/>; the subscription in the route is the scope. Optimistic concurrency as the API:
/// the form carries the ETag it was rendered with, and a save over a newer version is refused with 409 and the current
/// tags. Writes through <see cref="PerimeterService.UpdateTagsAsync"/>, the API's PATCH. htmx gets the editor back (200 saved, 422 invalid, 409 conflict — htmx swaps those, see App.razor); a plain
/// form post is redirected back to the blade with the outcome.</summary>
internal static class PerimeterTagsEndpoint
{
    public const string ConflictMessage =
        "Someone else changed this perimeter after you opened it. These are the current tags; make your change again and apply.";

    private const string Route =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/tags/apply";

    public static string ApplyUrl(Guid subscriptionId, string resourceGroup, string name) =>
        PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, "tags/apply");

    public static void MapPerimeterTags(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, ApplyAsync).RequirePermission(NspPermission.Write);

    public static Task<PerimeterEntity?> FindAsync(NspDbContext db, Guid subscriptionId, string resourceGroup, string name, bool track)
    {
        var groupKey = ArmEntity.NameKeyOf(resourceGroup);
        var nameKey = ArmEntity.NameKeyOf(name);
        var query = track ? db.Perimeters : db.Perimeters.AsNoTracking();
        return query.Include(p => p.ResourceGroup)
            .SingleOrDefaultAsync(p => p.NameKey == nameKey && p.ResourceGroup!.NameKey == groupKey && p.ResourceGroup.SubscriptionId == subscriptionId);
    }

    private static async Task<IResult> ApplyAsync(
        Guid subscriptionId, string resourceGroup, string name, IFormCollection form,
        HttpContext context, NspDbContext db, PerimeterService perimeters, ICallerContext caller)
    {
        var htmx = context.Request.Headers["HX-Request"] == "true";
        var pageUrl = PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, "tags");
        var perimeter = await FindAsync(db, subscriptionId, resourceGroup, name, track: false);
        if (perimeter is null)
        {
            return htmx ? Results.NotFound() : Results.Redirect(pageUrl);
        }

        var names = form["name"].ToArray();
        var values = form["value"].ToArray();
        var (tags, problems) = TagRules.Parse(names, values);
        if (tags is null)
        {
            return htmx
                ? Editor(perimeter, subscriptionId, resourceGroup, name, Posted(names, values), StatusCodes.Status422UnprocessableEntity,
                    "The tags were not saved.", "error", problems)
                : Results.Redirect(pageUrl + "?result=invalid");
        }

        // The API's PATCH: same writer, stamps and activity log; If-Match is the ETag the form was rendered with.
        var result = await perimeters.UpdateTagsAsync(new PerimeterPath(subscriptionId, resourceGroup, name), tags, caller.Caller,
            Precondition.Matching(form["etag"].ToString()), context.RequestAborted);
        if (!result.Succeeded)
        {
            var current = await FindAsync(db, subscriptionId, resourceGroup, name, track: false);
            if (current is null)
            {
                return htmx ? Results.NotFound() : Results.Redirect(pageUrl);
            }

            return result.Error!.Kind == ServiceErrorKind.PreconditionFailed
                ? Conflict(current, subscriptionId, resourceGroup, name, htmx, pageUrl)
                : htmx
                    ? Editor(current, subscriptionId, resourceGroup, name, Posted(names, values), BladeResults.StatusOf(result.Error), "The tags were not saved.", "error",
                        BladeResults.Problems(result.Error))
                    : Results.Redirect(pageUrl + "?result=invalid");
        }

        var saved = result.Value!;
        return htmx
            ? Editor(saved, subscriptionId, resourceGroup, name, PerimeterTagsEditor.RowsFor(saved.Tags), StatusCodes.Status200OK, "The tags were saved.", "success", [])
            : Results.Redirect(pageUrl + "?result=saved");
    }

    private static IResult Conflict(PerimeterEntity current, Guid subscriptionId, string resourceGroup, string name, bool htmx, string pageUrl) =>
        htmx
            ? Editor(current, subscriptionId, resourceGroup, name, PerimeterTagsEditor.RowsFor(current.Tags), StatusCodes.Status409Conflict, ConflictMessage, "warning", [])
            : Results.Redirect(pageUrl + "?result=conflict");

    private static RazorComponentResult<PerimeterTagsEditor> Editor(PerimeterEntity perimeter, Guid subscriptionId, string resourceGroup, string name,
        IReadOnlyList<(string Name, string Value)> rows, int status, string message, string kind, IReadOnlyList<string> problems) =>
        new RazorComponentResult<PerimeterTagsEditor>(new Dictionary<string, object?>
        {
            [nameof(PerimeterTagsEditor.Rows)] = rows,
            [nameof(PerimeterTagsEditor.ETag)] = perimeter.ETag,
            [nameof(PerimeterTagsEditor.ApplyUrl)] = ApplyUrl(subscriptionId, resourceGroup, name),
            [nameof(PerimeterTagsEditor.PageUrl)] = PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, "tags"),
            [nameof(PerimeterTagsEditor.CanWrite)] = true,
            [nameof(PerimeterTagsEditor.Message)] = message,
            [nameof(PerimeterTagsEditor.MessageKind)] = kind,
            [nameof(PerimeterTagsEditor.Problems)] = problems,
        })
        { StatusCode = status };

    private static List<(string Name, string Value)> Posted(string?[] names, string?[] values) =>
        [.. names.Select((n, i) => (n ?? "", i < values.Length ? values[i] ?? "" : ""))];
}
