using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;

namespace NspPortal.Data.Services;

/// <summary>Finds resources by their ARM path, answering ARM's not-found errors in ARM's order: subscription, then
/// resource group, then the resource. Names compare through the upper-invariant <c>NameKey</c> columns.</summary>
internal sealed class Lookup(NspDbContext db)
{
    public async Task<Result<ResourceGroupEntity>> GroupAsync(Guid subscriptionId, string resourceGroup, CancellationToken cancellationToken)
    {
        var key = ArmEntity.NameKeyOf(resourceGroup);
        var group = await db.ResourceGroups.FirstOrDefaultAsync(g => g.SubscriptionId == subscriptionId && g.NameKey == key, cancellationToken);
        if (group is not null)
        {
            return Result<ResourceGroupEntity>.Ok(group);
        }

        return await db.Subscriptions.AnyAsync(s => s.Id == subscriptionId, cancellationToken)
            ? ArmErrors.ResourceGroupNotFound(resourceGroup)
            : ArmErrors.SubscriptionNotFound(subscriptionId);
    }

    /// <summary>The error for a missing subscription, or null when it exists.</summary>
    public async Task<ServiceError?> SubscriptionMissingAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        await db.Subscriptions.AnyAsync(s => s.Id == subscriptionId, cancellationToken) ? null : ArmErrors.SubscriptionNotFound(subscriptionId);

    /// <summary>The perimeter with its resource group, plus whatever <paramref name="include"/> adds.</summary>
    public async Task<Result<PerimeterEntity>> PerimeterAsync(Guid subscriptionId, string resourceGroup, string name, CancellationToken cancellationToken,
        Func<IQueryable<PerimeterEntity>, IQueryable<PerimeterEntity>>? include = null)
    {
        var groupKey = ArmEntity.NameKeyOf(resourceGroup);
        var key = ArmEntity.NameKeyOf(name);
        IQueryable<PerimeterEntity> query = db.Perimeters.Include(p => p.ResourceGroup);
        if (include is not null)
        {
            query = include(query);
        }

        var perimeter = await query.AsSplitQuery().FirstOrDefaultAsync(
            p => p.ResourceGroup!.SubscriptionId == subscriptionId && p.ResourceGroup.NameKey == groupKey && p.NameKey == key, cancellationToken);
        if (perimeter is not null)
        {
            return Result<PerimeterEntity>.Ok(perimeter);
        }

        var group = await GroupAsync(subscriptionId, resourceGroup, cancellationToken);
        return group.Succeeded ? ArmErrors.ResourceNotFound($"{ResourceTypes.Perimeter}/{name}", resourceGroup) : group.Cast<PerimeterEntity>();
    }

    /// <summary>The profile with its perimeter chain, plus what <paramref name="include"/> adds.</summary>
    public async Task<Result<ProfileEntity>> ProfileAsync(Guid subscriptionId, string resourceGroup, string perimeter, string name, CancellationToken cancellationToken,
        Func<IQueryable<ProfileEntity>, IQueryable<ProfileEntity>>? include = null)
    {
        var groupKey = ArmEntity.NameKeyOf(resourceGroup);
        var perimeterKey = ArmEntity.NameKeyOf(perimeter);
        var key = ArmEntity.NameKeyOf(name);
        IQueryable<ProfileEntity> query = db.Profiles.Include(p => p.Perimeter!).ThenInclude(p => p.ResourceGroup);
        if (include is not null)
        {
            query = include(query);
        }

        var profile = await query.AsSplitQuery().FirstOrDefaultAsync(
            p => p.NameKey == key && p.Perimeter!.NameKey == perimeterKey && p.Perimeter.ResourceGroup!.NameKey == groupKey
                 && p.Perimeter.ResourceGroup.SubscriptionId == subscriptionId, cancellationToken);
        if (profile is not null)
        {
            return Result<ProfileEntity>.Ok(profile);
        }

        var parent = await PerimeterAsync(subscriptionId, resourceGroup, perimeter, cancellationToken);
        return parent.Succeeded
            ? ArmErrors.ResourceNotFound($"{ResourceTypes.Perimeter}/{perimeter}/profiles/{name}", resourceGroup)
            : parent.Cast<ProfileEntity>();
    }

    /// <summary>ARM's not-found error for a child of a perimeter, e.g. <c>resourceAssociations/assoc1</c>.</summary>
    public static ServiceError ChildNotFound(PerimeterEntity perimeter, string childType, string name) =>
        ArmErrors.ResourceNotFound($"{ResourceTypes.Perimeter}/{perimeter.Name}/{childType}/{name}", perimeter.ResourceGroup!.Name);

    /// <summary>A delete that found nothing: 204 when only the resource itself is missing (unless <c>If-Match</c>
    /// wanted it), the not-found error of a missing parent, resource group or subscription otherwise.</summary>
    public static Result<DeleteOutcome> DeleteOfMissing(ServiceError notFound, Precondition? precondition, string description)
    {
        if (notFound.Code != "ResourceNotFound")
        {
            return notFound;
        }

        return (precondition ?? Precondition.None).Check(null, description) is { } failed
            ? failed
            : Result<DeleteOutcome>.Ok(new DeleteOutcome(false));
    }

    /// <summary>Skips and takes one page, asking for one more item to know whether a next page exists.</summary>
    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> ordered, PageRequest page, CancellationToken cancellationToken)
    {
        if (page.Top == int.MaxValue)
        {
            return new Page<T>(await ordered.Skip(page.Skip).ToListAsync(cancellationToken), null);
        }

        var items = await ordered.Skip(page.Skip).Take(page.Top + 1).ToListAsync(cancellationToken);
        return items.Count > page.Top
            ? new Page<T>(items.Take(page.Top).ToList(), page.Skip + page.Top)
            : new Page<T>(items, null);
    }
}
