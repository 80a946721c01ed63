namespace NspPortal.Web.Hosting;

/// <summary>What htmx told us about the current request (its <c>HX-*</c> headers). A partial request wants only the
/// fragment it targets, without the page chrome; history restores and boosted navigations want the full page.</summary>
public sealed class HtmxRequest(IHttpContextAccessor accessor)
{
    private IHeaderDictionary Headers => accessor.HttpContext?.Request.Headers ?? new HeaderDictionary();

    /// <summary>The request was sent by htmx.</summary>
    public bool IsHtmx => Headers["HX-Request"] == "true";

    /// <summary>htmx asks for a fragment to swap in: render no layout, only what <see cref="Target"/> names.</summary>
    public bool IsPartial => IsHtmx && Headers["HX-Boosted"] != "true" && Headers["HX-History-Restore-Request"] != "true";

    /// <summary>The id of the element htmx will swap (<c>HX-Target</c>), or null.</summary>
    public string? Target => Headers["HX-Target"].FirstOrDefault();

    /// <summary>True when this is a partial request aimed at the element with id <paramref name="elementId"/>.</summary>
    public bool Targets(string elementId) => IsPartial && string.Equals(Target, elementId, StringComparison.Ordinal);
}

internal static class HtmxVaryExtensions
{
    /// <summary>Responses differ by <c>HX-Request</c> (fragment or full page): say so, so no cache mixes them up.</summary>
    public static IApplicationBuilder UseHtmxVary(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.Vary.Contains("HX-Request"))
            {
                context.Response.Headers.Append("Vary", "HX-Request");
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
