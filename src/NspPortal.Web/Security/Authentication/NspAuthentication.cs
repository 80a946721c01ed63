using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Web.Hosting;
using NspPortal.Web.Security.Authorization;
using NspPortal.Web.Security.Hardening;
using NspPortal.Web.Security.Tokens;

namespace NspPortal.Web.Security.Authentication;

/// <summary>Who the caller is. Browser pages and htmx fragments: the Identity cookie of a local account (signed in at
/// <c>/signin</c>). API paths (<see cref="PortalPaths.IsApi"/>): <c>Authorization: Bearer</c> only — the bootstrap token or
/// a personal access token — so a browser's cookie can never drive the API (no cross-site request forgery there).
/// One policy scheme picks between them by path.</summary>
public static class NspAuthentication
{
    /// <summary>The default scheme: forwards to the cookie or to the bearer handler by path.</summary>
    public const string Selector = "NspPortal";

    public const string CookieName = "nsp-auth";

    public static IServiceCollection AddNspAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
                o.DefaultForbidScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = context => PortalPaths.IsApi(context.Request.Path)
                    ? ApiTokenDefaults.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenDefaults.Scheme, null)
            .AddIdentityCookies();

        services.AddIdentityCore<NspUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("NspPortal:Auth:Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("NspPortal:Auth:Lockout:Minutes", 15));
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<NspDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<NotTheEmailPasswordValidator>();

        // Identity re-reads the user (security stamp) this often: a deleted or locked user's cookie stops working soon.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            // Secure whenever the portal is reached over HTTPS (directly, or through a proxy when
            // NspPortal:ForwardedHeaders:Enabled); plain HTTP stays possible for localhost demos and docker-compose.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(configuration.GetValue("NspPortal:Auth:SessionHours", 8));
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/access-denied";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = RedirectToSignInAsync;
            o.Events.OnRedirectToAccessDenied = RefuseAsync;
        });
        return services;
    }

    /// <summary>Not signed in: a page redirects to the sign-in form (coming back afterwards); an htmx request gets 401 with
    /// <c>HX-Redirect</c>, so htmx navigates the whole window instead of swapping a sign-in form into a grid.</summary>
    private static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (HtmxResponses.IsHtmx(request))
        {
            var current = Uri.TryCreate(request.Headers["HX-Current-URL"].ToString(), UriKind.Absolute, out var page)
                ? ReturnUrls.SafeLocal(page.PathAndQuery)
                : "/";
            context.Response.Headers["HX-Redirect"] = SignInPath(current);
            return HtmxResponses.RefuseAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Your session has ended. Sign in again.");
        }

        context.Response.Redirect(SignInPath(ReturnUrls.CurrentPathAndQuery(request)));
        return Task.CompletedTask;
    }

    /// <summary>Signed in but not allowed: 403 in place (no redirect), so the address stays; the status-code page says
    /// which role is needed. htmx requests get the message in <c>X-Nsp-Message</c>.</summary>
    private static Task RefuseAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var denial = context.HttpContext.Items[typeof(AccessDenial)] as AccessDenial;
        var message = denial?.Message ?? "You do not have access to this.";
        if (HtmxResponses.IsHtmx(context.Request))
        {
            return HtmxResponses.RefuseAsync(context.HttpContext, StatusCodes.Status403Forbidden, message);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary><c>/signin?returnUrl=…</c> (no parameter for the home page).</summary>
    public static string SignInPath(string returnUrl) =>
        returnUrl == "/" ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}";
}

/// <summary>Refuses a password that contains the account's e-mail address or its name part.</summary>
internal sealed class NotTheEmailPasswordValidator : IPasswordValidator<NspUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<NspUser> manager, NspUser user, string? password)
    {
        var email = user.Email ?? user.UserName ?? "";
        var local = email.Split('@')[0];
        var bad = password is not null && local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(bad
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain your e-mail address." })
            : IdentityResult.Success);
    }
}
