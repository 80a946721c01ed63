using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using NspPortal.Data.Entities;

namespace NspPortal.Web.Features.Account;

internal static class AccountEndpoints
{
    /// <summary><c>POST /signout</c> (the form in the account menu): ends the session and shows the sign-in page.
    /// The user's security stamp changes too, so a copy of the session cookie (another browser, a stolen one) stops
    /// working within a minute (the stamp validation interval). Anonymous on purpose — signing out with an expired
    /// session must not fail — but antiforgery-checked like every post, so another site cannot sign a user out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signout", async (HttpContext context, SignInManager<NspUser> signIn, UserManager<NspUser> users) =>
            {
                if (await users.GetUserAsync(context.User) is { } user)
                {
                    await users.UpdateSecurityStampAsync(user);
                }

                await signIn.SignOutAsync();
                return Results.Redirect("/signin");
            })
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
