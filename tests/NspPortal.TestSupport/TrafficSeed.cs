using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Logs;

namespace NspPortal.TestSupport;

/// <summary>Writes NSP access-log rows straight into <c>TrafficLogs</c> for tests, with the hourly and daily rollups
/// that the importer would maintain (the same counts, so charts and rows agree). Rows name an association of a seeded
/// perimeter by its resource name; derived columns are filled from the category as Azure fills them.</summary>
public sealed class TrafficSeed
{
    private readonly List<TrafficLogEntry> rows = [];
    private readonly PerimeterEntity perimeter;

    private TrafficSeed(PerimeterEntity perimeter) => this.perimeter = perimeter;

    /// <summary>stcontosoorders (Learning, defaultProfile, firewall 198.51.100.0/24, trusted services on): 5 connections from
    /// 198.51.100.7, 2 from 198.51.100.9 and 4 SAS calls from 198.51.100.200 survive on the firewall only; 6 from a trusted
    /// service at 52.1.2.3 survive on the trusted-services exception; 3 from 203.0.113.9 are allowed by allow-corp-network;
    /// 2 outbound calls to api.other.example survive on the fallback. Would be denied: 19 of 22.</summary>
    public static async Task StorageOrdersAsync(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        _ = portal.Services; // starts the host: migrates and seeds the demo tenant
        await using var db = portal.CreateDbContext();
        await ClearAsync(db);
        var seed = await ForAsync(db, "nsp-contoso-prod");
        seed.StorageOrders(DateTime.UtcNow);
        await seed.SaveAsync(db);
    }

    /// <summary>Adds the rows of <see cref="StorageOrdersAsync"/> (times relative to <paramref name="now"/>) without saving them.</summary>
    public TrafficSeed StorageOrders(DateTime now) =>
        Inbound("stcontosoorders", NspLogCategory.NspPublicInboundResourceRulesAllowed, now.AddHours(-30), "198.51.100.7", count: 5)
            .Inbound("stcontosoorders", NspLogCategory.NspPublicInboundResourceRulesAllowed, now.AddHours(-5), "198.51.100.9", count: 2)
            .Inbound("stcontosoorders", NspLogCategory.NspPublicInboundPerimeterRulesAllowed, now.AddHours(-4), "203.0.113.9", count: 3, matchedRule: "allow-corp-network")
            .Outbound("stcontosoorders", NspLogCategory.NspPublicOutboundResourceRulesAllowed, now.AddHours(-3), "api.other.example", count: 2)
            .Inbound("stcontosoorders", NspLogCategory.NspPublicInboundResourceRulesAllowed, now.AddHours(-2), "198.51.100.200", count: 4, parameters: "auth: SAS")
            .Inbound("stcontosoorders", NspLogCategory.NspPublicInboundResourceRulesAllowed, now.AddHours(-1), "52.1.2.3", count: 6, matchedRule: "Trusted services");

    /// <summary>The rows added so far as a Log Analytics CSV export of <c>NSPAccessLogs</c> (what the Logs blade exports).</summary>
    public string ToCsv() => string.Join("\r\n", [Web.Features.Transition.LogsCsv.Header, .. rows.Select(Web.Features.Transition.LogsCsv.Line)]) + "\r\n";

    /// <summary>Deletes every stored log row and rollup (the demo tenant's simulated traffic), so a test counts only its own.</summary>
    public static async Task ClearAsync(NspDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.TrafficRollups.ExecuteDeleteAsync();
        await db.TrafficLogs.ExecuteDeleteAsync();
    }

    /// <summary>The rows added so far.</summary>
    public IReadOnlyList<TrafficLogEntry> Rows => rows;

