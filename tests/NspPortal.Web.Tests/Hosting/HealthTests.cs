using System.Net;
using System.Text.Json;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Hosting;

public class HealthTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task LivenessAnswersWithoutSigningIn()
    {
        var response = await portal.Factory.CreateAnonymousClient().GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadinessChecksTheDatabaseAndTheMigrations()
    {
        var response = await portal.Factory.CreateAnonymousClient().GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Reachable; all migrations applied.", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("lifetime").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnInstanceWhoseDatabaseIsNotMigratedIsNotReady()
    {
        await using var factory = await PortalFactory.CreateAsync(seed: false, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["NspPortal:Auth:BootstrapAdmin:Email"] = "",
        });

        await using (var db = factory.CreateDbContext())
        {
            await db.Database.EnsureCreatedAsync(); // the tables, but no migration history: as if migrations were skipped
        }

        var response = await factory.CreateAnonymousClient().GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var database = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.EndsWith("migration(s) not applied.", database.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAnonymousClient().GetAsync("/healthz/live")).StatusCode);
    }
}
