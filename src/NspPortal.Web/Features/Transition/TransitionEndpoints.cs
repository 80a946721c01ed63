using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Components;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Features.Perimeters.Menu;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Transition;

/// <summary>The endpoints behind the Logs blade and the transition view. Reading logs (the CSV export) needs
/// <see cref="NspPermission.Troubleshoot"/>; drafts, applying them and switching access modes need
/// <see cref="NspPermission.Write"/>. Every write goes through <see cref="TransitionService"/>. The forms post plainly
/// and are answered with a redirect back to the view carrying the outcome (<c>?result=…</c>), so they work without scripts.</summary>
internal static class TransitionEndpoints
{
    private const string Perimeter = "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}";

    public static string DraftUrl(Guid subscriptionId, string resourceGroup, string name, string action) =>
        PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, $"{PerimeterMenu.Keys.Transition}/draft/{action}");

    public static string SwitchApplyUrl(Guid subscriptionId, string resourceGroup, string name) =>
        PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, $"{PerimeterMenu.Keys.Transition}/switch/apply");

    public static void MapTransition(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Perimeter + "/logs/export.csv", ExportAsync).RequirePermission(NspPermission.Troubleshoot);
        endpoints.MapPost(Perimeter + "/transition/draft/add", AddAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost(Perimeter + "/transition/draft/remove", RemoveAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost(Perimeter + "/transition/draft/discard", DiscardAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost(Perimeter + "/transition/draft/apply", ApplyAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost(Perimeter + "/transition/switch/apply", SwitchAsync).RequirePermission(NspPermission.Write);
    }

    private static async Task<IResult> ExportAsync(Guid subscriptionId, string resourceGroup, string name, HttpContext context, NspDbContext db,
        TrafficLogSearch search, TimeProvider clock)
    {
        var perimeter = await BladeResults.PerimeterAsync(db, subscriptionId, resourceGroup, name, cancellationToken: context.RequestAborted);
        if (perimeter is null)
        {
            return Results.NotFound();
        }

        var (filter, errors) = LogsQuery.From(context.Request.Query).ToFilter(perimeter.Id, clock.GetUtcNow().UtcDateTime);
        if (filter is null)
        {
            return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        var file = $"NSPAccessLogs-{perimeter.Name}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return Results.Stream(body => LogsCsv.WriteAsync(body, search.AllAsync(filter), context.RequestAborted), "text/csv; charset=utf-8", file);
    }

    private static async Task<IResult> AddAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        TransitionService service, ICallerContext caller)
    {
        var profile = form["profile"].ToString();
        var suggestions = new List<Suggestion>();
        foreach (var key in form["suggestion"].Select(k => k ?? ""))
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !Enum.TryParse<SuggestionKind>(key[..colon], out var kind) || !Enum.IsDefined(kind))
            {
                return Refuse(context, form, StatusCodes.Status422UnprocessableEntity, "That is not a suggestion this view offers.");
            }

            suggestions.Add(new Suggestion(kind, key[(colon + 1)..], 0, 0));
        }

        if (suggestions.Count == 0 || profile.Length == 0)
        {
            return Refuse(context, form, StatusCodes.Status422UnprocessableEntity, "Choose a suggestion and a profile.");
        }

        var result = await service.AddToDraftAsync(new PerimeterPath(subscriptionId, resourceGroup, name), profile, suggestions, Etag(form), caller.Caller,
            context.RequestAborted);
        return result.Succeeded
            ? Back(context, form, "added", suggestions.Count == 1 ? $"Added {suggestions[0].Value} to the draft of {profile}." : $"Added {suggestions.Count} suggestions to the draft of {profile}.")
            : Refuse(context, form, result.Error!);
    }

    private static async Task<IResult> RemoveAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        TransitionService service, ICallerContext caller)
    {
        var rule = form["rule"].ToString();
        var result = await service.RemoveRuleFromDraftAsync(new PerimeterPath(subscriptionId, resourceGroup, name), form["profile"].ToString(), rule,
            Etag(form), caller.Caller, context.RequestAborted);
        return result.Succeeded
            ? Back(context, form, "removed", $"Removed the rule {rule} from the draft; applying the draft deletes it from the profile.")
            : Refuse(context, form, result.Error!);
    }

    private static async Task<IResult> DiscardAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        TransitionService service, ICallerContext caller)
    {
        var result = await service.DiscardDraftAsync(new PerimeterPath(subscriptionId, resourceGroup, name), form["profile"].ToString(), Etag(form),
            caller.Caller, context.RequestAborted);
        return result.Succeeded
            ? Back(context, form, "discarded", "The draft was discarded.")
            : Refuse(context, form, result.Error!);
    }

    private static async Task<IResult> ApplyAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        TransitionService service, ICallerContext caller)
    {
        if (!long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Refuse(context, form, StatusCodes.Status422UnprocessableEntity, "The form is missing the profile's rules version; open the draft again.");
        }

        var profile = form["profile"].ToString();
        var result = await service.ApplyDraftAsync(new PerimeterPath(subscriptionId, resourceGroup, name), profile, form["etag"].ToString(), version,
            caller.Caller, context.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(context, form, result.Error!);
        }

        var applied = result.Value!;
        return Back(context, form, "applied",
            $"Applied the draft to {profile}: {applied.RulesWritten} rule(s) written, {applied.RulesDeleted} deleted, {applied.ResourcesAssociated} resource(s) associated; accessRulesVersion is now {applied.AccessRulesVersion}.");
    }

    private static async Task<IResult> SwitchAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        TransitionService service, ICallerContext caller)
    {
        var association = form["association"].ToString();
        var resource = form["resource"].ToString();
        var reason = form["reason"].ToString();
        var switchPage = PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, $"{PerimeterMenu.Keys.Transition}/switch");
        string Again(string error) => QueryHelpers.AddQueryString(switchPage, new Dictionary<string, string?> { ["association"] = association, ["error"] = error, ["reason"] = reason });
        if (!Enum.TryParse<AccessMode>(form["mode"], out var mode) || !Enum.IsDefined(mode))
        {
            return Refusal(StatusCodes.Status422UnprocessableEntity, "Choose Enforced or Transition (Learning).", Again("mode"));
        }

        _ = long.TryParse(form["newlyDenied"], NumberStyles.None, CultureInfo.InvariantCulture, out var newlyDenied);
        _ = long.TryParse(form["logged"], NumberStyles.None, CultureInfo.InvariantCulture, out var logged);
        if (mode == AccessMode.Enforced && newlyDenied > 0 && !string.Equals(form["confirm"].ToString().Trim(), resource, StringComparison.Ordinal))
        {
            return Refusal(StatusCodes.Status422UnprocessableEntity, $"The resource name you typed does not match; type {resource} exactly to switch.", Again("confirm"));
        }

        var impact = mode == AccessMode.Enforced ? new ModeSwitchImpact(logged, newlyDenied, null) : null;
        var result = await service.SwitchAccessModeAsync(new PerimeterPath(subscriptionId, resourceGroup, name), association, mode, reason, impact,
            caller.Caller, Precondition.Matching(form["etag"].ToString()), context.RequestAborted);
        if (!result.Succeeded)
        {
            var code = result.Error!.Code switch
            {
                "ReasonRequired" or "ReasonTooLong" => "reason",
                "PreconditionFailed" => "changed",
                _ => "failed",
            };
            return Refusal(BladeResults.StatusOf(result.Error), string.Join(" ", BladeResults.Problems(result.Error)), Again(code));
        }

        var view = PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, PerimeterMenu.Keys.Transition);
        return Results.Redirect(QueryHelpers.AddQueryString(view, new Dictionary<string, string?>
        {
            ["association"] = association,
            ["result"] = mode == AccessMode.Enforced ? "enforced" : "learning",
            ["message"] = mode == AccessMode.Enforced
                ? $"{resource} is now Enforced. If something breaks, return it to Transition (Learning) with one click below."
                : $"{resource} is back in Transition (Learning).",
        }));
    }

    private static RazorComponentResult<TransitionRefusal> Refusal(int status, string message, string backUrl) =>
        new(new Dictionary<string, object?> { [nameof(TransitionRefusal.Message)] = message, [nameof(TransitionRefusal.BackUrl)] = backUrl }) { StatusCode = status };

    private static RazorComponentResult<TransitionRefusal> Refuse(HttpContext context, IFormCollection form, ServiceError error) =>
        Refuse(context, form, BladeResults.StatusOf(error), string.Join(" ", BladeResults.Problems(error)));

    /// <summary>Nothing was changed: the 4xx answer with the reason and the way back to the view the form came from.</summary>
    private static RazorComponentResult<TransitionRefusal> Refuse(HttpContext context, IFormCollection form, int status, string message) =>
        Refusal(status, message, ReturnUrl(context, form) + "#drafts");

    private static string? Etag(IFormCollection form) => form["etag"].ToString() is { Length: > 0 } etag ? etag : null;

    /// <summary>The transition view the form came from (its <c>return</c> field when it is a local URL).</summary>
    private static string ReturnUrl(HttpContext context, IFormCollection form)
    {
        var target = form["return"].ToString();
        if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal) || target.StartsWith("/\\", StringComparison.Ordinal))
        {
            var path = context.Request.Path.Value ?? "/";
            var at = path.IndexOf("/transition/", StringComparison.Ordinal);
            target = at < 0 ? "/" : path[..at] + "/transition";
        }

        return target;
    }

    /// <summary>Back to the transition view the form came from, with the outcome.</summary>
    private static IResult Back(HttpContext context, IFormCollection form, string result, string message)
    {
        var target = ReturnUrl(context, form);
        var withoutOutcome = QueryHelpers.ParseQuery(new Uri("http://x" + target).Query)
            .Where(q => q.Key is not ("result" or "message"))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()));
        var path0 = target.Split('?')[0];
        var url = QueryHelpers.AddQueryString(path0, withoutOutcome.Append(new("result", result)).Append(new("message", message)));
        return BladeResults.Redirect(context, url + "#drafts");
    }
}
