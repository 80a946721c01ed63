using AccessRuleDirection = NspPortal.Engine.Model.AccessRuleDirection;
using Microsoft.AspNetCore.Http.HttpResults;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Engine.Hygiene;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.AccessRules;

/// <summary>Save and delete on a profile's rules editor: <c>POST …/profiles/{profile}/inboundRules/save|delete</c> (and
/// outboundRules). Declare <see cref="NspPermission.Write"/> on the route's subscription. Writes go through
/// <see cref="AccessRuleService"/> — the API's validators, limits and activity log — with the ETag the pane was opened
/// with as <c>If-Match</c> (a new rule: <c>If-None-Match: *</c>), so a stale save is refused, never overwrites.
/// htmx gets the editor back: 200 saved, 422 invalid (the pane with the user's text and per-line errors), 409 conflict
/// (the pane with the current values and the user's text beside them). A plain form post is redirected to the blade.</summary>
internal static class AccessRuleEndpoints
{
    private const string Profile =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/profiles/{profile}";

    public static void MapAccessRuleEditors(this IEndpointRouteBuilder endpoints)
    {
        foreach (var direction in new[] { AccessRuleDirection.Inbound, AccessRuleDirection.Outbound })
        {
            var segment = direction == AccessRuleDirection.Inbound ? "inboundRules" : "outboundRules";
            endpoints.MapPost($"{Profile}/{segment}/save", (Guid subscriptionId, string resourceGroup, string name, string profile, IFormCollection form, HttpContext context,
                    NspDbContext db, AccessRuleService rules, CurrentAccess access, ICallerContext caller) =>
                    SaveAsync(new(subscriptionId, resourceGroup, name), profile, direction, form, context, db, rules, access, caller))
                .RequirePermission(NspPermission.Write);
            endpoints.MapPost($"{Profile}/{segment}/delete", (Guid subscriptionId, string resourceGroup, string name, string profile, IFormCollection form, HttpContext context,
                    NspDbContext db, AccessRuleService rules, CurrentAccess access, ICallerContext caller) =>
                    DeleteAsync(new(subscriptionId, resourceGroup, name), profile, direction, form, context, db, rules, access, caller))
                .RequirePermission(NspPermission.Write);
        }
    }

    private static async Task<IResult> SaveAsync(PerimeterPath path, string profile, AccessRuleDirection direction, IFormCollection form, HttpContext context,
        NspDbContext db, AccessRuleService rules, CurrentAccess access, ICallerContext caller)
    {
        var view = await LoadAsync(db, path, profile, direction, access, context.RequestAborted);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(PageOf(path, profile, direction));
        }

        var posted = RuleForm.FromForm(form);
        if (!RuleSourceTypes.For(direction).Contains(posted.SourceType))
        {
            posted = posted with { SourceType = RuleSourceTypes.For(direction)[0] };
        }

        var action = form["_action"].ToString();
        switch (action)
        {
            case "retype":
                // The source type changed: the pane again for the new type, with everything typed so far.
                return Editor(view, posted with { Focus = "type" }, StatusCodes.Status200OK);
            case "keepMine":
                // After a conflict: the user's own values back in the field, against the current ETag; saved only on Save.
                return Editor(view, posted with { Values = posted.YourValues ?? posted.Values, CheckedSubscriptions = [], YourValues = null, Focus = "values" },
                    StatusCodes.Status200OK);
        }

