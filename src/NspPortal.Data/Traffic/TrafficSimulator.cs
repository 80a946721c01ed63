using NspPortal.Data.Traffic.Import;
using NspPortal.Data.Traffic.Versions;
using NspPortal.Engine.Logs;

namespace NspPortal.Data.Traffic;

/// <summary>Simulated traffic for the stored configuration (<c>nsp simulate</c>, the demo seed): the last
/// <c>days</c> days of <see cref="TrafficSimulation"/> records, stored with their rollups in one transaction.</summary>
public static class TrafficSimulator
{
    /// <summary>Stores the simulated rows ending at <paramref name="end"/> (default: now); returns how many.</summary>
    public static async Task<long> SimulateAsync(NspDbContext db, int days, DateTime? end = null, int seed = 7, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var configuration = await ConfigurationVersions.LiveAsync(db, cancellationToken);
        var now = end ?? DateTime.UtcNow;
        var to = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        return await new TrafficLogImporter(db).AppendAsync(TrafficSimulation.Generate(configuration, to.AddDays(-days), to, seed), cancellationToken: cancellationToken);
    }
}
