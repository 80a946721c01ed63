using Microsoft.EntityFrameworkCore;
using NspPortal.Engine.Json;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Traffic;

/// <summary>The configuration the rule engine evaluates against: every perimeter (intra- and cross-perimeter decisions
/// need the callers' perimeters and links too) and every PaaS resource's network settings, as stored now.</summary>
public static class LiveConfiguration
{
    /// <summary>Loads the whole configuration, untracked.</summary>
    public static async Task<NspConfiguration> LoadAsync(NspDbContext db, CancellationToken cancellationToken = default)
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
            Perimeters = [.. perimeters.OrderBy(p => p.NameKey, StringComparer.Ordinal).Select(Services.EngineMapping.ToPerimeter)],
            PaasResources = [.. resources.Where(r => r.ResourceGroup is not null).Select(Services.EngineMapping.ToPaasResource)],
        };
    }

    /// <summary>The configuration of <paramref name="perimeterId"/> as it was at <paramref name="time"/>: the last recorded
    /// <see cref="PerimeterConfigurationVersion"/> with <c>ValidFrom</c> at or before it, merged into the live configuration of
    /// every other perimeter. Null when no version was recorded that early (the caller then uses the live configuration
    /// and says so).</summary>
    public static async Task<(NspConfiguration Configuration, PerimeterConfigurationVersion Version)?> AtAsync(NspDbContext db, Guid perimeterId,
        DateTime time, NspConfiguration live, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(live);
        var utc = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        var version = await db.PerimeterConfigurationVersions.AsNoTracking()
            .Where(v => v.PerimeterId == perimeterId && v.ValidFrom <= utc)
            .OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var read = SnapshotReader.Read(version.Snapshot);
        if (read.Configuration is not { } then)
        {
            return null;
        }

        var thenIds = then.Perimeters.Select(p => p.Id).ToHashSet();
        var thenResources = then.PaasResources.Select(r => r.Id).ToHashSet();
        var merged = new NspConfiguration
        {
            Perimeters = [.. live.Perimeters.Where(p => !thenIds.Contains(p.Id)), .. then.Perimeters],
            PaasResources = [.. live.PaasResources.Where(r => !thenResources.Contains(r.Id)), .. then.PaasResources],
        };
        return (merged, version);
    }
}
