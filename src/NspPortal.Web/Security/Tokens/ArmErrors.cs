using System.Text.Json;

namespace NspPortal.Web.Security.Tokens;

/// <summary>ARM's error body, <c>{"error":{"code":…,"message":…}}</c>, for answers the security layer gives on API paths.</summary>
internal static class ArmErrors
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }
}
