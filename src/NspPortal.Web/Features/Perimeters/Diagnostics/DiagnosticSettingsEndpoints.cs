using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Components;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Perimeters.Diagnostics;

/// <summary>Diagnostic settings Save and Delete: <c>POST …/diagnosticSettings/save|delete</c>, <see cref="NspPermission.Write"/>.
/// Through <see cref="LoggingConfigurationService"/> (the API's PUT and DELETE of <c>loggingConfigurations/instance</c>):
/// the form's ETag is If-Match (none yet: If-None-Match *), so a stale save answers 409 with the current setting and
/// what the user ticked is not lost (it is shown again next to the message on a 422).</summary>
internal static class DiagnosticSettingsEndpoints
{
    public const string ConflictMessage =
        "Someone else changed the diagnostic setting after you opened it, so nothing was saved. These are the current values; make your change again.";

    private const string Route =
        "/resource/subscriptions/{subscriptionId:guid}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/diagnosticSettings";

    public static string PageUrl(Guid subscriptionId, string resourceGroup, string name) =>
        PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, Menu.PerimeterMenu.Keys.DiagnosticSettings);

    public static void MapDiagnosticSettings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"{Route}/save", SaveAsync).RequirePermission(NspPermission.Write);
        endpoints.MapPost($"{Route}/delete", DeleteAsync).RequirePermission(NspPermission.Write);
    }

    private static async Task<IResult> SaveAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, LoggingConfigurationService logging, ICallerContext caller)
    {
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var pageUrl = PageUrl(subscriptionId, resourceGroup, name);
        var posted = form["category"].Select(c => c ?? "").Where(c => c.Length > 0).ToList();
        var allLogs = posted.Contains(DiagnosticCategories.AllLogs, StringComparer.OrdinalIgnoreCase);
        var categories = allLogs
            ? [.. DiagnosticCategories.Current.Select(c => c.Name)]
            : posted.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var destination = form["destination"].ToString();
        var etag = form["etag"].ToString();
        var precondition = etag.Length == 0 ? new Precondition(null, "*") : Precondition.Matching(etag);
        var result = await logging.CreateOrUpdateAsync(path, new LoggingConfigurationInput("instance", categories, destination), caller.Caller, precondition, context.RequestAborted);
        if (result.Succeeded)
        {
            return BladeResults.IsHtmx(context)
                ? await EditorAsync(db, path, StatusCodes.Status200OK, categories.Count == 0 ? "Saved: no category is enabled, so the perimeter logs nothing." : "The diagnostic setting was saved.",
                    "success", [], null, context.RequestAborted)
                : Results.Redirect(pageUrl + "?result=saved");
        }

        var error = result.Error!;
        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(pageUrl + (error.Kind == ServiceErrorKind.PreconditionFailed ? "?result=conflict" : "?result=invalid"));
        }

        // A conflict shows the current setting (what would be overwritten) and, beside it, what the user chose.
        IReadOnlyList<string> yours = [$"Your choice: {(allLogs ? "all logs" : categories.Count == 0 ? "no category" : string.Join(", ", categories))}" +
            (destination.Trim().Length > 0 ? $"; destination \"{destination.Trim()}\"." : ".")];
        return error.Kind is ServiceErrorKind.PreconditionFailed
            ? await EditorAsync(db, path, StatusCodes.Status409Conflict, ConflictMessage, "warning", yours, null, context.RequestAborted)
            : await EditorAsync(db, path, BladeResults.StatusOf(error), "The diagnostic setting was not saved.", "error", BladeResults.Problems(error),
                (categories, allLogs, destination), context.RequestAborted);
    }

    private static async Task<IResult> DeleteAsync(Guid subscriptionId, string resourceGroup, string name, IFormCollection form, HttpContext context,
        NspDbContext db, LoggingConfigurationService logging, ICallerContext caller)
    {
        var path = new PerimeterPath(subscriptionId, resourceGroup, name);
        var result = await logging.DeleteAsync(path, "instance", caller.Caller, Precondition.Matching(form["etag"].ToString()), context.RequestAborted);
        if (!BladeResults.IsHtmx(context))
        {
            return Results.Redirect(PageUrl(subscriptionId, resourceGroup, name) + (result.Succeeded ? "?result=deleted" : "?result=conflict"));
        }

        return result.Succeeded
            ? await EditorAsync(db, path, StatusCodes.Status200OK, "The diagnostic setting was deleted; the perimeter logs nothing now.", "success", [], null, context.RequestAborted)
            : result.Error!.Kind == ServiceErrorKind.PreconditionFailed
                ? await EditorAsync(db, path, StatusCodes.Status409Conflict, ConflictMessage, "warning", [], null, context.RequestAborted)
                : await EditorAsync(db, path, BladeResults.StatusOf(result.Error), result.Error.Message, "error", [], null, context.RequestAborted);
    }

    /// <summary>The editor with the stored setting, or with what was posted (<paramref name="typed"/>) when it was invalid.</summary>
    private static async Task<IResult> EditorAsync(NspDbContext db, PerimeterPath path, int status, string message, string kind, IReadOnlyList<string> problems,
        (IReadOnlyList<string> Categories, bool AllLogs, string Destination)? typed, CancellationToken ct)
    {
        var perimeter = await BladeResults.PerimeterAsync(db, path.SubscriptionId, path.ResourceGroup, path.Name, cancellationToken: ct);
        if (perimeter is null)
        {
            return Results.NotFound();
        }

        var stored = await db.LoggingConfigurations.AsNoTracking().FirstOrDefaultAsync(c => c.PerimeterId == perimeter.Id, ct);
        return BladeResults.Fragment<DiagnosticSettingsEditor>(status, new()
        {
            [nameof(DiagnosticSettingsEditor.PageUrl)] = PageUrl(path.SubscriptionId, perimeter.ResourceGroup!.Name, perimeter.Name),
            [nameof(DiagnosticSettingsEditor.Exists)] = stored is not null,
            [nameof(DiagnosticSettingsEditor.ETag)] = stored?.ETag ?? "",
            [nameof(DiagnosticSettingsEditor.Enabled)] = typed?.Categories ?? stored?.EnabledLogCategories ?? [],
            [nameof(DiagnosticSettingsEditor.AllLogs)] = typed?.AllLogs ?? (stored is not null && DiagnosticCategories.IsAllLogs(stored.EnabledLogCategories)),
            [nameof(DiagnosticSettingsEditor.Destination)] = typed?.Destination ?? stored?.DestinationDescription ?? "",
            [nameof(DiagnosticSettingsEditor.CanWrite)] = true,
            [nameof(DiagnosticSettingsEditor.Message)] = message,
            [nameof(DiagnosticSettingsEditor.MessageKind)] = kind,
            [nameof(DiagnosticSettingsEditor.Problems)] = problems,
        });
    }
}
