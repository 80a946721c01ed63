using Microsoft.AspNetCore.Antiforgery;
using NspPortal.Web.Hosting;

namespace NspPortal.Web.Security.Hardening;

/// <summary>Antiforgery on every state-changing browser request, by construction rather than per endpoint: any POST,
/// PUT, PATCH or DELETE outside the API (which takes bearer tokens only, never cookies) must carry a valid token — in
/// the form (<c>&lt;AntiforgeryToken /&gt;</c>) or in the <c>RequestVerificationToken</c> header that htmx sends from
/// <c>&lt;body hx-headers&gt;</c>. Runs after <c>UseAntiforgery</c> and reuses its verdict when it already checked.</summary>
internal static class AntiforgeryGuard
{
    public const string Message = "This form has expired or was not sent by the portal. Reload the page and try again.";

    /// <summary>The htmx answer: the page keeps what was typed (htmx swaps nothing on 400) and gets a new token in
    /// <see cref="RenewedTokenHeader"/>, which portal.js puts in place — so a tab left open overnight only needs the
    /// button pressed again, not a reload that would lose the input.</summary>
    public const string RenewedMessage =
        "This page was open so long that its security token expired, so nothing was done. The token has been renewed and your input is still here: select the button again.";

    /// <summary>Response header with a fresh request token for the caller's (possibly new) antiforgery cookie. Only the
    /// page itself can read it (same origin), so it gives a forged cross-site request nothing.</summary>
    public const string RenewedTokenHeader = "X-Nsp-Antiforgery-Token";

    public static IApplicationBuilder UseAntiforgeryGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (!unsafeMethod || PortalPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        var valid = context.Features.Get<IAntiforgeryValidationFeature>()?.IsValid
            ?? await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        if (!valid)
        {
            if (HtmxResponses.IsHtmx(context.Request))
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
                    context.Response.Headers[RenewedTokenHeader] = tokens.RequestToken;
                    await HtmxResponses.RefuseAsync(context, StatusCodes.Status400BadRequest, RenewedMessage);
                    return;
                }

                await HtmxResponses.RefuseAsync(context, StatusCodes.Status400BadRequest, Message);
                return;
            }

            await ErrorPages.WriteAsync(context, StatusCodes.Status400BadRequest, "The form has expired", Message);
            return;
        }

        await next(context);
    });
}
