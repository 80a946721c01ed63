using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Catalog;

namespace NspPortal.Data.Services;

/// <summary>Resource groups as Microsoft.Resources serves them: list, get, create or update, delete (which deletes
/// everything in the group, as in Azure), and the subscriptions they live in.</summary>
public sealed class ResourceGroupService(NspDbContext db)
{
    public async Task<IReadOnlyList<SubscriptionEntity>> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Subscriptions.AsNoTracking().OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);

    public async Task<Result<SubscriptionEntity>> GetSubscriptionAsync(Guid subscriptionId, CancellationToken cancellationToken = default) =>
        await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken) is { } subscription
            ? Result<SubscriptionEntity>.Ok(subscription)
            : ArmErrors.SubscriptionNotFound(subscriptionId);

    public Task<Result<ResourceGroupEntity>> GetAsync(Guid subscriptionId, string name, CancellationToken cancellationToken = default) =>
        new Lookup(db).GroupAsync(subscriptionId, name, cancellationToken);

    public async Task<Result<Page<ResourceGroupEntity>>> ListAsync(Guid subscriptionId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (await new Lookup(db).SubscriptionMissingAsync(subscriptionId, cancellationToken) is { } missing)
        {
            return missing;
        }

        var ordered = db.ResourceGroups.AsNoTracking().Where(g => g.SubscriptionId == subscriptionId).OrderBy(g => g.NameKey);
        return Result<Page<ResourceGroupEntity>>.Ok(await Lookup.PageAsync(ordered, page, cancellationToken));
    }

    /// <summary>Creates a group or replaces its tags; the location cannot change (ARM's <c>InvalidResourceGroupLocation</c>).</summary>
    public Task<Result<ResourceGroupEntity>> CreateOrUpdateAsync(Guid subscriptionId, string name, string? location, IReadOnlyDictionary<string, string>? tags,
        Caller caller, Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            if (await new Lookup(db).SubscriptionMissingAsync(subscriptionId, ct) is { } missing)
            {
                return missing;
            }

            var key = ArmEntity.NameKeyOf(name);
            var existing = await db.ResourceGroups.FirstOrDefaultAsync(g => g.SubscriptionId == subscriptionId && g.NameKey == key, ct);
            return Put(subscriptionId, name, location, tags, existing, caller, precondition ?? Precondition.None);
        }, cancellationToken);

    /// <summary>Deletes the group with its perimeters (forced) and PaaS resources.</summary>
    public Task<Result<DeleteOutcome>> DeleteAsync(Guid subscriptionId, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var group = await new Lookup(db).GroupAsync(subscriptionId, name, ct);
            if (!group.Succeeded)
            {
                return group.Cast<DeleteOutcome>(); // ARM answers 404 for a missing group, unlike resources
            }

            if ((precondition ?? Precondition.None).Check(group.Value!.ETag, $"resource group '{name}'") is { } failed)
            {
                return failed;
            }

            var writer = new NspWriter(db, caller);
            var perimeterIds = await db.Perimeters.Where(p => p.ResourceGroupId == group.Value.Id).Select(p => p.Id).ToListAsync(ct);
            foreach (var id in perimeterIds)
            {
                var perimeter = await NspWriter.Everything(db.Perimeters.Include(p => p.ResourceGroup)).AsSplitQuery().FirstAsync(p => p.Id == id, ct);
                await writer.DeletePerimeterAsync(perimeter, force: true, Precondition.None, ct);
            }

            var resources = await db.PaasResources.Include(r => r.ResourceGroup).Include(r => r.Association!).ThenInclude(a => a.Perimeter!).ThenInclude(p => p.ResourceGroup)
                .Where(r => r.ResourceGroupId == group.Value.Id).ToListAsync(ct);
            foreach (var resource in resources)
            {
                if (resource.Association is { } association && db.Entry(association).State != EntityState.Deleted)
                {
                    db.ResourceAssociations.Remove(association);
                }

                db.PaasResources.Remove(resource);
            }

            db.ResourceGroups.Remove(group.Value);
            return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
        }, cancellationToken);

    internal Result<ResourceGroupEntity> Put(Guid subscriptionId, string name, string? location, IReadOnlyDictionary<string, string>? tags,
        ResourceGroupEntity? existing, Caller caller, Precondition precondition)
    {
        if (precondition.Check(existing?.ETag, $"resource group '{name}'") is { } failed)
        {
            return failed;
        }

        if (existing is null && NameError(name) is { } invalidName)
        {
            return invalidName;
        }

        if (string.IsNullOrWhiteSpace(location))
        {
            return ArmErrors.LocationRequired();
        }

        if (AzureRegions.Find(location) is not { } region)
        {
            return ArmErrors.LocationNotAvailable(location, ResourceTypes.ResourceGroup);
        }

        var now = Writes.Now();
        if (existing is not null)
        {
            if (!string.Equals(existing.Location, region.Name, StringComparison.OrdinalIgnoreCase))
            {
                return new ServiceError(ServiceErrorKind.Invalid, "InvalidResourceGroupLocation",
                    $"Invalid resource group location '{region.Name}'. The Resource group already exists in location '{existing.Location}'.")
                {
                    Target = "location",
                };
            }

            existing.Tags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>());
            Writes.StampModified(existing, caller, now);
            return Result<ResourceGroupEntity>.Ok(existing);
        }

        var group = new ResourceGroupEntity
        {
            Name = name,
            SubscriptionId = subscriptionId,
            Location = region.Name,
            Tags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>()),
        };
        Writes.StampCreated(group, caller, now);
        db.ResourceGroups.Add(group);
        return Result<ResourceGroupEntity>.Ok(group, created: true);
    }

    /// <summary>Checks a resource group name as ARM does (1–90 characters: letters, digits, <c>- . ( ) _</c>, not
    /// ending in a period); null when it is fine. The portal's "Create new" checks it as the user types.</summary>
    public static ServiceError? NameError(string name)
    {
        var invalid = name.Where(c => !(char.IsLetterOrDigit(c) || c is '-' or '.' or '(' or ')' or '_')).Distinct().ToArray();
        if (name.Length is > 0 and <= 90 && invalid.Length == 0 && !name.EndsWith('.'))
        {
            return null;
        }

        var detail = invalid.Length > 0 ? $"has these invalid characters: '{new string(invalid)}'" : name.Length == 0 || name.Length > 90 ? "must be 1 to 90 characters long" : "cannot end with a period";
        return new ServiceError(ServiceErrorKind.Invalid, "InvalidResourceGroup",
            $"The provided resource group name '{name}' {detail}. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.")
        {
            Target = "name",
        };
    }
}
