using Microsoft.AspNetCore.Http.HttpResults;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Model;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters.Associations;

/// <summary>The Associated resources actions: <c>POST …/associatedResources/accessMode|publicNetworkAccess|move|remove|add</c>.
/// Declare <see cref="NspPermission.Write"/> on the route's subscription. Each goes through <see cref="AssociationService"/>
/// (the API's writer, validators and activity log) with the ETags the pane was opened with, all selected rows in one
/// transaction. htmx gets the blade back: 200 done (with what changed), 409 changed by someone else (the pane again
/// with the current values and the user's choice kept) or refused, 422 invalid. A plain form post is redirected.</summary>
internal static class AssociatedResourcesEndpoints
{
    private const string Route =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/associatedResources";

    public static void MapAssociatedResources(this IEndpointRouteBuilder endpoints)
    {
        foreach (var action in AssociationPanes.All)
        {
            endpoints.MapPost($"{Route}/{action}", (Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context, NspDbContext db,
                    AssociationService associations, CurrentAccess access, ICallerContext caller, ITrafficInsights traffic) =>
                    ApplyAsync(action, new PerimeterPath(subscriptionId, resourceGroup, name), form, context, db, associations, access, caller, traffic))
                .RequirePermission(NspPermission.Write);
        }
    }

    /// <summary>The message of the no-script path (<c>?result=</c> after the redirect).</summary>
    public static (string? Message, string Kind) ResultMessage(string? result) => result switch
    {
        "done" => ("The change was applied.", "success"),
        "conflict" => ("Someone else changed the selected resources after you opened the pane, so nothing was saved. Select them again to see the current values.", "warning"),
        "failed" => ("The action was refused and nothing was changed. Select the resources and open it again to see why.", "error"),
        _ => (null, "success"),
    };

