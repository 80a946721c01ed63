using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using NspPortal.Data.Entities;

namespace NspPortal.Web.Features.Account;

internal static class AccountEndpoints
{
    /// <summary><c>POST /signout</c> (the form in the account menu): ends the session and shows the sign-in page.
    /// Anonymous on purpose — signing out with an expired session must not fail — but antiforgery-checked like every
    /// post, so another site cannot sign a user out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signout", async (SignInManager<NspUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.Redirect("/signin");
            })
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
