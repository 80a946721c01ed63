using NspPortal.Data;
using NspPortal.Data.Seeding;
using NspPortal.Web.Security.Authentication;

namespace NspPortal.Web.Hosting;

/// <summary>Prepares the database before the portal serves its first request: applies migrations
/// (<c>Database:MigrateOnStartup</c>, default true) and seeds the demo tenant once into an empty database
/// (<c>Database:SeedDemoData</c>, default true), then creates the bootstrap Owner when one is configured and no account
/// exists yet (<c>NspPortal:Auth:BootstrapAdmin</c>).</summary>
internal static class DatabaseStartup
{
    public static async Task InitializeAsync(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NspPortal.Database");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();

        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await NspDatabase.MigrateAsync(db, settings, app.Lifetime.ApplicationStopping);
        }

        // Perimeters saved before configuration versions were kept get their first one (the troubleshooter needs it).
        await Data.Traffic.Versions.ConfigurationVersions.RecordMissingAsync(db, app.Lifetime.ApplicationStopping);

        if (app.Configuration.GetValue("Database:SeedDemoData", true) &&
            await DemoTenant.SeedAsync(db, app.Lifetime.ApplicationStopping))
        {
            logger.LogInformation("Seeded the demo tenant (2 subscriptions, 3 resource groups, 12 PaaS resources, 2 perimeters).");
        }

        await BootstrapAdmin.EnsureAsync(app.Services, app.Configuration, logger, app.Lifetime.ApplicationStopping);
    }
}