        var parsed = posted.Parse();
        if (action == "fix")
        {
            var fixedValues = ValueList.ApplySuggestions(posted.Values, posted.SourceType == RuleSourceTypes.Subscriptions ? posted.ParseTyped() : parsed);
            var again = posted with { Values = fixedValues, Focus = "values" };
            var reparsed = again.Parse();
            return Editor(view, again with { LineErrors = reparsed.Errors }, reparsed.IsValid ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }

        var checkedForm = posted.Checked(parsed);
        if (checkedForm.HasFieldErrors)
        {
            return Invalid(context, view, checkedForm, path, profile, direction);
        }

        // A rule opened for editing without its ETag (a tampered form) must not overwrite blindly: "missing" never matches.
        var precondition = posted.IsNew ? new Precondition(null, "*") : Precondition.Matching(posted.ETag.Length == 0 ? "missing" : posted.ETag);
        var result = await rules.CreateOrUpdateAsync(path, view.Profile, posted.ToInput(direction, parsed.Values), caller.Caller, precondition, context.RequestAborted);
        if (result.Succeeded)
        {
            var saved = await LoadAsync(db, path, profile, direction, access, context.RequestAborted);
            if (!BladeResults.IsHtmx(context))
            {
                return Results.Redirect(PageOf(path, profile, direction) + "?result=saved&rule=" + Uri.EscapeDataString(result.Value!.Name));
            }

            context.Response.Headers["HX-Push-Url"] = saved!.PageUrl;
            var verb = posted.IsNew ? "added" : "saved";
            return Editor(saved, null, StatusCodes.Status200OK, $"The rule '{result.Value!.Name}' was {verb} with {parsed.Values.Count} {(parsed.Values.Count == 1 ? "value" : "values")}.", "success");
        }

        var error = result.Error!;
        if (error.Kind == ServiceErrorKind.PreconditionFailed)
        {
            return Conflict(context, view, posted, path, profile, direction);
        }

        var messages = BladeResults.Problems(error);
        var refused = error.Kind != ServiceErrorKind.Invalid
            ? posted with { Problems = messages }
            : IsNameTarget(error) ? posted with { NameError = string.Join(' ', messages) } : posted with { ValuesError = string.Join(' ', messages) };
        return Invalid(context, view, refused, path, profile, direction, BladeResults.StatusOf(error));
    }

    /// <summary>A stale save of a rule: the pane shows the current values, and what the user typed below them.</summary>
    public const string ChangedBySomeoneElse =
        "Someone else changed this rule after you opened it, so nothing was saved. The field shows its current values; what you typed is below. Put your values back to save them over the change, or edit the current ones.";

