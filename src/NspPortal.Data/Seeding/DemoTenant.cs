using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Seeding;

/// <summary>Seeds the demo tenant once, on an empty database: two subscriptions, three resource groups,
/// twelve PaaS resources and two perimeters with profiles, rules and associations in Learning and Enforced.</summary>
public static class DemoTenant
{
    public static readonly Guid TenantId = Guid.Parse("72f988bf-86f1-41af-91ab-2d7cd011db47");
    public static readonly Guid Production = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");
    public static readonly Guid Development = Guid.Parse("3c9d7e21-4f5a-4e8b-a1c2-d3e4f5a6b7c8");

    /// <summary>Adds the demo tenant when the database holds no subscription yet.</summary>
    /// <returns>True when it seeded, false when the database already had data.</returns>
    public static Task<bool> SeedAsync(NspDbContext db, CancellationToken cancellationToken = default) => SeedAsync(db, withTraffic: true, cancellationToken);

    /// <summary>Seeds the demo tenant into an empty database, with (default) or without two weeks of simulated traffic.</summary>
    public static async Task<bool> SeedAsync(NspDbContext db, bool withTraffic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Subscriptions.AnyAsync(cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Build(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // Two weeks of traffic, so a fresh install's transition view has something to show (a few thousand rows).
        if (withTraffic)
        {
            await Traffic.TrafficSimulator.SimulateAsync(db, days: 14, cancellationToken: cancellationToken);
        }

        return true;
    }

    private static void Build(NspDbContext db)
    {
        var prod = new SubscriptionEntity { Id = Production, DisplayName = "Contoso Production", TenantId = TenantId };
        var dev = new SubscriptionEntity { Id = Development, DisplayName = "Contoso Development", TenantId = TenantId };
        db.Subscriptions.AddRange(prod, dev);

        var prodData = Group(prod, "rg-prod-data", "eastus2", ("environment", "production"), ("costCenter", "CC-1042"));
        var prodNetwork = Group(prod, "rg-prod-network", "eastus2", ("environment", "production"));
        var devApps = Group(dev, "rg-dev-apps", "westeurope", ("environment", "development"));
        db.ResourceGroups.AddRange(prodData, prodNetwork, devApps);

        var sqlOrders = Resource(prodData, "Microsoft.Sql/servers", "sql-contoso-orders", PublicNetworkAccess.Enabled, trusted: true, "203.0.113.0/24", "198.51.100.10/32");
        var stOrders = Resource(prodData, "Microsoft.Storage/storageAccounts", "stcontosoorders", PublicNetworkAccess.Enabled, trusted: true, "198.51.100.0/24");
        var stAudit = Resource(prodData, "Microsoft.Storage/storageAccounts", "stcontosoaudit", PublicNetworkAccess.Disabled, trusted: true);
        var kvProd = Resource(prodData, "Microsoft.KeyVault/vaults", "kv-contoso-prod", PublicNetworkAccess.Disabled, trusted: true);
        var cosmos = Resource(prodData, "Microsoft.DocumentDB/databaseAccounts", "cosmos-contoso-catalog", PublicNetworkAccess.SecuredByPerimeter, trusted: false);
        var eventHubs = Resource(prodData, "Microsoft.EventHub/namespaces", "evhns-contoso-telemetry", PublicNetworkAccess.Enabled, trusted: true, "203.0.113.64/26");
        var search = Resource(prodData, "Microsoft.Search/searchServices", "srch-contoso-catalog", PublicNetworkAccess.Enabled, trusted: false, "203.0.113.0/24");
        var workspace = Resource(prodNetwork, "Microsoft.OperationalInsights/workspaces", "log-contoso-prod", PublicNetworkAccess.Enabled, trusted: false);
        var sqlDev = Resource(devApps, "Microsoft.Sql/servers", "sql-contoso-dev", PublicNetworkAccess.Enabled, trusted: true, "192.0.2.0/24");
        var stDev = Resource(devApps, "Microsoft.Storage/storageAccounts", "stcontosodev", PublicNetworkAccess.Enabled, trusted: true, "192.0.2.0/24", "2001:db8:2000::/48");
        var kvDev = Resource(devApps, "Microsoft.KeyVault/vaults", "kv-contoso-dev", PublicNetworkAccess.Enabled, trusted: true);
        var openAi = Resource(devApps, "Microsoft.CognitiveServices/accounts", "oai-contoso-dev", PublicNetworkAccess.Enabled, trusted: false);
        openAi.Kind = "OpenAI";
        db.PaasResources.AddRange(sqlOrders, stOrders, stAudit, kvProd, cosmos, eventHubs, search, workspace, sqlDev, stDev, kvDev, openAi);

        var prodNsp = new PerimeterEntity
        {
            Name = "nsp-contoso-prod",
            ResourceGroup = prodNetwork,
            Location = "eastus2",
            PerimeterGuid = Guid.Parse("4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b"),
            Tags = new() { ["environment"] = "production", ["owner"] = "network-security" },
        };
        var prodDefault = Profile(prodNsp, "defaultProfile", accessRulesVersion: 3);
        Rule(prodDefault, "allow-corp-network", AccessRuleDirection.Inbound, r => r.AddressPrefixes = ["203.0.113.0/24", "2001:db8:1000::/48"]);
        Rule(prodDefault, "allow-prod-subscription", AccessRuleDirection.Inbound, r => r.Subscriptions = [ArmIds.Subscription(Production)]);
        Rule(prodDefault, "allow-partner-api", AccessRuleDirection.Outbound, r => r.FullyQualifiedDomainNames = ["api.partner.contoso.com", "login.partner.contoso.com"]);
        var prodMonitoring = Profile(prodNsp, "monitoring", accessRulesVersion: 1);
        Rule(prodMonitoring, "allow-monitoring-agents", AccessRuleDirection.Inbound, r => r.AddressPrefixes = ["198.51.100.32/27"]);
        Associate(prodNsp, prodDefault, sqlOrders, AccessMode.Enforced);
        Associate(prodNsp, prodDefault, stOrders, AccessMode.Learning);
        Associate(prodNsp, prodDefault, kvProd, AccessMode.Enforced);
        Associate(prodNsp, prodDefault, cosmos, AccessMode.Learning);
        Associate(prodNsp, prodDefault, eventHubs, AccessMode.Learning);
        Associate(prodNsp, prodMonitoring, workspace, AccessMode.Learning);
        prodNsp.LoggingConfiguration = new LoggingConfigurationEntity
        {
            EnabledLogCategories = ["NspPublicInboundPerimeterRulesDenied", "NspPublicOutboundPerimeterRulesDenied", "NspPublicInboundResourceRulesAllowed"],
            DestinationDescription = "Log Analytics workspace log-contoso-prod",
        };

        var devNsp = new PerimeterEntity
        {
            Name = "nsp-contoso-dev",
            ResourceGroup = devApps,
            Location = "westeurope",
            PerimeterGuid = Guid.Parse("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4"),
            Tags = new() { ["environment"] = "development" },
        };
        var devDefault = Profile(devNsp, "defaultProfile", accessRulesVersion: 2);
        Rule(devDefault, "allow-dev-office", AccessRuleDirection.Inbound, r => r.AddressPrefixes = ["192.0.2.0/24"]);
        Rule(devDefault, "allow-openai-endpoint", AccessRuleDirection.Outbound, r => r.FullyQualifiedDomainNames = ["contoso-dev.openai.azure.com"]);
        Associate(devNsp, devDefault, stDev, AccessMode.Learning);
        Associate(devNsp, devDefault, kvDev, AccessMode.Learning);
        Associate(devNsp, devDefault, openAi, AccessMode.Enforced);

        db.Perimeters.AddRange(prodNsp, devNsp);
    }

    private static ResourceGroupEntity Group(SubscriptionEntity subscription, string name, string location, params (string Key, string Value)[] tags) => new()
    {
        Name = name,
        Subscription = subscription,
        SubscriptionId = subscription.Id,
        Location = location,
        Tags = tags.ToDictionary(t => t.Key, t => t.Value),
    };

    private static PaasResourceEntity Resource(ResourceGroupEntity group, string type, string name, PublicNetworkAccess access, bool trusted, params string[] ipRules) => new()
    {
        Name = name,
        ResourceGroup = group,
        ResourceType = type,
        ResourceIdKey = ArmIds.Resource(group.SubscriptionId, group.Name, type, name).ToUpperInvariant(),
        Location = group.Location,
        PublicNetworkAccess = access,
        AllowTrustedServices = trusted,
        FirewallIpRules = [.. ipRules],
        Tags = new(group.Tags),
    };

    private static ProfileEntity Profile(PerimeterEntity perimeter, string name, long accessRulesVersion)
    {
        var profile = new ProfileEntity { Name = name, Perimeter = perimeter, AccessRulesVersion = accessRulesVersion };
        perimeter.Profiles.Add(profile);
        return profile;
    }

    private static void Rule(ProfileEntity profile, string name, AccessRuleDirection direction, Action<AccessRuleEntity> values)
    {
        var rule = new AccessRuleEntity { Name = name, Profile = profile, Direction = direction };
        values(rule);
        profile.AccessRules.Add(rule);
    }

    private static void Associate(PerimeterEntity perimeter, ProfileEntity profile, PaasResourceEntity resource, AccessMode mode) =>
        perimeter.Associations.Add(new ResourceAssociationEntity
        {
            Name = $"{resource.Name}-{perimeter.PerimeterGuid}",
            Perimeter = perimeter,
            Profile = profile,
            PaasResource = resource,
            AccessMode = mode,
        });
}
