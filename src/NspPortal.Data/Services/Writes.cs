using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Services;

/// <summary>How every write is saved: the operation is applied to freshly read, tracked entities and saved in one
/// <c>SaveChanges</c> (one transaction, activity log included). A concurrent write that changed the same rows first
/// (the ETag concurrency token) or created the same name first makes the save fail; the whole operation is then
/// read and applied again, so <c>If-Match</c> is re-checked against the winner's ETag and answers 412. When writers
/// keep colliding, the answer is ARM's 409 <c>AnotherOperationInProgress</c>, never an exception.</summary>
internal static class Writes
{
    private const int Attempts = 12;

    /// <summary>One write at a time per SQLite database in this process. SQLite takes one writer anyway; without the
    /// gate, concurrent writers meet SQLITE_BUSY, which Microsoft.Data.Sqlite answers by sleeping 150 ms (the 95th
    /// percentile of concurrent PUTs was ten times the median, docs/performance.md), and their reads go stale.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    public static async Task<Result<T>> SaveAsync<T>(NspDbContext db, Caller caller, Func<CancellationToken, Task<Result<T>>> apply, CancellationToken cancellationToken)
    {
        var gate = db.Database.IsSqlite() ? SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
        for (var attempt = 1; ; attempt++)
        {
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
            }

            try
            {
                db.ChangeTracker.Clear();
                var result = await apply(cancellationToken);
                if (!result.Succeeded)
                {
                    db.ChangeTracker.Clear();
                    return result;
                }

                db.Caller = caller;
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Lost a race (concurrency token or unique name): read again and re-apply, after a short random pause.
            }
            catch (DbUpdateException e)
            {
                db.ChangeTracker.Clear();
                return new ServiceError(ServiceErrorKind.Conflict, "AnotherOperationInProgress",
                    $"Another operation on this or a dependent resource is in progress; retry the request. ({e.GetType().Name})");
            }
            finally
            {
                db.Caller = Caller.System;
                gate?.Release();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), cancellationToken);
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