    private static bool IsNameTarget(ServiceError error) =>
        string.Equals(error.Target, "name", StringComparison.OrdinalIgnoreCase) || error.Details.Any(d => string.Equals(d.Target, "name", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> DeleteAsync(PerimeterPath path, string profile, AccessRuleDirection direction, IFormCollection form, HttpContext context,
        NspDbContext db, AccessRuleService rules, CurrentAccess access, ICallerContext caller)
    {
        var name = form["name"].ToString();
        var result = await rules.DeleteAsync(path, profile, name, caller.Caller, Precondition.Matching(form["etag"].ToString() is { Length: > 0 } etag ? etag : "missing"), context.RequestAborted);
        var view = await LoadAsync(db, path, profile, direction, access, context.RequestAborted);
        if (view is null)
        {
            return BladeResults.IsHtmx(context) ? Results.NotFound() : Results.Redirect(PageOf(path, profile, direction));
        }

        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(PageOf(path, profile, direction) + (result.Succeeded ? "?result=deleted" : "?result=conflict") + "&rule=" + Uri.EscapeDataString(name));
        }

        return result.Succeeded
            ? Editor(view, null, StatusCodes.Status200OK, $"The rule '{name}' was deleted.", "success")
            : result.Error!.Kind == ServiceErrorKind.PreconditionFailed
                ? Editor(view, null, StatusCodes.Status409Conflict,
                    view.Find(name) is null ? $"The rule '{name}' was already deleted by someone else." : $"Someone else changed the rule '{name}' after you opened it, so it was not deleted. Check its current values below.",
                    "warning")
                : Editor(view, null, BladeResults.StatusOf(result.Error), result.Error.Message, "error");
    }

    /// <summary>htmx: the editor with the pane as posted and its errors. A plain post: back to the blade with the pane
    /// and what was typed in the address (the page checks it again and shows the same errors), unless that would make
    /// the address too long.</summary>
    private static IResult Invalid(HttpContext context, AccessRulesView view, RuleForm form, PerimeterPath path, string profile, AccessRuleDirection direction,
        int status = StatusCodes.Status422UnprocessableEntity)
    {
        if (BladeResults.IsHtmx(context))
        {
            return Editor(view, form, status);
        }

        var page = PageOf(path, profile, direction) + "?result=invalid&rule=" + Uri.EscapeDataString(form.Name);
        var typed = $"{page}&panel={(form.IsNew ? "add" : "edit")}&type={Uri.EscapeDataString(form.SourceType)}&etag={Uri.EscapeDataString(form.ETag)}"
            + string.Concat(form.CheckedSubscriptions.Select(s => "&subscription=" + Uri.EscapeDataString(s)))
            + "&values=" + Uri.EscapeDataString(form.Values);
        return Results.Redirect(typed.Length <= MaxRedirectLength ? typed : page);
    }

    /// <summary>Kestrel takes request lines up to 8 KB; stay well below.</summary>
    private const int MaxRedirectLength = 6000;

    /// <summary>The rule changed (or appeared, or vanished) since the pane was opened: show what is stored now, keep what
    /// the user typed beside it, and save nothing.</summary>
    private static IResult Conflict(HttpContext context, AccessRulesView view, RuleForm posted, PerimeterPath path, string profile, AccessRuleDirection direction)
    {
        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(PageOf(path, profile, direction) + "?result=conflict&rule=" + Uri.EscapeDataString(posted.Name));
        }

        var typed = posted.SourceType == RuleSourceTypes.Subscriptions ? string.Join('\n', posted.CheckedSubscriptions.Concat([posted.Values])).Trim() : posted.Values;
        if (view.Find(posted.Name) is { ReadOnly: false } current)
        {
            var pane = RuleForm.ForRule(current, view.KnownSubscriptions) with
            {
                YourValues = typed,
                Problems = [posted.IsNew ? $"A rule named '{current.Name}' already exists (someone may have just added it), so nothing was saved. These are its values; change them here or cancel and choose another name." : ChangedBySomeoneElse],
            };
            return Editor(view, pane, StatusCodes.Status409Conflict);
        }

        if (view.Find(posted.Name) is { ReadOnly: true } generated)
        {
            return Editor(view, posted with { NameError = $"The rule '{generated.Name}' was generated by a perimeter link and is read-only; choose another name." },
                StatusCodes.Status409Conflict);
        }

        // Deleted meanwhile: offer to add it again with what the user typed.
        return Editor(view, posted with { IsNew = true, ETag = "", Problems = [$"The rule '{posted.Name}' was deleted by someone else after you opened it; nothing was saved. Add it again to keep your values."] },
            StatusCodes.Status409Conflict);
    }

    private static RazorComponentResult<AccessRulesEditor> Editor(AccessRulesView view, RuleForm? pane, int status, string? message = null, string kind = "success") =>
        BladeResults.Fragment<AccessRulesEditor>(status, new()
        {
            [nameof(AccessRulesEditor.View)] = view,
            [nameof(AccessRulesEditor.Pane)] = pane,
            [nameof(AccessRulesEditor.Message)] = message,
            [nameof(AccessRulesEditor.MessageKind)] = kind,
            [nameof(AccessRulesEditor.FromPost)] = true,
        });

    private static async Task<AccessRulesView?> LoadAsync(NspDbContext db, PerimeterPath path, string profile, AccessRuleDirection direction, CurrentAccess access,
        CancellationToken cancellationToken)
    {
        var grants = await access.GrantsAsync(cancellationToken);
        var known = await ReadableSubscriptions.OptionsAsync(db, grants, cancellationToken);
        var loaded = await AccessRulesLoader.LoadAsync(db, path.SubscriptionId, path.ResourceGroup, path.Name, profile, direction,
            grants.Allows(NspPermission.Write, NspScope.Subscription(path.SubscriptionId)), known, cancellationToken);
        return loaded?.View;
    }

    private static string PageOf(PerimeterPath path, string profile, AccessRuleDirection direction) =>
        Components.PortalRoutes.Perimeter(path.SubscriptionId, path.ResourceGroup, path.Name,
            $"profiles/{Uri.EscapeDataString(profile)}/{(direction == AccessRuleDirection.Inbound ? "inboundRules" : "outboundRules")}");
}
