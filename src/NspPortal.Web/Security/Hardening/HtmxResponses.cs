using System.Text;

namespace NspPortal.Web.Security.Hardening;

/// <summary>How an htmx request learns that it needs a sign-in or was refused: htmx follows <c>HX-Redirect</c> with a
/// full navigation, and portal.js shows <c>X-Nsp-Message</c> in the notification area (htmx does not swap 4xx
/// answers into the page).</summary>
internal static class HtmxResponses
{
    public static bool IsHtmx(HttpRequest request) => request.Headers["HX-Request"] == "true";

    /// <summary>Status, message header and a short plain-text body (a body keeps the status-code pages out of it).</summary>
    public static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["X-Nsp-Message"] = HeaderSafe(message);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, Encoding.UTF8);
    }

    /// <summary>Headers carry ASCII only; anything else becomes '?'.</summary>
    public static string HeaderSafe(string text) =>
        new([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}
