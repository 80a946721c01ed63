using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NspPortal.Data.Security;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Security.Tokens;

/// <summary>The API's <c>Authorization: Bearer</c> scheme: accepts the bootstrap token (<c>NspPortal:Api:BootstrapToken</c>,
/// Owner at <c>/</c>) and personal access tokens (their owner's roles). Anything else is 401 with an ARM error body;
/// a known caller without the role is 403 <c>AuthorizationFailed</c> naming the action and the scope. Tokens are never
/// logged.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration,
    PersonalAccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string FailureKey = "nsp:token-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("InvalidAuthenticationToken", "The 'Authorization' header must be 'Bearer <token>'.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (IsBootstrapToken(token))
        {
            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, "bootstrap-token"),
                    new Claim(CallerClaims.Type, "Application"),
                    new Claim(NspClaims.TokenKind, "bootstrap"),
                    new Claim(NspClaims.Grant, NspClaims.GrantValue(NspRole.Owner, NspScope.Root)),
                ],
                ApiTokenDefaults.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
            return Success(identity);
        }

        var check = await tokens.ValidateAsync(token, Context.RequestAborted);
        return check.Status switch
        {
            TokenStatus.Valid => Success(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, check.UserId),
                    new Claim(ClaimTypes.Name, check.UserName),
                    new Claim(ClaimTypes.Email, check.UserName),
                    new Claim(NspClaims.TokenKind, "pat"),
                    new Claim(NspClaims.TokenId, check.TokenId.ToString()),
                ],
                ApiTokenDefaults.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role)),
            TokenStatus.Expired => Fail("ExpiredAuthenticationToken", "The access token has expired. Create a new personal access token."),
            _ => Fail("InvalidAuthenticationToken", "The access token is invalid or has been revoked."),
        };
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var (code, message) = Context.Items[FailureKey] as (string, string)?
            ?? ("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        Response.Headers.WWWAuthenticate = code == "AuthenticationFailed" ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{code}\"";
        return ArmErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, code, message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var denial = Context.Items[typeof(AccessDenial)] as AccessDenial ?? new AccessDenial(NspPermission.Read, null);
        return ArmErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, "AuthorizationFailed", denial.ArmMessage(Context.User.Identity?.Name ?? "unknown"));
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    private AuthenticateResult Fail(string code, string message)
    {
        Context.Items[FailureKey] = (code, message);
        return AuthenticateResult.Fail(code);
    }

    /// <summary>Constant-time comparison of hashes, so response timing says nothing about the configured token.</summary>
    private bool IsBootstrapToken(string token)
    {
        var configured = configuration["NspPortal:Api:BootstrapToken"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(token)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }
}
