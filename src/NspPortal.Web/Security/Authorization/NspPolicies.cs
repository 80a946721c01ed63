using Microsoft.AspNetCore.Authorization;
using NspPortal.Data.Security;

namespace NspPortal.Web.Security.Authorization;

/// <summary>The portal's authorization policies: one per <see cref="NspPermission"/>, plus <see cref="SignedIn"/>.
/// A page, an htmx fragment endpoint or an API endpoint names the permission it needs; the scope comes from the
/// request (<see cref="RequestScope"/>), and the caller's roles decide (<see cref="NspPermissionHandler"/>).
/// <list type="bullet">
/// <item>Razor page: <c>@attribute [RequirePermission(NspPermission.Write)]</c></item>
/// <item>Minimal API / fragment endpoint: <c>app.MapPost(…).RequirePermission(NspPermission.Write)</c></item>
/// <item>In code, for a scope that comes from the body: <c>await access.AllowsAsync(NspPermission.Write, scope)</c></item>
/// </list>
/// An endpoint that declares nothing gets the fallback policy, <see cref="Read"/>: nothing is reachable by accident.</summary>
public static class NspPolicies
{
    /// <summary>Any signed-in caller, with or without a role (their own account pages).</summary>
    public const string SignedIn = "nsp.signed-in";

    public const string Read = "nsp.read";

    public const string Troubleshoot = "nsp.troubleshoot";

    public const string Write = "nsp.write";

    public const string ManageAccess = "nsp.manage-access";

    /// <summary>The policy name of a permission.</summary>
    public static string For(NspPermission permission) => permission switch
    {
        NspPermission.Read => Read,
        NspPermission.Troubleshoot => Troubleshoot,
        NspPermission.Write => Write,
        NspPermission.ManageAccess => ManageAccess,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    /// <summary>Registers the policies, the handler and the per-request access service. The fallback policy (what an
    /// endpoint without [Authorize]/[AllowAnonymous] gets) is <see cref="Read"/>.</summary>
    public static IServiceCollection AddNspAuthorization(this IServiceCollection services)
    {
        services.AddScoped<CurrentAccess>();
        services.AddScoped<IAuthorizationHandler, NspPermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Read, Permission(NspPermission.Read))
            .AddPolicy(Troubleshoot, Permission(NspPermission.Troubleshoot))
            .AddPolicy(Write, Permission(NspPermission.Write))
            .AddPolicy(ManageAccess, Permission(NspPermission.ManageAccess))
            .SetFallbackPolicy(Permission(NspPermission.Read));
        return services;
    }

    private static AuthorizationPolicy Permission(NspPermission permission) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new NspPermissionRequirement(permission))
        .Build();

    /// <summary>Requires <paramref name="permission"/> at the scope of the request (minimal APIs, route groups).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, NspPermission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(For(permission));
}

/// <summary>Requires a permission at the scope of the request: <c>@attribute [RequirePermission(NspPermission.Write)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(NspPermission permission) : AuthorizeAttribute(NspPolicies.For(permission))
{
    public NspPermission Permission { get; } = permission;
}

/// <summary>The requirement behind each permission policy.</summary>
public sealed record NspPermissionRequirement(NspPermission Permission) : IAuthorizationRequirement;
