using System.Net;

namespace NspPortal.Web.Security.Hardening;

/// <summary>A small self-contained HTML page for answers the security layer gives before any page runs (expired form,
/// too many requests). It links the portal's stylesheet only; no inline style or script (CSP).</summary>
internal static class ErrorPages
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var t = WebUtility.HtmlEncode(title);
        var m = WebUtility.HtmlEncode(message);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t} - NspPortal</title>" +
            "<link rel=\"icon\" href=\"data:,\"></head>" +
            $"<body><main class=\"error-page\"><h1>{t}</h1><p>{m}</p><p><a href=\"/\">Go to Home</a></p></main></body></html>");
    }
}