    /// <summary>Starts a seed for a perimeter of the database (loaded with its associations and their resources).</summary>
    public static async Task<TrafficSeed> ForAsync(NspDbContext db, string perimeterName)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = perimeterName.ToUpperInvariant();
        var perimeter = await db.Perimeters.AsNoTracking().AsSplitQuery()
            .Include(p => p.ResourceGroup)
            .Include(p => p.Profiles)
            .Include(p => p.Associations).ThenInclude(a => a.PaasResource!).ThenInclude(r => r.ResourceGroup)
            .SingleAsync(p => p.NameKey == key);
        return new TrafficSeed(perimeter);
    }

    public Guid PerimeterId => perimeter.Id;

    /// <summary>The association of the resource named <paramref name="resourceName"/>.</summary>
    public ResourceAssociationEntity Association(string resourceName) =>
        perimeter.Associations.Single(a => string.Equals(a.PaasResource!.Name, resourceName, StringComparison.OrdinalIgnoreCase));

    /// <summary>An inbound row to the resource named <paramref name="resourceName"/>.</summary>
    public TrafficSeed Inbound(string resourceName, NspLogCategory category, DateTime time, string? sourceIp = null, int count = 1,
        string? sourceResourceId = null, string? parameters = null, string? matchedRule = null, string? sourceAppId = null)
    {
        var row = Row(resourceName, category, time, count, matchedRule);
        row.SourceIpAddress = sourceIp;
        row.SourceIpKey = SourceAddressKey.Of(sourceIp);
        row.SourceResourceId = sourceResourceId;
        row.SourceParameters = parameters;
        row.SourceAppId = sourceAppId;
        row.SourcePort = "443";
        row.SourceProtocol = "HTTPS:TCP";
        rows.Add(row);
        return this;
    }

    /// <summary>An outbound row from the resource named <paramref name="resourceName"/> to <paramref name="fqdn"/>.</summary>
    public TrafficSeed Outbound(string resourceName, NspLogCategory category, DateTime time, string fqdn, int count = 1, string? matchedRule = null)
    {
        var row = Row(resourceName, category, time, count, matchedRule);
        row.DestinationFqdn = fqdn.ToLowerInvariant();
        row.DestinationPort = "443";
        row.DestinationProtocol = "HTTPS:TCP";
        rows.Add(row);
        return this;
    }

    /// <summary>Stores the rows and adds their counts to the rollups, in one transaction.</summary>
    public async Task SaveAsync(NspDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.TrafficLogs.AddRange(rows);
        var existing = await db.TrafficRollups.Where(r => r.PerimeterId == perimeter.Id).ToListAsync();
        foreach (var granularity in new[] { RollupGranularity.Hour, RollupGranularity.Day })
        {
            foreach (var group in rows.GroupBy(r => (r.AssociationId ?? Guid.Empty, r.Category, TrafficInsights.Truncate(r.TimeGenerated, granularity))))
            {
                var (association, category, bucket) = group.Key;
                var rollup = existing.FirstOrDefault(r => r.AssociationId == association && r.Category == category && r.Granularity == granularity && r.BucketStart == bucket);
                if (rollup is null)
                {
                    rollup = new TrafficRollup { PerimeterId = perimeter.Id, AssociationId = association, Category = category, Granularity = granularity, BucketStart = bucket };
                    existing.Add(rollup);
                    db.TrafficRollups.Add(rollup);
                }

                rollup.Rows += group.Count();
                rollup.Events += group.Sum(r => (long)r.Count);
            }
        }

        await db.SaveChangesAsync();
        rows.Clear();
    }

    private TrafficLogEntry Row(string resourceName, NspLogCategory category, DateTime time, int count, string? matchedRule)
    {
        var association = Association(resourceName);
        var resource = association.PaasResource!;
        var resourceId = ResourceIds.Of(resource);
        var profile = perimeter.Profiles.First(p => p.Id == association.ProfileId);
        return new TrafficLogEntry
        {
            PerimeterId = perimeter.Id,
            AssociationId = association.Id,
            SubscriptionId = resource.ResourceGroup!.SubscriptionId,
            RowHash = RandomNumberGenerator.GetBytes(16),
            TimeGenerated = DateTime.SpecifyKind(time, DateTimeKind.Utc),
            Count = count,
            Category = category,
            PerimeterResourceId = ResourceIds.Of(perimeter).ToUpperInvariant(),
            Location = perimeter.Location,
            OperationName = "GetBlob",
            OperationVersion = "2023-11-03",
            Profile = profile.Name,
            AccessRulesVersion = profile.AccessRulesVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MatchedRule = matchedRule ?? (LogCategories.IsResourceRules(category) ? "IP firewall" : "DefaultDenyAll"),
            RuleType = LogCategories.RuleType(category),
            ResultAction = LogCategories.Action(category),
            ResultDirection = LogCategories.Direction(category),
            TrafficType = LogCategories.TrafficType(category).ToString(),
            ServiceResourceId = resourceId,
            ServiceResourceIdKey = resourceId.ToUpperInvariant(),
        };
    }
}
