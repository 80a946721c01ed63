using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;

namespace NspPortal.Web.Security.Authorization;

/// <summary>What the current caller may do, loaded once per request: the role assignments of the signed-in user (or of
/// the owner of the personal access token) from the database, plus grants an authentication handler put on the
/// principal itself (the API's bootstrap token is Owner at <c>/</c>). Read from the database on every request rather
/// than from the cookie, so removing a role takes effect at once.</summary>
public sealed class CurrentAccess(NspDbContext db, IHttpContextAccessor accessor)
{
    private AccessGrants? grants;
    private ClaimsPrincipal? loadedFor;

    internal HttpContext? HttpContext => accessor.HttpContext;

    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => UserIdOf(accessor.HttpContext?.User);

    /// <summary>Who the caller is, for <c>createdBy</c>/<c>lastModifiedBy</c> and the activity log.</summary>
    public string CallerName => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Email)
        ?? accessor.HttpContext?.User.Identity?.Name ?? "anonymous";

    /// <summary>The grants of the current request's caller.</summary>
    public Task<AccessGrants> GrantsAsync(CancellationToken cancellationToken = default) =>
        GrantsAsync(accessor.HttpContext?.User, cancellationToken);

    /// <summary>The grants of <paramref name="user"/> (cached for the request's own principal).</summary>
    public async Task<AccessGrants> GrantsAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        if (grants is not null && ReferenceEquals(user, loadedFor))
        {
            return grants;
        }

        var result = await LoadAsync(user, cancellationToken);
        grants = result;
        loadedFor = user;
        return result;
    }

    /// <summary>True when the caller holds <paramref name="permission"/> at <paramref name="scope"/>.</summary>
    public async Task<bool> AllowsAsync(NspPermission permission, NspScope scope, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Allows(permission, scope);

    private async Task<AccessGrants> LoadAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return AccessGrants.None;
        }

        var roles = new List<ScopedRole>(NspClaims.GrantsOf(user));
        if (UserIdOf(user) is { } userId)
        {
            var rows = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId)
                .Select(a => new { a.Scope, a.Role }).ToListAsync(cancellationToken);
            roles.AddRange(rows.Where(r => NspScope.TryParse(r.Scope, out _))
                .Select(r => new ScopedRole(NspScope.TryParse(r.Scope, out var s) ? s : NspScope.Root, r.Role)));
        }

        return roles.Count == 0 ? AccessGrants.None : new AccessGrants(roles);
    }

    private static string? UserIdOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}

/// <summary>Why the last permission check of a request failed: the permission and the scope (null: anywhere).</summary>
public sealed record AccessDenial(NspPermission Permission, NspScope? Scope)
{
    /// <summary>"You need the Contributor role on /subscriptions/… to do this."</summary>
    public string Message => $"You need the {NspRoles.LeastRoleFor(Permission)} role {(Scope is { } s ? $"on {s}" : "on at least one subscription")} to do this.";

    /// <summary>ARM's <c>AuthorizationFailed</c> message: the action and the scope.</summary>
    public string ArmMessage(string caller) =>
        $"The client '{caller}' does not have authorization to perform action '{Permission.ActionName()}' over scope '{Scope?.ToString() ?? "/"}' or the scope is invalid.";
}
