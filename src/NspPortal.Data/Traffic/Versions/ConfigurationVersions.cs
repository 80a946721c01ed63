using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Services;
using NspPortal.Engine.Json;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Traffic.Versions;

/// <summary>A configuration as it was in force at some time, ready for the engine (<c>DecisionIndex.Build</c>).</summary>
/// <param name="Configuration">The engine configuration; <see cref="NspConfiguration.Empty"/> when nothing was recorded.</param>
/// <param name="Versions">The versions it is made of (one per perimeter), oldest perimeter first.</param>
public sealed record ConfigurationInForce(NspConfiguration Configuration, IReadOnlyList<PerimeterConfigurationVersion> Versions)
{
    /// <summary>True when no version was in force at that time (before the first one was recorded).</summary>
    public bool IsEmpty => Versions.Count == 0;
}

/// <summary>"The configuration in force at time T" (issue 7 §8), from <c>PerimeterConfigurationVersions</c>, and the live
/// configuration for the decision point.</summary>
public static class ConfigurationVersions
{
    /// <summary>One perimeter's version in force at <paramref name="time"/> (the last one with <c>ValidFrom</c> ≤ time);
    /// empty when none was, or when the perimeter was deleted by then.</summary>
    public static async Task<ConfigurationInForce> InForceAsync(NspDbContext db, Guid perimeterId, DateTime time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.PerimeterConfigurationVersions.AsNoTracking()
            .Where(v => v.PerimeterId == perimeterId && v.ValidFrom <= time)
            .OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return Compose(version is null || version.Deleted ? [] : [version]);
    }

    /// <summary>The same, for the perimeter a log row names by its <c>perimeterGuid</c>.</summary>
    public static async Task<ConfigurationInForce> InForceByGuidAsync(NspDbContext db, Guid perimeterGuid, DateTime time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var perimeterId = await db.PerimeterConfigurationVersions.AsNoTracking()
            .Where(v => v.PerimeterGuid == perimeterGuid && v.ValidFrom <= time)
            .OrderByDescending(v => v.ValidFrom).Select(v => (Guid?)v.PerimeterId).FirstOrDefaultAsync(cancellationToken);
        return perimeterId is { } id ? await InForceAsync(db, id, time, cancellationToken) : Compose([]);
    }

    /// <summary>Every perimeter's version in force at <paramref name="time"/>, as one configuration — what links and
    /// cross-perimeter traffic are decided against.</summary>
    public static async Task<ConfigurationInForce> TenantInForceAsync(NspDbContext db, DateTime time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await db.PerimeterConfigurationVersions.AsNoTracking()
            .Where(v => v.ValidFrom <= time)
            .Select(v => new { v.Id, v.PerimeterId, v.Version })
            .ToListAsync(cancellationToken);
        var ids = candidates.GroupBy(v => v.PerimeterId).Select(g => g.MaxBy(v => v.Version)!.Id).ToList();
        var chosen = await db.PerimeterConfigurationVersions.AsNoTracking()
            .Where(v => ids.Contains(v.Id) && !v.Deleted)
            .ToListAsync(cancellationToken);
        return Compose([.. chosen.OrderBy(v => v.PerimeterResourceId, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The configuration stored now (every perimeter and the PaaS resources they hold), straight from the
    /// tables: what the live decision point evaluates against.</summary>
    public static async Task<NspConfiguration> LiveAsync(NspDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var perimeters = await db.Perimeters.AsNoTracking().AsSplitQuery()
            .Include(p => p.ResourceGroup)
            .Include(p => p.Profiles).ThenInclude(p => p.AccessRules)
            .Include(p => p.Associations).ThenInclude(a => a.PaasResource!).ThenInclude(r => r.ResourceGroup)
            .Include(p => p.Links)
            .Include(p => p.LinkReferences)
            .ToListAsync(cancellationToken);
        var resources = await db.PaasResources.AsNoTracking().Include(r => r.ResourceGroup).ToListAsync(cancellationToken);
        return new NspConfiguration
        {
            Perimeters = [.. perimeters.Select(EngineMapping.ToPerimeter)],
            PaasResources = [.. resources.Select(EngineMapping.ToPaasResource)],
        };
    }

    /// <summary>Records a first version for every perimeter that has none (databases from before versions were kept).</summary>
    public static async Task<int> RecordMissingAsync(NspDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = await db.Perimeters.AsNoTracking()
            .Where(p => !db.PerimeterConfigurationVersions.Any(v => v.PerimeterId == p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in missing)
        {
            if (await ConfigurationSnapshot.LoadAsync(db, id, cancellationToken) is { } found)
            {
                db.PerimeterConfigurationVersions.Add(new PerimeterConfigurationVersion
                {
                    PerimeterId = id,
                    PerimeterGuid = found.Perimeter.PerimeterGuid,
                    PerimeterResourceId = Representation.ResourceIds.Of(found.Perimeter),
                    Version = 1,
                    ValidFrom = found.Perimeter.LastModifiedAt == default ? Writes.Now() : DateTime.SpecifyKind(found.Perimeter.LastModifiedAt, DateTimeKind.Utc),
                    RecordedBy = Caller.System.Name,
                    Snapshot = found.Json,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return missing.Count;
    }

    private static ConfigurationInForce Compose(IReadOnlyList<PerimeterConfigurationVersion> versions)
    {
        if (versions.Count == 0)
        {
            return new ConfigurationInForce(NspConfiguration.Empty, versions);
        }

        var resources = new JsonArray();
        var paas = new JsonArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var version in versions)
        {
            var snapshot = JsonNode.Parse(version.Snapshot)!.AsObject();
            foreach (var resource in snapshot["resources"]!.AsArray().ToList())
            {
                resources.Add(resource!.DeepClone());
            }

            foreach (var resource in snapshot["paasResources"]!.AsArray().ToList())
            {
                if (seen.Add(resource!["id"]!.GetValue<string>()))
                {
                    paas.Add(resource.DeepClone());
                }
            }
        }

        var read = SnapshotReader.Read(new JsonObject { ["resources"] = resources, ["paasResources"] = paas }.ToJsonString());
        // Each version was valid when written; a combination that is not (e.g. a link to a perimeter changed since)
        // answers the empty configuration, which the caller shows as "no configuration recorded".
        return new ConfigurationInForce(read.Configuration ?? NspConfiguration.Empty, versions);
    }
}
