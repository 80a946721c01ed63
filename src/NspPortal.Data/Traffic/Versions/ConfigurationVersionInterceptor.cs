using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;

namespace NspPortal.Data.Traffic.Versions;

/// <summary>Keeps <c>PerimeterConfigurationVersions</c> (issue 7 §8, the troubleshooter's "configuration in force at
/// that time"): every save that changes what a perimeter decides — the perimeter, its profiles, rules, associations,
/// links, link references, or the network settings of an associated PaaS resource — records the perimeter's new
/// snapshot as the next version, in the save's transaction (one is opened when the caller has none, and committed
/// after the version is written). A save that leaves the snapshot as it was (tags) records nothing.</summary>
public sealed class ConfigurationVersionInterceptor : SaveChangesInterceptor
{
    public static ConfigurationVersionInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Abandon(eventData.Context);
        if (eventData.Context is NspDbContext db && Collect(db) is { } pending)
        {
            if (db.Database.CurrentTransaction is null)
            {
                pending.Owned = db.Database.BeginTransaction();
            }

            db.PendingVersions = pending;
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // An optimistic-concurrency failure does not reach SaveChangesFailed (EF Core reports it through
        // ThrowingConcurrencyException, while the failed batch's reader is still open, too early to roll back). The
        // transaction opened for that attempt is still open then: without this, the service layer's retry saved inside it
        // without owning it, nobody committed, and the retried write answered success while its changes were lost.
        Abandon(eventData.Context);
        if (eventData.Context is NspDbContext db && Collect(db) is { } pending)
        {
            if (db.Database.CurrentTransaction is null)
            {
                pending.Owned = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            db.PendingVersions = pending;
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        RecordAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await RecordAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    private static void Abandon(DbContext? context)
    {
        if (context is NspDbContext { PendingVersions: { } pending } db)
        {
            db.PendingVersions = null;
            pending.Owned?.Rollback();
            pending.Owned?.Dispose();
        }
    }

    /// <summary>The perimeters whose configuration the pending changes touch, with what a deleted one was.</summary>
    private static PendingVersions? Collect(NspDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new PendingVersions(db.Caller.Name);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case PerimeterEntity p:
                    pending.Perimeters.Add(p.Id);
                    if (entry.State == EntityState.Deleted)
                    {
                        var group = p.ResourceGroup ?? db.ResourceGroups.Find(p.ResourceGroupId);
                        pending.Deleted[p.Id] = (p.PerimeterGuid, group is null ? "" : Engine.Model.ArmIds.Perimeter(group.SubscriptionId, group.Name, p.Name));
                    }

                    break;
                case ProfileEntity p:
                    pending.Perimeters.Add(p.PerimeterId);
                    break;
                case AccessRuleEntity r:
                    var profile = db.ChangeTracker.Entries<ProfileEntity>().FirstOrDefault(e => e.Entity.Id == r.ProfileId)?.Entity;
                    pending.Perimeters.Add(profile?.PerimeterId ?? db.Profiles.AsNoTracking().Where(x => x.Id == r.ProfileId).Select(x => x.PerimeterId).FirstOrDefault());
                    break;
                case ResourceAssociationEntity a:
                    pending.Perimeters.Add(a.PerimeterId);
                    break;
                case LinkEntity l:
                    pending.Perimeters.Add(l.PerimeterId);
                    break;
                case LinkReferenceEntity l:
                    pending.Perimeters.Add(l.PerimeterId);
                    break;
                case PaasResourceEntity r when entry.State != EntityState.Added:
                    foreach (var perimeter in db.ResourceAssociations.AsNoTracking().Where(a => a.PaasResourceId == r.Id).Select(a => a.PerimeterId).ToList())
                    {
                        pending.Perimeters.Add(perimeter);
                    }

                    break;
            }
        }

        pending.Perimeters.Remove(Guid.Empty);
        return pending.Perimeters.Count == 0 ? null : pending;
    }

    private static async Task RecordAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not NspDbContext { PendingVersions: { } pending } db)
        {
            return;
        }

        db.PendingVersions = null;
        try
        {
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var now = Services.Writes.Now();
            foreach (var perimeterId in pending.Perimeters.Order())
            {
                var loaded = await ConfigurationSnapshot.LoadAsync(db, perimeterId, cancellationToken);
                if (loaded is { } found)
                {
                    await WriteAsync(transaction, perimeterId, found.Perimeter.PerimeterGuid, ResourceIds.Of(found.Perimeter), found.Json, false, now, pending.RecordedBy, cancellationToken);
                }
                else if (pending.Deleted.TryGetValue(perimeterId, out var gone))
                {
                    await WriteAsync(transaction, perimeterId, gone.Guid, gone.ResourceId, ConfigurationSnapshot.Empty, true, now, pending.RecordedBy, cancellationToken);
                }
            }

            if (pending.Owned is { } owned)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            pending.Owned?.Rollback();
            // A concurrent write of the same perimeter took this version number: the service layer reads and retries.
            throw new DbUpdateException("Recording the perimeter's configuration version failed; nothing was saved.", e);
        }
        finally
        {
            pending.Owned?.Dispose();
        }
    }

    private static async Task WriteAsync(DbTransaction transaction, Guid perimeterId, Guid perimeterGuid, string resourceId, string snapshot, bool deleted,
        DateTime now, string recordedBy, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        int version;
        await using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = """SELECT "Version", "Snapshot" FROM "PerimeterConfigurationVersions" WHERE "PerimeterId" = @id ORDER BY "Version" DESC LIMIT 1""";
            Add(last, "@id", perimeterId);
            await using var reader = await last.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(1) == snapshot)
                {
                    return; // nothing that decides traffic changed
                }

                version = reader.GetInt32(0) + 1;
            }
            else
            {
                version = 1;
            }
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "PerimeterConfigurationVersions" ("PerimeterId", "PerimeterGuid", "PerimeterResourceId", "Version", "ValidFrom", "RecordedBy", "Deleted", "Snapshot")
            VALUES (@id, @guid, @resource, @version, @from, @by, @deleted, @snapshot)
            """;
        Add(insert, "@id", perimeterId);
        Add(insert, "@guid", perimeterGuid);
        Add(insert, "@resource", resourceId);
        Add(insert, "@version", version);
        Add(insert, "@from", now);
        Add(insert, "@by", recordedBy.Length > 256 ? recordedBy[..256] : recordedBy);
        Add(insert, "@deleted", deleted);
        Add(insert, "@snapshot", snapshot);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>What a save in progress will record (<see cref="ConfigurationVersionInterceptor"/>).</summary>
internal sealed class PendingVersions(string recordedBy)
{
    public string RecordedBy { get; } = recordedBy;

    public HashSet<Guid> Perimeters { get; } = [];

    public Dictionary<Guid, (Guid Guid, string ResourceId)> Deleted { get; } = [];

    /// <summary>The transaction opened for the save, committed once the versions are written.</summary>
    public IDbContextTransaction? Owned { get; set; }
}
