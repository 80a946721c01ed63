using System.Security.Claims;
using NspPortal.Data;

namespace NspPortal.Web.Arm.Authentication;

/// <summary>Who is calling: the name and ARM <c>createdByType</c> recorded in <c>systemData</c> and the activity log.
/// Built from the request's principal; the UI and the API pass <see cref="Caller"/> to the service layer.</summary>
public interface ICallerContext
{
    /// <summary>User name, or the token's name.</summary>
    string Name { get; }

    /// <summary><c>Application</c> for tokens, <c>User</c> for signed-in users.</summary>
    string Type { get; }

    /// <summary>The caller as the service layer takes it.</summary>
    Caller Caller => new(Name, Type);
}

/// <summary>Reads the caller from <see cref="HttpContext.User"/>: the <see cref="CallerClaims.Type"/> claim when an
/// authentication handler set one (bearer tokens set <c>Application</c>), otherwise <c>User</c>.</summary>
internal sealed class ClaimsCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Name => User?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    public string Type => User?.FindFirst(CallerClaims.Type)?.Value ?? "User";
}

/// <summary>Claim types the portal's authentication handlers add.</summary>
public static class CallerClaims
{
    /// <summary>ARM's <c>createdByType</c> of the caller: <c>User</c>, <c>Application</c>, <c>ManagedIdentity</c>, <c>Key</c>.</summary>
    public const string Type = "nspportal:caller_type";
}
