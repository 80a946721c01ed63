namespace NspPortal.Web.Arm.Authentication;

internal static class ArmAuthenticationExtensions
{
    /// <summary>The authorization policy of the ARM API: an authenticated caller of the <c>Bearer</c> scheme.</summary>
    public const string ApiPolicy = "ArmApi";

    /// <summary>Registers the <c>Bearer</c> scheme (bootstrap token from <c>NspPortal:Api:BootstrapToken</c>), the API
    /// policy and <see cref="ICallerContext"/>.</summary>
    public static IServiceCollection AddArmAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication()
            .AddScheme<BearerTokenOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, options =>
                options.BootstrapToken = configuration["NspPortal:Api:BootstrapToken"]);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        services.AddScoped<ICallerContext, ClaimsCallerContext>();
        return services;
    }
}
