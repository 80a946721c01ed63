using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;

namespace NspPortal.TestSupport;

/// <summary>A summary of everything stored: every ARM resource with its ETag (which changes on every write), and the
/// number of activity log entries, operation statuses and subscriptions. Equal fingerprints mean nothing was stored.</summary>
public static class DatabaseFingerprint
{
    public static async Task<string> TakeAsync(NspDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parts = new List<string>();
        await AddAsync(parts, db.ResourceGroups);
        await AddAsync(parts, db.PaasResources);
        await AddAsync(parts, db.Perimeters);
        await AddAsync(parts, db.Profiles);
        await AddAsync(parts, db.AccessRules);
        await AddAsync(parts, db.ResourceAssociations);
        await AddAsync(parts, db.Links);
        await AddAsync(parts, db.LinkReferences);
        await AddAsync(parts, db.LoggingConfigurations);
        parts.Add($"activity:{await db.ActivityLog.CountAsync()}");
        parts.Add($"operations:{await db.OperationStatuses.CountAsync()}");
        parts.Add($"subscriptions:{await db.Subscriptions.CountAsync()}");
        return string.Join('\n', parts);
    }

    private static async Task AddAsync<T>(List<string> parts, IQueryable<T> set) where T : ArmEntity
    {
        var rows = await set.AsNoTracking().Select(e => new { e.Id, e.ETag }).ToListAsync();
        parts.AddRange(rows.Select(r => $"{typeof(T).Name}:{r.Id}:{r.ETag}").Order(StringComparer.Ordinal));
    }
}
