using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NspPortal.Web.Arm.Authentication;

/// <summary>The <c>Bearer</c> scheme of the ARM API: <c>Authorization: Bearer &lt;token&gt;</c>. Today it knows the
/// bootstrap token (full rights, caller type <c>Application</c>); the security issue adds personal access tokens by
/// extending <see cref="ValidateTokenAsync"/>. A missing or wrong token is challenged with 401 and ARM's error body.
/// Tokens are compared in constant time and never logged.</summary>
public class BearerTokenHandler(IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The name recorded for the bootstrap token in systemData and the activity log.</summary>
    public const string BootstrapCallerName = "bootstrap-token";

    private const string FailureKey = "nspportal:bearer_failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            Context.Items[FailureKey] = "InvalidAuthenticationToken";
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var principal = await ValidateTokenAsync(header[7..].Trim());
        if (principal is null)
        {
            Context.Items[FailureKey] = "InvalidAuthenticationToken";
            return AuthenticateResult.Fail("The access token is invalid.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>Returns the principal a token stands for, or null when no token matches. Override to add more kinds of tokens.</summary>
    protected virtual Task<ClaimsPrincipal?> ValidateTokenAsync(string token)
    {
        var expected = Options.BootstrapToken;
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(token, expected))
        {
            return Task.FromResult<ClaimsPrincipal?>(null);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, BootstrapCallerName), new Claim(CallerClaims.Type, "Application"), new Claim(ClaimTypes.Role, "Owner")],
            Scheme.Name);
        return Task.FromResult<ClaimsPrincipal?>(new ClaimsPrincipal(identity));
    }

    /// <summary>401 with ARM's body: <c>AuthenticationFailed</c> when no token came, <c>InvalidAuthenticationToken</c> when it was wrong.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var wrong = Context.Items.ContainsKey(FailureKey);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = wrong ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ArmError.WriteAsync(Context, StatusCodes.Status401Unauthorized, wrong
            ? new ArmError("InvalidAuthenticationToken", "The access token is invalid.")
            : new ArmError("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ArmError.WriteAsync(Context, StatusCodes.Status403Forbidden,
            new ArmError("AuthorizationFailed", "The client does not have authorization to perform this action."));
    }

    /// <summary>Compares the SHA-256 of both tokens, so neither their content nor their length leaks through timing.</summary>
    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
