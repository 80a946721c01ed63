using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Services;

/// <summary>How every write is saved: the operation is applied to freshly read, tracked entities and saved in one
/// <c>SaveChanges</c> (one transaction, activity log included). A concurrent write that changed the same rows first
/// (the ETag concurrency token) or created the same name first makes the save fail; the whole operation is then
/// read and applied again, so <c>If-Match</c> is re-checked against the winner's ETag and answers 412.</summary>
internal static class Writes
{
    private const int Attempts = 4;

    /// <summary>One writer at a time per SQLite database in this process. SQLite takes one writer anyway; without the
    /// gate, concurrent writers meet SQLITE_BUSY and Microsoft.Data.Sqlite retries after sleeping 150 ms, which made the
    /// 95th percentile of concurrent PUTs ten times the median (docs/performance.md).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    public static async Task<Result<T>> SaveAsync<T>(NspDbContext db, Caller caller, Func<CancellationToken, Task<Result<T>>> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var result = await apply(cancellationToken);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            db.Caller = caller;
            var gate = db.Database.IsSqlite() ? SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
            try
            {
                if (gate is not null)
                {
                    await gate.WaitAsync(cancellationToken);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    gate?.Release();
                }

                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Lost a race (concurrency token or unique name): read again and re-apply.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
            finally
            {
                db.Caller = Caller.System;
            }
        }
    }

    /// <summary>Records a create: systemData for both created and last modified, a new ETag.</summary>
    public static void StampCreated(ArmEntity entity, Caller caller, DateTime now)
    {
        entity.CreatedAt = now;
        entity.CreatedBy = caller.Name;
        entity.CreatedByType = caller.Type;
        StampModified(entity, caller, now);
    }

    /// <summary>Records a caller's write: systemData's last-modified fields and a new ETag. The activity log records
    /// an updated resource only when its last-modified time changed, i.e. when a caller wrote it.</summary>
    public static void StampModified(ArmEntity entity, Caller caller, DateTime now)
    {
        entity.LastModifiedAt = now;
        entity.LastModifiedBy = caller.Name;
        entity.LastModifiedByType = caller.Type;
        entity.ETag = ArmEntity.NewETag();
    }

    /// <summary>The time stamped on a write, in UTC, to the microsecond (what PostgreSQL keeps).</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
