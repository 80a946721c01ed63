using Microsoft.AspNetCore.Authorization;

namespace NspPortal.Web.Security.Authorization;

/// <summary>Decides every <see cref="NspPermissionRequirement"/>: the caller's roles (<see cref="CurrentAccess"/>) at the
/// request's scope (<see cref="RequestScope"/>), or anywhere when the request names no scope. The same handler serves
/// pages, fragments and the API, so a role means the same thing everywhere.</summary>
internal sealed class NspPermissionHandler(CurrentAccess access) : AuthorizationHandler<NspPermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, NspPermissionRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? access.HttpContext;
        var scope = http is null ? null : RequestScope.Of(http);
        var grants = await access.GrantsAsync(context.User);
        var allowed = scope is { } s ? grants.Allows(requirement.Permission, s) : grants.AllowsAnywhere(requirement.Permission);
        if (allowed)
        {
            context.Succeed(requirement);
        }
        else if (http is not null)
        {
            // Remembered for the 403 answer (ARM's AuthorizationFailed names the action and the scope).
            http.Items[typeof(AccessDenial)] = new AccessDenial(requirement.Permission, scope);
        }
    }
}
