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
        services.AddScoped<Traffic.TrafficInsights>();
        services.AddScoped<Traffic.ITrafficInsights>(sp => sp.GetRequiredService<Traffic.TrafficInsights>());
        services.AddScoped<Traffic.TrafficLogSearch>();
        services.AddScoped<TransitionService>();
        services.AddScoped<Traffic.TransitionAnalysis>();
        return services;
    }
}
