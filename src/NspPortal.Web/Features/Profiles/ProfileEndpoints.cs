using Microsoft.AspNetCore.Http.HttpResults;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Engine.Validation;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Profiles;

/// <summary>Create and delete on the Profiles blade: <c>POST …/networkSecurityPerimeters/{name}/profiles/create|delete</c>.
/// Both declare <see cref="NspPermission.Write"/> on the route's subscription and write through
/// <see cref="ProfileService"/> (the API's validators, limits and activity log). Create sends <c>If-None-Match: *</c>, so a
/// profile someone else just created under the same name is reported, not silently reused; delete sends the ETag the
/// grid was rendered with, and the service refuses it while associations use the profile (409 <c>ProfileInUse</c>).
/// htmx gets the editor back (200, 409, 422); a plain form post is redirected to the blade.</summary>
internal static class ProfileEndpoints
{
    private const string Profiles =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/profiles";

    public static void MapProfileEditors(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"{Profiles}/create", CreateAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost($"{Profiles}/delete", DeleteAsync).RequirePermission(NspPermission.Write);
    }

    private static async Task<IResult> CreateAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, ProfileService profiles, CurrentAccess access, ICallerContext caller)
    {
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var view = await LoadAsync(db, path, access, context.RequestAborted);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(PortalRoutesOf(path));
        }

        var profile = form["name"].ToString().Trim();
        if (FieldValidator.Name(NspResourceKind.Profile, profile) is { } nameError)
        {
            return Refused(context, view, new ProfileForm(profile, nameError.Message), StatusCodes.Status422UnprocessableEntity);
        }

        var result = await profiles.CreateOrUpdateAsync(path, profile, caller.Caller, new Precondition(null, "*"), context.RequestAborted);
        if (result.Succeeded)
        {
            if (!BladeResults.IsHtmx(context))
            {
                return Results.Redirect(view.PageUrl + "?result=created&profile=" + Uri.EscapeDataString(result.Value!.Name));
            }

            context.Response.Headers["HX-Push-Url"] = view.PageUrl;
            return Editor((await LoadAsync(db, path, access, context.RequestAborted))!, null, StatusCodes.Status200OK,
                $"The profile '{result.Value!.Name}' was created. Open it to add inbound and outbound access rules.", "success");
        }

        var error = result.Error!;
        return error.Kind switch
        {
            ServiceErrorKind.PreconditionFailed => Refused(context, view,
                new ProfileForm(profile, $"A profile named '{view.Find(profile)?.Name ?? profile}' already exists in this perimeter; choose another name."),
                StatusCodes.Status409Conflict),
            ServiceErrorKind.Invalid when error.Details.Count == 0 => Refused(context, view, new ProfileForm(profile, error.Message), StatusCodes.Status422UnprocessableEntity),
            _ => Refused(context, view, new ProfileForm(profile) { Problems = BladeResults.Problems(error) }, BladeResults.StatusOf(error)),
        };
    }

    private static async Task<IResult> DeleteAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, ProfileService profiles, CurrentAccess access, ICallerContext caller)
    {
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var profile = form["name"].ToString();
        var etag = form["etag"].ToString();
        var result = await profiles.DeleteAsync(path, profile, caller.Caller, Precondition.Matching(etag.Length == 0 ? "missing" : etag), context.RequestAborted);
        var view = await LoadAsync(db, path, access, context.RequestAborted);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(PortalRoutesOf(path));
        }

        if (!BladeResults.IsHtmx(context))
        {
            var outcome = result.Succeeded ? "deleted" : result.Error!.Code == "ProfileInUse" ? "inuse" : "conflict";
            return Results.Redirect(view.PageUrl + $"?result={outcome}&profile={Uri.EscapeDataString(profile)}");
        }

        if (result.Succeeded)
        {
            return Editor(view, null, StatusCodes.Status200OK, $"The profile '{profile}' and its access rules were deleted.", "success");
        }

        var error = result.Error!;
        var message = error.Kind == ServiceErrorKind.PreconditionFailed
            ? view.Find(profile) is null
                ? $"The profile '{profile}' was already deleted by someone else."
                : $"Someone else changed the profile '{profile}' (or its rules) after you opened this list, so it was not deleted. Check its current counts below and try again."
            : error.Code == "ProfileInUse" ? $"The profile was not deleted. {error.Message}" : error.Message;
        return Editor(view, null, error.Kind == ServiceErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, message,
            error.Kind == ServiceErrorKind.PreconditionFailed ? "warning" : "error");
    }

    /// <summary>The create pane again with what the user typed and why it was refused.</summary>
    private static IResult Refused(HttpContext context, ProfilesView view, ProfileForm pane, int status) =>
        BladeResults.IsHtmx(context)
            ? Editor(view, pane, status)
            : Results.Redirect(view.PageUrl + "?panel=create&result=invalid&profile=" + Uri.EscapeDataString(pane.Name));

    private static RazorComponentResult<ProfilesEditor> Editor(ProfilesView view, ProfileForm? pane, int status, string? message = null, string kind = "success") =>
        BladeResults.Fragment<ProfilesEditor>(status, new()
        {
            [nameof(ProfilesEditor.View)] = view,
            [nameof(ProfilesEditor.Pane)] = pane,
            [nameof(ProfilesEditor.Message)] = message,
            [nameof(ProfilesEditor.MessageKind)] = kind,
            [nameof(ProfilesEditor.FromPost)] = true,
        });

    private static async Task<ProfilesView?> LoadAsync(NspDbContext db, PerimeterPath path, CurrentAccess access, CancellationToken cancellationToken) =>
        (await ProfileList.LoadBladeAsync(db, path, access, cancellationToken))?.View;

    private static string PortalRoutesOf(PerimeterPath path) => Components.PortalRoutes.Perimeter(path.SubscriptionId, path.ResourceGroup, path.Name, "profiles");
}
