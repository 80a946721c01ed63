using Microsoft.AspNetCore.Http.HttpResults;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Engine.Values;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters.Links;

/// <summary>Links and link references: <c>POST …/links/create</c>, <c>…/links/delete</c>, <c>…/linkReferences/remove</c>,
/// each <see cref="NspPermission.Write"/> on the route's subscription; creating also needs Write on the remote
/// perimeter's subscription (Azure's <c>linkPerimeter/action</c>, reference/nsp.md §1.7). Through <see cref="LinkService"/>,
/// the API's writer (it creates the remote link reference and the generated rules); deletes carry the ETag shown as
/// If-Match. htmx gets the blade back (200, 409 with the current values, 422 with the typed fields kept).</summary>
internal static class LinkBladeEndpoints
{
    private const string Perimeter =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}";

    public static void MapLinkBlades(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"{Perimeter}/links/create", CreateAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost($"{Perimeter}/links/delete", DeleteAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost($"{Perimeter}/linkReferences/remove", RemoveReferenceAsync).RequirePermission(NspPermission.Write);
    }

    public static (string? Message, string Kind) ResultMessage(string? result) => result switch
    {
        "created" => ("The link was created.", "success"),
        "deleted" => ("The link was deleted.", "success"),
        "removed" => ("The link reference was removed.", "success"),
        "conflict" => ("Someone else changed it after you opened it, so nothing was changed. These are the current values.", "warning"),
        "failed" => ("Nothing was changed: the request was refused. Open it again to see why.", "error"),
        _ => (null, "success"),
    };

    private static async Task<IResult> CreateAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, LinkService links, CurrentAccess access, ICallerContext caller)
    {
        var ct = context.RequestAborted;
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var posted = LinkForm.From(form);
        var view = await LoadAsync(db, path, access, withRemotes: true, ct);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(Components.PortalRoutes.Perimeters);
        }

        var errors = new Dictionary<string, string>();
        if (posted.Name.Length == 0)
        {
            errors["linkName"] = "Enter a name for the link.";
        }

        if (posted.Remote.Length == 0)
        {
            errors["remote"] = "Choose the perimeter to link to, or enter its resource ID.";
        }
        else if (!ArmResourceId.TryParse(posted.Remote, out var remoteId, out var idError))
        {
            errors["remote"] = idError.Message;
        }
        else if (!await access.AllowsAsync(NspPermission.Write, NspScope.Subscription(remoteId.SubscriptionId.Value), ct))
        {
            errors["remote"] = $"Linking to '{remoteId.Name}' needs the Contributor role on its subscription too (Azure's linkPerimeter permission on the remote perimeter).";
        }

        if (posted.Description.Length > LinksView.MaxDescription)
        {
            errors["description"] = $"A description has at most {LinksView.MaxDescription} characters.";
        }

        if (errors.Count > 0)
        {
            return await InvalidAsync(context, db, view, posted with { FieldErrors = errors }, StatusCodes.Status422UnprocessableEntity, ct);
        }

        var input = new LinkInput(posted.Name, posted.Remote, posted.LocalInbound, posted.RemoteInbound, posted.Description.Length == 0 ? null : posted.Description);
        var result = await links.CreateOrUpdateAsync(path, input, caller.Caller, new Precondition(null, "*"), ct);
        if (result.Succeeded)
        {
            return BladeResults.IsHtmx(context)
                ? Blade((await LoadAsync(db, path, access, withRemotes: false, ct))!, null, null, StatusCodes.Status200OK,
                    $"The link '{posted.Name}' to '{result.Value!.RemotePerimeterResourceId.Split('/')[^1]}' was created: {result.Value.Status}.", "success")
                : Results.Redirect(view.LinksUrl + "?result=created");
        }

        var error = result.Error!;
        var problems = error.Kind == ServiceErrorKind.PreconditionFailed
            ? [$"A link named '{posted.Name}' already exists (someone may have just created it), so nothing was saved. Choose another name."]
            : BladeResults.Problems(error);
        var fieldErrors = new Dictionary<string, string>();
        if (error.Target?.Contains("RemotePerimeter", StringComparison.OrdinalIgnoreCase) == true)
        {
            fieldErrors["remote"] = error.Message;
        }
        else if (error.Target is "name" || error.Kind == ServiceErrorKind.PreconditionFailed || error.Code.Contains("Name", StringComparison.Ordinal))
        {
            fieldErrors["linkName"] = problems[0];
        }

        return await InvalidAsync(context, db, view, posted with { Problems = problems, FieldErrors = fieldErrors, ProblemKind = error.Kind == ServiceErrorKind.PreconditionFailed ? "warning" : "error" },
            error.Kind == ServiceErrorKind.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict, ct);
    }

    private static async Task<IResult> DeleteAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, LinkService links, CurrentAccess access, ICallerContext caller)
    {
        var ct = context.RequestAborted;
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var linkName = form["link"].ToString();
        var typed = form["confirmName"].ToString();
        var view = await LoadAsync(db, path, access, withRemotes: false, ct);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(Components.PortalRoutes.Perimeters);
        }

        var current = view.Links.FirstOrDefault(l => string.Equals(l.Name, linkName, StringComparison.OrdinalIgnoreCase));
        if (current is null)
        {
            return BladeResults.IsHtmx(context)
                ? Blade(view, null, null, StatusCodes.Status409Conflict, $"The link '{linkName}' was already deleted (by someone else?).", "warning")
                : Results.Redirect(view.LinksUrl + "?result=conflict");
        }

        if (!string.Equals(typed.Trim(), current.Name, StringComparison.Ordinal))
        {
            return BladeResults.IsHtmx(context)
                ? DeletePane(view, current, typed, StatusCodes.Status422UnprocessableEntity, $"The name does not match '{current.Name}'.")
                : Results.Redirect($"{view.LinksUrl}?pane=delete&link={Uri.EscapeDataString(current.Name)}");
        }

        var result = await links.DeleteAsync(path, linkName, caller.Caller, Precondition.Matching(form["etag"].ToString()), ct);
        var after = (await LoadAsync(db, path, access, withRemotes: false, ct))!;
        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(view.LinksUrl + (result.Succeeded ? "?result=deleted" : "?result=conflict"));
        }

        if (result.Succeeded)
        {
            return Blade(after, null, null, StatusCodes.Status200OK, $"The link '{current.Name}' was deleted, with its link reference in '{current.RemoteName}'.", "success");
        }

        var still = after.Links.FirstOrDefault(l => string.Equals(l.Name, linkName, StringComparison.OrdinalIgnoreCase));
        return still is null
            ? Blade(after, null, null, StatusCodes.Status409Conflict, $"The link '{linkName}' was already deleted.", "warning")
            : DeletePane(after, still, typed, BladeResults.StatusOf(result.Error!),
                result.Error!.Kind == ServiceErrorKind.PreconditionFailed ? BladeResults.ChangedBySomeoneElse : result.Error.Message);
    }

    private static async Task<IResult> RemoveReferenceAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, LinkService links, CurrentAccess access, ICallerContext caller)
    {
        var ct = context.RequestAborted;
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var reference = form["reference"].ToString();
        var result = await links.DeleteReferenceAsync(path, reference, caller.Caller, Precondition.Matching(form["etag"].ToString()), ct);
        var view = await LoadAsync(db, path, access, withRemotes: false, ct);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(Components.PortalRoutes.Perimeters);
        }

        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(view.ReferencesUrl + (result.Succeeded ? "?result=removed" : "?result=conflict"));
        }

        var (status, message, kind) = result.Succeeded
            ? (StatusCodes.Status200OK, $"The link reference '{reference}' was removed; the link from the other perimeter has ended.", "success")
            : result.Error!.Kind == ServiceErrorKind.PreconditionFailed
                ? (StatusCodes.Status409Conflict, view.References.Any(r => string.Equals(r.Name, reference, StringComparison.OrdinalIgnoreCase))
                    ? $"The link reference '{reference}' changed after you opened this page, so it was not removed. These are its current values; remove it again if you still want to."
                    : $"The link reference '{reference}' was already removed.", "warning")
                : (BladeResults.StatusOf(result.Error), result.Error.Message, "error");
        return BladeResults.Fragment<LinkReferencesBlade>(status, new()
        {
            [nameof(LinkReferencesBlade.View)] = view,
            [nameof(LinkReferencesBlade.Message)] = message,
            [nameof(LinkReferencesBlade.MessageKind)] = kind,
        });
    }

    private static async Task<IResult> InvalidAsync(HttpContext context, NspDbContext db, LinksView view, LinkForm form, int status, CancellationToken ct)
    {
        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(view.LinksUrl + "?pane=create&result=failed");
        }

        var profiles = form.Remote.Length > 0 ? await LinksView.RemoteProfilesAsync(db, form.Remote, ct) : null;
        return Blade(view, form with { RemoteProfiles = profiles }, null, status, null, "success");
    }

    private static async Task<LinksView?> LoadAsync(NspDbContext db, PerimeterPath path, CurrentAccess access, bool withRemotes, CancellationToken ct)
    {
        var perimeter = await BladeResults.PerimeterAsync(db, path.SubscriptionId, path.ResourceGroup, path.Name, cancellationToken: ct);
        return await LinksView.LoadAsync(db, perimeter, await access.GrantsAsync(ct), withRemotes, ct);
    }

    private static RazorComponentResult<LinksBlade> DeletePane(LinksView view, LinkRow link, string typed, int status, string problem) =>
        BladeResults.Fragment<LinksBlade>(status, new()
        {
            [nameof(LinksBlade.View)] = view,
            [nameof(LinksBlade.Deleting)] = link,
            [nameof(LinksBlade.DeleteTyped)] = typed,
            [nameof(LinksBlade.DeleteProblem)] = problem,
        });

    private static RazorComponentResult<LinksBlade> Blade(LinksView view, LinkForm? form, LinkRow? deleting, int status, string? message, string kind) =>
        BladeResults.Fragment<LinksBlade>(status, new()
        {
            [nameof(LinksBlade.View)] = view,
            [nameof(LinksBlade.Form)] = form,
            [nameof(LinksBlade.Deleting)] = deleting,
            [nameof(LinksBlade.Message)] = message,
            [nameof(LinksBlade.MessageKind)] = kind,
        });
}
