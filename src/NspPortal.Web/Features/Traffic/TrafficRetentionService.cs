using NspPortal.Data;
using NspPortal.Data.Traffic;

namespace NspPortal.Web.Features.Traffic;

/// <summary>Prunes traffic logs older than the retention (<see cref="TrafficRetention"/>) a minute after start and then
/// every hour. With several instances each prunes; the deletes are idempotent.</summary>
internal sealed class TrafficRetentionService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<TrafficRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (TrafficRetention.FromConfiguration(configuration) is not { } retention)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
                    var deleted = await TrafficRetention.PruneAsync(db, TrafficRetention.Cutoff(time.GetUtcNow().UtcDateTime, retention), stoppingToken);
                    if (deleted > 0)
                    {
                        logger.LogInformation("Pruned {Rows} traffic-log rows older than {Days} days", deleted, retention.TotalDays);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Pruning traffic logs failed; retrying in an hour");
                }

                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}

/// <summary>Registers the traffic-log pieces of the portal.</summary>
public static class TrafficServices
{
    public static IServiceCollection AddNspTraffic(this IServiceCollection services)
    {
        services.AddSingleton<TrafficImportJobs>();
        services.AddHostedService<TrafficRetentionService>();
        return services;
    }
}
