using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests;

public class DemoTenantTests
{
    [Fact]
    public async Task SeedsTheDemoTenantIntoAnEmptyDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            Assert.True(await DemoTenant.SeedAsync(db));
        }

        await using var check = database.CreateContext();
        Assert.Equal(2, await check.Subscriptions.CountAsync());
        Assert.Equal(3, await check.ResourceGroups.CountAsync());
        Assert.Equal(12, await check.PaasResources.CountAsync());
        Assert.Equal(2, await check.Perimeters.CountAsync());
        var modes = await check.ResourceAssociations.Select(a => a.AccessMode).Distinct().ToListAsync();
        Assert.Contains(AccessMode.Learning, modes);
        Assert.Contains(AccessMode.Enforced, modes);
        var directions = await check.AccessRules.Select(r => r.Direction).Distinct().ToListAsync();
        Assert.Equal(2, directions.Count);
        var types = await check.PaasResources.Select(r => r.ResourceType).ToListAsync();
        Assert.All(types, t => Assert.NotNull(AssociableResourceTypes.Find(t)));
        Assert.Contains(await check.PaasResources.ToListAsync(), r => r.FirewallIpRules.Count > 0);

        // Two weeks of simulated traffic: a few thousand rows, would-be-denied ones among them, rollups that add up.
        var rows = await check.TrafficLogs.CountAsync();
        Assert.InRange(rows, 1000, 10_000);
        Assert.True(await check.TrafficLogs.AnyAsync(r => r.Category == Engine.Evaluation.NspLogCategory.NspPublicInboundResourceRulesAllowed && r.AssociationId != null));
        Assert.True(await check.TrafficLogs.AnyAsync(r => r.Category == Engine.Evaluation.NspLogCategory.NspPublicInboundPerimeterRulesAllowed));
        Assert.True(await check.TrafficLogs.AnyAsync(r => r.Category == Engine.Evaluation.NspLogCategory.NspPublicInboundPerimeterRulesDenied));
        Assert.True(await check.TrafficLogs.AnyAsync(r => r.ResultDirection == "Outbound"));
        Assert.Equal(rows, await check.TrafficRollups.Where(r => r.Granularity == Data.Traffic.RollupGranularity.Day).SumAsync(r => r.Rows));
        Assert.InRange((await check.TrafficLogs.MaxAsync(r => r.TimeGenerated)) - (await check.TrafficLogs.MinAsync(r => r.TimeGenerated)), TimeSpan.FromDays(13), TimeSpan.FromDays(14));
    }

    [Fact]
    public async Task SeedsOnlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await DemoTenant.SeedAsync(db);
        }

        await using var again = database.CreateContext();
        Assert.False(await DemoTenant.SeedAsync(again));
        Assert.Equal(2, await again.Perimeters.CountAsync());
    }

    [Fact]
    public async Task RoundTripsListsTagsAndEnumsThroughTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await DemoTenant.SeedAsync(db);
        }

        await using var check = database.CreateContext();
        var rule = await check.AccessRules.SingleAsync(r => r.NameKey == "ALLOW-CORP-NETWORK");
        Assert.Equal(["203.0.113.0/24", "2001:db8:1000::/48"], rule.AddressPrefixes);
        Assert.Equal(AccessRuleDirection.Inbound, rule.Direction);
        var perimeter = await check.Perimeters.SingleAsync(p => p.NameKey == "NSP-CONTOSO-PROD");
        Assert.Equal("network-security", perimeter.Tags["owner"]);
        var cosmos = await check.PaasResources.SingleAsync(r => r.NameKey == "COSMOS-CONTOSO-CATALOG");
        Assert.Equal(PublicNetworkAccess.SecuredByPerimeter, cosmos.PublicNetworkAccess);
    }
}
