using System.Security.Claims;
using NspPortal.Data.Security;

namespace NspPortal.Web.Security.Authorization;

/// <summary>Claims the portal's own authentication handlers put on a principal.</summary>
public static class NspClaims
{
    /// <summary>A role held by the principal itself rather than through role assignments, as <c>{Role}@{scope}</c>
    /// (the API's bootstrap token: <c>Owner@/</c>). Only honoured from identities the portal's handlers issue
    /// (<see cref="TrustedAuthenticationTypes"/>); cookies never carry it.</summary>
    public const string Grant = "nsp:grant";

    /// <summary>How the caller authenticated to the API: <c>bootstrap</c> or <c>pat</c>.</summary>
    public const string TokenKind = "nsp:token-kind";

    /// <summary>The id of the personal access token the caller used.</summary>
    public const string TokenId = "nsp:token-id";

    /// <summary>Authentication types whose <see cref="Grant"/> claims count.</summary>
    public static readonly IReadOnlySet<string> TrustedAuthenticationTypes = new HashSet<string>(StringComparer.Ordinal) { ApiTokenDefaults.AuthenticationType };

    /// <summary>The claim value for <paramref name="role"/> at <paramref name="scope"/>.</summary>
    public static string GrantValue(NspRole role, NspScope scope) => $"{role}@{scope}";

    /// <summary>The grants carried by trusted identities of <paramref name="user"/>.</summary>
    public static IEnumerable<ScopedRole> GrantsOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var identity in user.Identities.Where(i => i.IsAuthenticated && i.AuthenticationType is { } t && TrustedAuthenticationTypes.Contains(t)))
        {
            foreach (var claim in identity.FindAll(Grant))
            {
                var at = claim.Value.IndexOf('@', StringComparison.Ordinal);
                if (at > 0 && NspRoles.TryParse(claim.Value[..at], out var role) && NspScope.TryParse(claim.Value[(at + 1)..], out var scope))
                {
                    yield return new ScopedRole(scope, role);
                }
            }
        }
    }
}

/// <summary>Names shared by the API token handler and the claims it issues.</summary>
public static class ApiTokenDefaults
{
    /// <summary>The API's authentication scheme (<c>Authorization: Bearer …</c>).</summary>
    public const string Scheme = "Bearer";

    /// <summary>The authentication type of identities the API token handler issues.</summary>
    public const string AuthenticationType = "NspApiToken";
}
