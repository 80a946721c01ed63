using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.Data.Services;
using NspPortal.Data.Traffic.Versions;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Traffic;

/// <summary>Every write that changes what a perimeter decides records a configuration version in its transaction, and
/// "the configuration in force at T" answers what the engine decided against then.</summary>
public class ConfigurationVersionTests : IAsyncLifetime
{
    private static readonly Caller Alice = new("alice@contoso.com", "User");
    private static readonly PerimeterPath Prod = new(DemoTenant.Production, "rg-prod-network", "nsp-contoso-prod");
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db, withTraffic: false);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Guid> ProdIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.Perimeters.Where(p => p.NameKey == "NSP-CONTOSO-PROD").Select(p => p.Id).SingleAsync();
    }

    private static EvaluationRequest FromPartner() => new(AccessRuleDirection.Inbound, ArmResourceId.Parse(TrafficSamples.StOrders))
    {
        Source = new RequestSource { IpAddress = IpAddressKey.Parse("192.0.2.77") },
    };

    [Fact]
    public async Task TheSeedRecordsAFirstVersionOfEachPerimeterThatTheSnapshotReaderAccepts()
    {
        await using var db = database.CreateContext();
        var versions = await db.PerimeterConfigurationVersions.OrderBy(v => v.PerimeterResourceId).ToListAsync();

        Assert.Equal(["nsp-contoso-dev", "nsp-contoso-prod"], versions.Select(v => v.PerimeterResourceId.Split('/')[^1]));
        Assert.All(versions, v => Assert.Equal((1, false, "system"), (v.Version, v.Deleted, v.RecordedBy)));
        var read = Engine.Json.SnapshotReader.Read(versions[1].Snapshot);
        Assert.True(read.Validation.IsValid, string.Join("; ", read.Validation.Errors.Select(e => e.Message)));
        var perimeter = Assert.Single(read.Configuration!.Perimeters);
        Assert.Equal(["defaultProfile", "monitoring"], perimeter.Profiles.Select(p => p.Name));
        Assert.Equal(6, perimeter.Associations.Length);
        Assert.Equal(6, read.Configuration.PaasResources.Length);
    }

    [Fact]
    public async Task ARuleAddedLaterIsNotInForceBeforeItAndDecidesAfterIt()
    {
        var prodId = await ProdIdAsync();
        var before = DateTime.UtcNow;
        await Task.Delay(20);
        await using (var db = database.CreateContext())
        {
            var put = await new AccessRuleService(db).CreateOrUpdateAsync(Prod, "defaultProfile",
                new AccessRuleInput { Name = "allow-partner", Direction = "Inbound", AddressPrefixes = ["192.0.2.0/24"] }, Alice);
            Assert.True(put.Succeeded, put.Error?.Message);
        }

        await Task.Delay(20);
        var after = DateTime.UtcNow;
        await using var read = database.CreateContext();
        var version = await read.PerimeterConfigurationVersions.Where(v => v.PerimeterId == prodId).OrderByDescending(v => v.Version).FirstAsync();
        Assert.Equal((2, "alice@contoso.com"), (version.Version, version.RecordedBy));
        Assert.InRange(version.ValidFrom, before, after);

        var then = await ConfigurationVersions.InForceAsync(read, prodId, before);
        var now = await ConfigurationVersions.InForceAsync(read, prodId, after);
        Assert.Equal(1, Assert.Single(then.Versions).Version);
        Assert.Equal(2, Assert.Single(now.Versions).Version);
        Assert.False(DecisionIndex.Build(then.Configuration).Explain(FromPartner()).Decision.Category == NspLogCategory.NspPublicInboundPerimeterRulesAllowed);
        var decided = DecisionIndex.Build(now.Configuration).Explain(FromPartner()).Decision;
        Assert.Equal((NspLogCategory.NspPublicInboundPerimeterRulesAllowed, "allow-partner"), (decided.Category, decided.MatchedRule));
        // The tenant-wide view holds both perimeters; before the seed there was nothing.
        Assert.Equal(2, (await ConfigurationVersions.TenantInForceAsync(read, after)).Configuration.Perimeters.Length);
        Assert.True((await ConfigurationVersions.TenantInForceAsync(read, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc))).IsEmpty);
        var live = DecisionIndex.Build(await ConfigurationVersions.LiveAsync(read)).Explain(FromPartner()).Decision;
        Assert.Equal(decided, live);
    }

    [Fact]
    public async Task TagsDoNotMakeAVersionButAFirewallChangeOfAnAssociatedResourceDoes()
    {
        var prodId = await ProdIdAsync();
        await using (var db = database.CreateContext())
        {
            Assert.True((await new PerimeterService(db).UpdateTagsAsync(Prod, new Dictionary<string, string> { ["owner"] = "someone" }, Alice)).Succeeded);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.PerimeterConfigurationVersions.CountAsync(v => v.PerimeterId == prodId));
            var result = await new InventoryService(db).CreateOrUpdateAsync(DemoTenant.Production, "rg-prod-data", "Microsoft.Storage/storageAccounts", "stcontosoorders",
                new PaasResourceInput("eastus2", null, null, "Enabled", [("192.0.2.0/24", "properties.networkAcls.ipRules[0].value")], true), Alice);
            Assert.True(result.Succeeded, result.Error?.Message);
        }

        await using var read = database.CreateContext();
        var last = await read.PerimeterConfigurationVersions.Where(v => v.PerimeterId == prodId).OrderByDescending(v => v.Version).FirstAsync();
        Assert.Equal(2, last.Version);
        Assert.Contains("192.0.2.0/24", last.Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAPerimeterRecordsAnEmptyDeletedVersionAndNothingIsInForceAfterIt()
    {
        var prodId = await ProdIdAsync();
        await using (var db = database.CreateContext())
        {
            var deleted = await new PerimeterService(db).DeleteAsync(Prod, force: true, Alice);
            Assert.True(deleted.Succeeded, deleted.Error?.Message);
        }

        await using var read = database.CreateContext();
        var last = await read.PerimeterConfigurationVersions.Where(v => v.PerimeterId == prodId).OrderByDescending(v => v.Version).FirstAsync();
        Assert.True(last.Deleted);
        Assert.Equal(ConfigurationSnapshot.Empty, last.Snapshot);
        Assert.EndsWith("/networkSecurityPerimeters/nsp-contoso-prod", last.PerimeterResourceId, StringComparison.Ordinal);
        Assert.True((await ConfigurationVersions.InForceAsync(read, prodId, DateTime.UtcNow.AddSeconds(1))).IsEmpty);
        Assert.False((await ConfigurationVersions.InForceAsync(read, prodId, last.ValidFrom.AddTicks(-10))).IsEmpty);
        Assert.Single((await ConfigurationVersions.TenantInForceAsync(read, DateTime.UtcNow.AddSeconds(1))).Configuration.Perimeters);
    }

    [Fact]
    public async Task PerimetersWithoutVersionsGetAFirstOne()
    {
        await using var db = database.CreateContext();
        await db.PerimeterConfigurationVersions.ExecuteDeleteAsync();

        Assert.Equal(2, await ConfigurationVersions.RecordMissingAsync(db));
        Assert.Equal(0, await ConfigurationVersions.RecordMissingAsync(db));
        Assert.Equal(2, await db.PerimeterConfigurationVersions.CountAsync(v => v.Version == 1));
    }
}
