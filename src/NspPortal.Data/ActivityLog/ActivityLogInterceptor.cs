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
            var type = ResourceIds.TypeOf(entity);
            var resourceId = ResourceIds.Of(entity);
            var group = ResourceIds.GroupOf(entity);
            var deleted = entry.State == EntityState.Deleted;
            db.ActivityLog.Add(new ActivityLogEntry
            {
                EventTimestamp = timestamp,
                CorrelationId = correlationId,
                SubscriptionId = group.SubscriptionId,
                ResourceGroupName = entity is ResourceGroupEntity ? entity.Name : group.Name,
                ResourceId = resourceId,
                ResourceIdKey = resourceId.ToUpperInvariant(),
                ResourceType = type,
                OperationName = $"{type}/{(deleted ? "delete" : "write")}",
                Caller = deleted ? db.Caller.Name : entity.LastModifiedBy,
                CallerType = deleted ? db.Caller.Type : entity.LastModifiedByType,
                Before = entry.State == EntityState.Added ? null : Serialize(db, Original(entry)),
                After = deleted ? null : Serialize(db, entity),
            });
        }
    }

    private static string Serialize(NspDbContext db, ArmEntity entity) =>
        ArmJson.Of(entity, id => db.ChangeTracker.Entries<ProfileEntity>().FirstOrDefault(p => p.Entity.Id == id)?.Entity).ToJsonString(ArmJson.WireOptions);

    /// <summary>The entity as it was loaded: original values, with the current parents so its id can be built.</summary>
    private static ArmEntity Original(EntityEntry<ArmEntity> entry)
    {
        var original = (ArmEntity)entry.OriginalValues.ToObject();
        switch ((original, entry.Entity))
        {
            case (PerimeterEntity o, PerimeterEntity c):
                o.ResourceGroup = c.ResourceGroup;
                break;
            case (ProfileEntity o, ProfileEntity c):
                o.Perimeter = c.Perimeter;
                break;
            case (AccessRuleEntity o, AccessRuleEntity c):
                o.Profile = c.Profile;
                break;
            case (ResourceAssociationEntity o, ResourceAssociationEntity c):
                o.Perimeter = c.Perimeter;
                o.Profile = c.Profile;
                o.PaasResource = c.PaasResource;
                break;
            case (LinkEntity o, LinkEntity c):
                o.Perimeter = c.Perimeter;
                break;
            case (LinkReferenceEntity o, LinkReferenceEntity c):
                o.Perimeter = c.Perimeter;
                break;
            case (LoggingConfigurationEntity o, LoggingConfigurationEntity c):
                o.Perimeter = c.Perimeter;
                break;
            case (PaasResourceEntity o, PaasResourceEntity c):
                o.ResourceGroup = c.ResourceGroup;
                break;
        }

        return original;
    }
}
