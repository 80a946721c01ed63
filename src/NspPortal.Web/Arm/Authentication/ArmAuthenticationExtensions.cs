namespace NspPortal.Web.Arm.Authentication;

internal static class ArmAuthenticationExtensions
{
    /// <summary>Registers <see cref="ICallerContext"/>. Who may call the API is the security layer's business:
    /// the <c>Bearer</c> scheme (bootstrap token and personal access tokens, <c>ApiTokenAuthenticationHandler</c>)
    /// and the permission every operation declares (<c>RequirePermissionByMethod</c> in <see cref="ArmApi.MapArmApi"/>).</summary>
    public static IServiceCollection AddArmAuthentication(this IServiceCollection services)
    {
        services.AddScoped<ICallerContext, ClaimsCallerContext>();
        return services;
    }
}
