using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Services;

namespace NspPortal.Web.Features.Perimeters;

/// <summary>What the perimeter blade's write endpoints share: htmx or plain post, the editor fragment with a status
/// (htmx swaps 200, 409 and 422, see App.razor), a redirect for either, and the words for a service failure.</summary>
internal static class BladeResults
{
    /// <summary>Shown when a save meets a newer version (If-Match failed): nothing was overwritten.</summary>
    public const string ChangedBySomeoneElse =
        "Someone else changed this after you opened it, so nothing was saved. These are the current values; make your change again.";

    public static bool IsHtmx(HttpContext context) => context.Request.Headers["HX-Request"] == "true";

    /// <summary>The component as the htmx answer, with a status code.</summary>
    public static RazorComponentResult<T> Fragment<T>(int status, Dictionary<string, object?> parameters) where T : IComponent =>
        new(parameters) { StatusCode = status };

    /// <summary>A plain form post is redirected (303 would be ideal; 302 is what the rest of the portal uses); htmx gets
    /// <c>HX-Redirect</c> so the whole page navigates.</summary>
    public static IResult Redirect(HttpContext context, string url)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsHtmx(context))
        {
            context.Response.Headers["HX-Redirect"] = url;
            return Results.Ok();
        }

        return Results.Redirect(url);
    }

    /// <summary>The sentence for a failed operation: the service's message, plus its details when there are several.</summary>
    public static IReadOnlyList<string> Problems(ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Details.Count == 0 ? [error.Message] : [.. error.Details.Select(d => d.Message)];
    }

    /// <summary>422 for invalid input, 409 for conflicts and failed preconditions, 404 for what is gone.</summary>
    public static int StatusOf(ServiceError error) => error.Kind switch
    {
        ServiceErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        ServiceErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The perimeter of a blade URL with what <paramref name="include"/> adds, untracked; null when absent.</summary>
    public static Task<PerimeterEntity?> PerimeterAsync(NspDbContext db, Guid subscriptionId, string resourceGroup, string name,
        Func<IQueryable<PerimeterEntity>, IQueryable<PerimeterEntity>>? include = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groupKey = ArmEntity.NameKeyOf(resourceGroup);
        var nameKey = ArmEntity.NameKeyOf(name);
        var query = db.Perimeters.AsNoTracking().AsSplitQuery().Include(p => p.ResourceGroup!).ThenInclude(g => g.Subscription).AsQueryable();
        query = include?.Invoke(query) ?? query;
        return query.SingleOrDefaultAsync(p => p.NameKey == nameKey && p.ResourceGroup!.NameKey == groupKey && p.ResourceGroup.SubscriptionId == subscriptionId, cancellationToken);
    }
}
