using NspPortal.Data.Security;

namespace NspPortal.Web.Security.Authorization;

/// <summary>Finds the scope a request is about, so a declared permission is checked where it matters. ARM routes
/// (<c>/subscriptions/{id}/…</c>) and portal resource blades (<c>/resource/subscriptions/{id}/…</c>) name their
/// subscription in the path; a route value <c>subscriptionId</c> counts too. A request that names none (lists, search,
/// account pages) is "not about one scope": the permission must then be held somewhere, and the page narrows what it
/// shows to the subscriptions the caller may see.</summary>
public static class RequestScope
{
    /// <summary>The request's scope; <see cref="NspScope.Root"/> when it names a subscription that is not a GUID (only a
    /// root assignment passes, which is the safe answer for a path we cannot place); null when it names none.</summary>
    public static NspScope? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AtRootScopeAttribute>() is not null)
        {
            return NspScope.Root;
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (key.Equals("subscriptionId", StringComparison.OrdinalIgnoreCase) && value is not null)
            {
                return Guid.TryParse(value.ToString(), out var id) ? NspScope.Subscription(id) : NspScope.Root;
            }
        }

        return FromPath(context.Request.Path);
    }

    /// <summary>The subscription named by the first <c>subscriptions/{id}</c> pair in the path.</summary>
    public static NspScope? FromPath(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= segments.Length)
                {
                    return null; // the collection itself (GET /subscriptions): not about one subscription
                }

                return Guid.TryParse(Uri.UnescapeDataString(segments[i + 1]), out var id) ? NspScope.Subscription(id) : NspScope.Root;
            }
        }

        return null;
    }
}

/// <summary>Marks an endpoint whose scope is the root <c>/</c> although its route names no subscription — an operation over
/// everything (all role assignments at <c>/</c>, an import that spans subscriptions): its permission must then be held at
/// <c>/</c>, not merely somewhere. <c>.AtRootScope()</c> on a minimal API, <c>[AtRootScope]</c> on a page.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AtRootScopeAttribute : Attribute;

public static class AtRootScopeExtensions
{
    public static TBuilder AtRootScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AtRootScopeAttribute());
}