    private static async Task<IResult> ApplyAsync(string action, PerimeterPath path, IFormCollection form, HttpContext context, NspDbContext db,
        AssociationService associations, CurrentAccess access, ICallerContext caller, ITrafficInsights traffic)
    {
        var ct = context.RequestAborted;
        var names = form["selected"].Select(s => s ?? "").Where(s => s.Length > 0).ToList();
        var etags = form["etag"].Select(s => s ?? "").ToList();
        var items = names.Select((n, i) => new AssociationEdit(n, i < etags.Count ? etags[i] : "")).ToList();
        var value = form["value"].ToString();
        var posted = new Posted(action, names, value, form["profileChoice"].ToString() == "new" ? "new" : "existing", form["newProfile"].ToString().Trim(),
            form["profile"].ToString(), [.. form["resource"].Select(r => r ?? "").Where(r => r.Length > 0)]);

        Result<AssociationBatchOutcome>? result = null;
        string? invalid = null;
        string done = "";
        switch (action)
        {
            case AssociationPanes.AccessMode when TryEnum<AccessMode>(value, out var mode):
                result = await associations.ChangeAccessModeAsync(path, items, mode, caller.Caller, ct);
                done = $"changed to {mode.DisplayName()}";
                break;
            case AssociationPanes.AccessMode:
                invalid = "Choose an access mode: Transition (Learning), Enforced or Audit.";
                break;
            case AssociationPanes.PublicNetworkAccess when TryEnum<PublicNetworkAccess>(value, out var pna):
                result = await associations.SetPublicNetworkAccessAsync(path, items, pna, caller.Caller, ct);
                done = $"set public network access to {pna.DisplayName()}";
                break;
            case AssociationPanes.PublicNetworkAccess:
                invalid = "Choose Enabled, Disabled or Secured by perimeter.";
                break;
            case AssociationPanes.Move when value.Length > 0:
                result = await associations.MoveToProfileAsync(path, items, value, caller.Caller, ct);
                done = $"moved to the profile '{value}'";
                break;
            case AssociationPanes.Move:
                invalid = "Choose the profile to move the resources to.";
                break;
            case AssociationPanes.Remove:
                result = await associations.RemoveAsync(path, items, caller.Caller, ct);
                done = "removed from the perimeter";
                break;
            default:
                var profile = posted.ProfileChoice == "new" ? posted.NewProfile : posted.ExistingProfile;
                if (profile.Length == 0)
                {
                    invalid = posted.ProfileChoice == "new" ? "Enter a name for the new profile." : "Choose a profile.";
                }
                else if (posted.Resources.Count == 0)
                {
                    invalid = "Select at least one resource to associate.";
                }
                else if (!TryEnum<AccessMode>(value, out var addMode))
                {
                    invalid = "Choose an access mode.";
                }
                else
                {
                    result = await associations.AddAsync(path, profile, posted.ProfileChoice == "new", posted.Resources, addMode, caller.Caller, ct);
                    done = $"associated with the profile '{profile}' in {addMode.DisplayName()}";
                }

                break;
        }

        var htmx = BladeResults.IsHtmx(context);
        var pageUrl = Components.PortalRoutes.Perimeter(path.SubscriptionId, path.ResourceGroup, path.Name, Menu.PerimeterMenu.Keys.AssociatedResources);
        if (result is { Succeeded: true })
        {
            if (!htmx)
            {
                return Results.Redirect(pageUrl + "?result=done");
            }

            var view = await LoadViewAsync(db, path, access, ct);
            if (view is null)
            {
                return Results.NotFound();
            }

            var outcome = result.Value!;
            var count = outcome.Changed.Count;
            var message = $"{(count == 1 ? "1 resource" : $"{count} resources")} {done}.";
            if (outcome.Unchanged.Count > 0)
            {
                message += $" {outcome.Unchanged.Count} already were and {(outcome.Unchanged.Count == 1 ? "was" : "were")} left as {(outcome.Unchanged.Count == 1 ? "it was" : "they were")}.";
            }

            return Blade(view, null, [], StatusCodes.Status200OK, message, "success");
        }

        var error = result?.Error;
        if (!htmx)
        {
            return Results.Redirect(pageUrl + (error?.Kind == ServiceErrorKind.PreconditionFailed ? "?result=conflict" : "?result=failed"));
        }

        var current = await LoadViewAsync(db, path, access, ct);
        if (current is null || error?.Kind == ServiceErrorKind.NotFound && error.Code != "ProfileNotFound")
        {
            return current is null ? Results.NotFound() : Blade(current, null, [], StatusCodes.Status404NotFound, error!.Message, "error");
        }

        var add = action == AssociationPanes.Add ? AddRequest.From(k => form[k], null) with { Command = null } : null;
        var (pane, reason) = await AssociationPaneFactory.OpenAsync(current, action, names, value.Length > 0 ? value : null, db, await access.GrantsAsync(ct), traffic, add, ct);
        if (pane is null)
        {
            // Every selected association is gone: nothing to show the pane for.
            return Blade(current, null, [], StatusCodes.Status409Conflict, error?.Message ?? reason ?? AssociationPaneFactory.SelectFirst, "warning");
        }

        var conflict = error?.Kind == ServiceErrorKind.PreconditionFailed;
        pane = pane with
        {
            Problems = conflict ? [BladeResults.ChangedBySomeoneElse, error!.Message] : error is not null ? BladeResults.Problems(error) : [invalid!],
            ProblemKind = conflict ? "warning" : "error",
        };
        var status = error is null || error.Kind == ServiceErrorKind.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return Blade(current, pane, names, status, null, "success");
    }

    private sealed record Posted(string Action, IReadOnlyList<string> Names, string Value, string ProfileChoice, string NewProfile, string ExistingProfile,
        IReadOnlyList<string> Resources);

    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static async Task<AssociationsView?> LoadViewAsync(NspDbContext db, PerimeterPath path, CurrentAccess access, CancellationToken ct)
    {
        var perimeter = await BladeResults.PerimeterAsync(db, path.SubscriptionId, path.ResourceGroup, path.Name, cancellationToken: ct);
        return await AssociationsView.LoadAsync(db, perimeter, await access.AllowsAsync(NspPermission.Write, NspScope.Subscription(path.SubscriptionId), ct), ct);
    }

    private static RazorComponentResult<AssociationsBlade> Blade(AssociationsView view, AssociationPane? pane, IReadOnlyList<string> selected, int status,
        string? message, string kind) =>
        BladeResults.Fragment<AssociationsBlade>(status, new()
        {
            [nameof(AssociationsBlade.View)] = view,
            [nameof(AssociationsBlade.Pane)] = pane,
            [nameof(AssociationsBlade.Selected)] = selected,
            [nameof(AssociationsBlade.Message)] = message,
            [nameof(AssociationsBlade.MessageKind)] = kind,
        });
}
