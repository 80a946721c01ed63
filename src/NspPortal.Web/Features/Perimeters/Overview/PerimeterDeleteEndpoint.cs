using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Components;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters.Overview;

/// <summary>Overview › Delete: <c>POST …/networkSecurityPerimeters/{name}/delete</c>, <see cref="NspPermission.Write"/>.
/// Through <see cref="PerimeterService.DeleteAsync"/> (the API's delete, with <c>forceDeletion</c>) with the ETag the
/// Overview showed as If-Match. The typed name must match; a refused delete comes back as the pane (422 mistyped,
/// 409 associations without force or changed by someone else) with what was typed kept. Done: the perimeter list.</summary>
internal static class PerimeterDeleteEndpoint
{
    private const string Route =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/delete";

    public static string Url(Guid subscriptionId, string resourceGroup, string name) => PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, "delete");

    public static void MapPerimeterDelete(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, DeleteAsync).RequirePermission(NspPermission.Write);

    private static async Task<IResult> DeleteAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, PerimeterService perimeters, ICallerContext caller)
    {
        var ct = context.RequestAborted;
        var typed = form["confirmName"].ToString();
        var force = form["force"].ToString() == "true";
        var overview = PortalRoutes.Perimeter(subscriptionId, resourceGroup, name);
        var current = await BladeResults.PerimeterAsync(db, subscriptionId, resourceGroup, name, cancellationToken: ct);
        if (current is null)
        {
            // Already gone (deleted by someone else, or a repeated click): the list is where the user wanted to go.
            return BladeResults.Redirect(context, PortalRoutes.Perimeters);
        }

        if (!string.Equals(typed.Trim(), current.Name, StringComparison.Ordinal))
        {
            return BladeResults.IsHtmx(context)
                ? await PaneAsync(db, current, StatusCodes.Status422UnprocessableEntity, typed, force, nameError: true, [], "error", ct)
                : Results.Redirect(overview + "?pane=delete");
        }

        var result = await perimeters.DeleteAsync(new PerimeterPath(subscriptionId, resourceGroup, name), force, caller.Caller, Precondition.Matching(form["etag"].ToString()), ct);
        if (result.Succeeded)
        {
            return BladeResults.Redirect(context, PortalRoutes.Perimeters);
        }

        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(overview + "?pane=delete");
        }

        var error = result.Error!;
        var fresh = await BladeResults.PerimeterAsync(db, subscriptionId, resourceGroup, name, cancellationToken: ct);
        if (fresh is null)
        {
            return BladeResults.Redirect(context, PortalRoutes.Perimeters);
        }

        return error.Kind == ServiceErrorKind.PreconditionFailed
            ? await PaneAsync(db, fresh, StatusCodes.Status409Conflict, typed, force, false,
                ["Someone else changed this perimeter after you opened this pane, so it was not deleted. Check the Overview's current values (refresh it) and confirm again."], "warning", ct)
            : await PaneAsync(db, fresh, BladeResults.StatusOf(error), typed, true, false, BladeResults.Problems(error), "error", ct);
    }

    private static async Task<IResult> PaneAsync(NspDbContext db, Data.Entities.PerimeterEntity perimeter, int status, string typed, bool force, bool nameError,
        IReadOnlyList<string> problems, string kind, CancellationToken ct)
    {
        var associations = await db.ResourceAssociations.CountAsync(a => a.PerimeterId == perimeter.Id, ct);
        return BladeResults.Fragment<PerimeterDeletePane>(status, new()
        {
            [nameof(PerimeterDeletePane.SubscriptionId)] = perimeter.ResourceGroup!.SubscriptionId,
            [nameof(PerimeterDeletePane.ResourceGroup)] = perimeter.ResourceGroup.Name,
            [nameof(PerimeterDeletePane.PerimeterName)] = perimeter.Name,
            [nameof(PerimeterDeletePane.ETag)] = perimeter.ETag,
            [nameof(PerimeterDeletePane.Associations)] = associations,
            [nameof(PerimeterDeletePane.Typed)] = typed,
            [nameof(PerimeterDeletePane.Force)] = force,
            [nameof(PerimeterDeletePane.NameError)] = nameError,
            [nameof(PerimeterDeletePane.Problems)] = problems,
            [nameof(PerimeterDeletePane.ProblemKind)] = kind,
        });
    }
}
