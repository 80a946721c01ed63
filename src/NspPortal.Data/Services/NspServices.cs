using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NspPortal.Data.ActivityLog;

namespace NspPortal.Data.Services;

/// <summary>Registers the service layer (scoped, one per request, on the request's <see cref="NspDbContext"/>).</summary>
public static class NspServices
{
    public static IServiceCollection AddNspServices(this IServiceCollection services)
    {
        services.AddScoped<ResourceGroupService>();
        services.AddScoped<InventoryService>();
        services.AddScoped<PerimeterService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<AccessRuleService>();
        services.AddScoped<AssociationService>();
        services.AddScoped<LinkService>();
        services.AddScoped<LoggingConfigurationService>();
        services.AddScoped<OperationStatusService>();
        services.AddScoped<ActivityLogService>();
        services.AddScoped<TemplateService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Traffic.ITrafficInsights, Traffic.NoTrafficLogged>();
        return services;
    }
}
