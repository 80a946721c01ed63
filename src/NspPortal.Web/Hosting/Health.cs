using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NspPortal.Data;

namespace NspPortal.Web.Hosting;

/// <summary>Health probes for orchestrators and load balancers, anonymous and rate-limit free:
/// <c>/healthz/live</c> — the process answers (restart it when this fails);
/// <c>/healthz/ready</c> — the database is reachable, every migration is applied, and the instance is not shutting
/// down (send it traffic only when this passes). Answers name the checks and their state, never an exception text
/// (which could carry a host name or a connection detail).</summary>
internal static class Health
{
    public static IServiceCollection AddNspHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<MigrationState>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<NotStoppingCheck>("lifetime", tags: ["ready"]);
        return services;
    }

    public static void MapNspHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>The database answers and has no pending migration. Once every migration this build knows is applied, that
/// stays true for the life of the process (a newer instance can only add migrations this build does not know), so the
/// history table is read until then and only the connection is checked afterwards.</summary>
internal sealed class DatabaseReadyCheck(NspDbContext db, MigrationState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            if (state.Applied)
            {
                return HealthCheckResult.Healthy("Reachable; all migrations applied.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            state.Applied = pending == 0;
            return pending == 0
                ? HealthCheckResult.Healthy("Reachable; all migrations applied.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}

/// <summary>Unhealthy from the moment shutdown starts, so a load balancer stops sending new requests while the ones in
/// flight finish (graceful shutdown: <c>NspPortal:ShutdownTimeoutSeconds</c>).</summary>
internal sealed class NotStoppingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : HealthCheckResult.Healthy("Running."));
}

/// <summary>Whether this process has seen every migration it knows applied (one per host).</summary>
internal sealed class MigrationState
{
    private volatile bool applied;

    public bool Applied
    {
        get => applied;
        set => applied = value;
    }
}
