using NspPortal.Data.Services;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Arm.Endpoints;
using NspPortal.Web.Hosting;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Arm;

/// <summary>Wires the ARM-compatible API: services, the <c>Bearer</c> scheme, the routes (all behind the API policy
/// and <see cref="ApiVersionFilter"/>), and JSON error bodies for everything under the API paths.</summary>
internal static class ArmApi
{
    public static IServiceCollection AddArmApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNspServices();
        services.AddArmAuthentication();
        return services;
    }

    /// <summary>For API paths: unhandled exceptions become a 500 CloudError, and bodiless 404/405 (no route) become
    /// ARM's <c>InvalidResourceType</c>/<c>NotFound</c> and <c>MethodNotAllowed</c> — never the HTML pages.</summary>
    public static IApplicationBuilder UseArmErrorBodies(this IApplicationBuilder app) =>
        app.UseWhen(context => PortalPaths.IsApi(context.Request.Path), branch =>
        {
            branch.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NspPortal.Arm").LogError(e, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
                    context.Response.Clear();
                    await ArmError.WriteAsync(context, StatusCodes.Status500InternalServerError,
                        new ArmError("InternalServerError", $"The server encountered an internal error. Request id: {context.TraceIdentifier}."));
                }
            });
            branch.UseStatusCodePages(async statusContext =>
            {
                var context = statusContext.HttpContext;
                var status = context.Response.StatusCode;
                await ArmError.WriteAsync(context, status, status switch
                {
                    StatusCodes.Status405MethodNotAllowed => new ArmError("MethodNotAllowed", $"The requested resource does not support http method '{context.Request.Method}'."),
                    StatusCodes.Status404NotFound => NotFound(context),
                    _ => new ArmError(ReasonCode(status), $"The request failed with status {status}."),
                });
            });
        });

    public static void MapArmApi(this IEndpointRouteBuilder app)
    {
        // GET/HEAD need Read, every other method Write, at the subscription in the path (Security/Authorization).
        var api = app.MapGroup("").RequirePermissionByMethod().AddEndpointFilter<ApiVersionFilter>();
        ResourceGroupEndpoints.Map(api);
        PerimeterEndpoints.Map(api);
        ProfileEndpoints.Map(api);
        AccessRuleEndpoints.Map(api);
        AssociationEndpoints.Map(api);
        LinkEndpoints.Map(api);
        LoggingConfigurationEndpoints.Map(api);
        LocationEndpoints.Map(api);
        InventoryEndpoints.Map(api);
        ActivityLogEndpoints.Map(api);
        TemplateEndpoints.Map(api);
        TrafficEndpoints.Map(api);
    }

    /// <summary>ARM's answer for a path no route serves: <c>InvalidResourceType</c> under a provider, <c>NotFound</c> otherwise.</summary>
    private static ArmError NotFound(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var providers = Array.FindLastIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        if (providers >= 0 && providers + 2 < segments.Length)
        {
            var ns = segments[providers + 1];
            var type = string.Join('/', segments.Skip(providers + 2).Where((_, i) => i % 2 == 0));
            return new ArmError("InvalidResourceType",
                $"The resource type '{type}' could not be found in the namespace '{ns}' for api version '{context.Request.Query["api-version"]}'.");
        }

        return new ArmError("NotFound", $"The requested resource path '{context.Request.Path}' was not found.");
    }

    private static string ReasonCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "BadRequest",
        StatusCodes.Status401Unauthorized => "AuthenticationFailed",
        StatusCodes.Status403Forbidden => "AuthorizationFailed",
        StatusCodes.Status413PayloadTooLarge => "RequestTooLarge",
        StatusCodes.Status415UnsupportedMediaType => "UnsupportedMediaType",
        _ => "Error",
    };
}
