namespace NspPortal.Web.Security.Hardening;

/// <summary>PostgreSQL text cannot hold U+0000: a NUL anywhere in a value that reaches a query fails the statement (a 500
/// on PostgreSQL, silently fine on SQLite). No legitimate input contains one, so query strings carrying a NUL are refused
/// with 400 at the door, for every endpoint. Forms are read here too: ASP.NET's form reader itself refuses a NUL (and
/// other unreadable forms), and the answer then says so instead of failing later as an "expired" form. JSON bodies are
/// checked where they are read (a NUL is invalid in every identifier the API accepts).</summary>
internal static class NulCharacterGuard
{
    public const string Message = "The request contains a NUL character, which no field accepts.";

    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var bad = request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
        if (!bad && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                bad = form.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                await WriteAsync(context, "The form could not be read: " + e.Message);
                return;
            }
        }

        if (!bad)
        {
            await next(context);
            return;
        }

        await WriteAsync(context, Message);
    });

    private static Task WriteAsync(HttpContext context, string message)
    {
        if (Hosting.PortalPaths.IsApi(context.Request.Path))
        {
            return Tokens.ArmErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestContent", message);
        }

        return HtmxResponses.IsHtmx(context.Request)
            ? HtmxResponses.RefuseAsync(context, StatusCodes.Status400BadRequest, message)
            : ErrorPages.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad request", message);
    }
}
