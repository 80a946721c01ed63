using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;

namespace NspPortal.Data.ActivityLog;

/// <summary>Writes the activity log (style habit 7: one interceptor, not every handler): for each ARM resource a save
/// creates, deletes or that a caller wrote (its <c>lastModifiedAt</c> changed), one entry with the operation, caller,
/// time, resource id and the resource's ARM JSON before and after — added to the same save, so it commits or rolls
/// back with the change. Side effects that are not a caller's write of that resource (a profile's
/// <c>accessRulesVersion</c> bump) are not entries of their own.</summary>
public sealed class ActivityLogInterceptor : SaveChangesInterceptor
{
    public static ActivityLogInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbContext? context)
    {
        if (context is not NspDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<ArmEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Property(x => x.LastModifiedAt).IsModified))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var correlationId = Guid.NewGuid();
        var timestamp = DateTime.UtcNow;
        foreach (var entry in changed)
        {
            var entity = entry.Entity;
            var deleted = entry.State == EntityState.Deleted;
            // A deleted entity may have lost its parent navigation (EF severs it); its copy gets it back from the key.
            if (!deleted)
            {
                LoadParents(db, entity);
            }

            var subject = deleted ? Original(entry, db) : entity;
            var type = ResourceIds.TypeOf(subject);
            var resourceId = ResourceIds.Of(subject);
            var group = ResourceIds.GroupOf(subject);
            db.ActivityLog.Add(new ActivityLogEntry
            {
                EventTimestamp = timestamp,
                CorrelationId = correlationId,
                SubscriptionId = group.SubscriptionId,
                ResourceGroupName = subject is ResourceGroupEntity ? subject.Name : group.Name,
                ResourceId = resourceId,
                ResourceIdKey = resourceId.ToUpperInvariant(),
                ResourceType = type,
                OperationName = $"{type}/{(deleted ? "delete" : "write")}",
                Caller = deleted ? db.Caller.Name : entity.LastModifiedBy,
                CallerType = deleted ? db.Caller.Type : entity.LastModifiedByType,
                Before = entry.State == EntityState.Added ? null : Serialize(db, deleted ? subject : Original(entry, db)),
                After = deleted ? null : Serialize(db, entity),
            });
        }
    }

    private static string Serialize(NspDbContext db, ArmEntity entity) =>
        ArmJson.Of(entity, id => db.ChangeTracker.Entries<ProfileEntity>().FirstOrDefault(p => p.Entity.Id == id)?.Entity).ToJsonString(ArmJson.WireOptions);

    /// <summary>The entity as it was loaded: original values, with its parents (the current navigation, or the tracked
    /// entity its foreign key names) so its id can be built.</summary>
    private static ArmEntity Original(EntityEntry<ArmEntity> entry, NspDbContext db)
    {
        var original = (ArmEntity)entry.OriginalValues.ToObject();
        switch ((original, entry.Entity))
        {
            case (PerimeterEntity o, PerimeterEntity c):
                o.ResourceGroup = c.ResourceGroup ?? Tracked<ResourceGroupEntity>(db, o.ResourceGroupId);
                break;
            case (ProfileEntity o, ProfileEntity c):
                o.Perimeter = c.Perimeter ?? Tracked<PerimeterEntity>(db, o.PerimeterId);
                break;
            case (AccessRuleEntity o, AccessRuleEntity c):
                o.Profile = c.Profile ?? Tracked<ProfileEntity>(db, o.ProfileId);
                if (o.Profile is { Perimeter: null } severed && db.ChangeTracker.Entries<ArmEntity>().FirstOrDefault(e => ReferenceEquals(e.Entity, severed)) is { } profileEntry)
                {
                    // Deleted together with its profile (a profile delete): the profile lost its perimeter as well.
                    o.Profile = (ProfileEntity)Original(profileEntry, db);
                }

                break;
            case (ResourceAssociationEntity o, ResourceAssociationEntity c):
                o.Perimeter = c.Perimeter ?? Tracked<PerimeterEntity>(db, o.PerimeterId);
                o.Profile = Tracked<ProfileEntity>(db, o.ProfileId) ?? c.Profile;
                o.PaasResource = c.PaasResource ?? Tracked<PaasResourceEntity>(db, o.PaasResourceId);
                break;
            case (LinkEntity o, LinkEntity c):
                o.Perimeter = c.Perimeter ?? Tracked<PerimeterEntity>(db, o.PerimeterId);
                break;
            case (LinkReferenceEntity o, LinkReferenceEntity c):
                o.Perimeter = c.Perimeter ?? Tracked<PerimeterEntity>(db, o.PerimeterId);
                break;
            case (LoggingConfigurationEntity o, LoggingConfigurationEntity c):
                o.Perimeter = c.Perimeter ?? Tracked<PerimeterEntity>(db, o.PerimeterId);
                break;
            case (PaasResourceEntity o, PaasResourceEntity c):
                o.ResourceGroup = c.ResourceGroup ?? Tracked<ResourceGroupEntity>(db, o.ResourceGroupId);
                break;
        }

        return original;
    }

    /// <summary>The tracked entity with this key, else the stored one (loaded, with its own parents).</summary>
    private static T? Tracked<T>(NspDbContext db, Guid id) where T : ArmEntity
    {
        var entity = db.ChangeTracker.Entries<T>().FirstOrDefault(e => e.Entity.Id == id)?.Entity ?? db.Set<T>().Find(id);
        if (entity is not null)
        {
            LoadParents(db, entity);
        }

        return entity;
    }

    /// <summary>Loads the parent chain of an entity whose writer did not (direct writes outside the service layer):
    /// the service layer always has it loaded, so this costs nothing there.</summary>
    private static void LoadParents(NspDbContext db, ArmEntity entity)
    {
        switch (entity)
        {
            case PerimeterEntity x when x.ResourceGroup is null:
                db.Entry(x).Reference(e => e.ResourceGroup).Load();
                break;
            case PaasResourceEntity x when x.ResourceGroup is null:
                db.Entry(x).Reference(e => e.ResourceGroup).Load();
                break;
            case ProfileEntity x:
                Load(db, x, e => e.Perimeter);
                break;
            case AccessRuleEntity x:
                Load(db, x, e => e.Profile);
                break;
            case ResourceAssociationEntity x:
                Load(db, x, e => e.Perimeter);
                Load(db, x, e => e.PaasResource);
                Load(db, x, e => e.Profile);
                break;
            case LinkEntity x:
                Load(db, x, e => e.Perimeter);
                break;
            case LinkReferenceEntity x:
                Load(db, x, e => e.Perimeter);
                break;
            case LoggingConfigurationEntity x:
                Load(db, x, e => e.Perimeter);
                break;
        }
    }

    private static void Load<TEntity, TParent>(NspDbContext db, TEntity entity, System.Linq.Expressions.Expression<Func<TEntity, TParent?>> parent)
        where TEntity : ArmEntity where TParent : ArmEntity
    {
        var reference = db.Entry(entity).Reference(parent);
        if (reference.CurrentValue is null && db.Entry(entity).State != EntityState.Deleted)
        {
            reference.Load();
        }

        if (reference.CurrentValue is { } loaded)
        {
            LoadParents(db, loaded);
        }
    }
}
