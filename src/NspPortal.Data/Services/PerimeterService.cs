using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Services;

/// <summary>Perimeters (<c>Microsoft.Network/networkSecurityPerimeters</c>): read, create or update, patch tags,
/// delete (with <c>forceDeletion</c>) and the create wizard's one-transaction create. Used by the ARM API and the portal.</summary>
public sealed class PerimeterService(NspDbContext db)
{
    public Task<Result<PerimeterEntity>> GetAsync(PerimeterPath path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Lookup(db).PerimeterAsync(path.SubscriptionId, path.ResourceGroup, path.Name, cancellationToken);
    }

    /// <summary>Perimeters of a subscription, or of one resource group when <paramref name="resourceGroup"/> is given, by name.</summary>
    public async Task<Result<Page<PerimeterEntity>>> ListAsync(Guid subscriptionId, string? resourceGroup, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lookup = new Lookup(db);
        IQueryable<PerimeterEntity> query = db.Perimeters.AsNoTracking().Include(p => p.ResourceGroup).Where(p => p.ResourceGroup!.SubscriptionId == subscriptionId);
        if (resourceGroup is not null)
        {
            var group = await lookup.GroupAsync(subscriptionId, resourceGroup, cancellationToken);
            if (!group.Succeeded)
            {
                return group.Cast<Page<PerimeterEntity>>();
            }

            query = query.Where(p => p.ResourceGroupId == group.Value!.Id);
        }
        else if (await lookup.SubscriptionMissingAsync(subscriptionId, cancellationToken) is { } missing)
        {
            return missing;
        }

        var ordered = query.OrderBy(p => p.ResourceGroup!.NameKey).ThenBy(p => p.NameKey);
        return Result<Page<PerimeterEntity>>.Ok(await Lookup.PageAsync(ordered, page, cancellationToken));
    }

    public Task<Result<PerimeterEntity>> CreateOrUpdateAsync(PerimeterInput input, Caller caller, Precondition? precondition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var group = await new Lookup(db).GroupAsync(input.Path.SubscriptionId, input.Path.ResourceGroup, ct);
            if (!group.Succeeded)
            {
                return group.Cast<PerimeterEntity>();
            }

            var key = ArmEntity.NameKeyOf(input.Path.Name);
            var existing = await db.Perimeters.FirstOrDefaultAsync(p => p.ResourceGroupId == group.Value!.Id && p.NameKey == key, ct);
            return new NspWriter(db, caller).PutPerimeter(group.Value!, existing, input, precondition ?? Precondition.None);
        }, cancellationToken);
    }

    /// <summary>PATCH: replaces the tags only (<c>UpdateTagsRequest</c>, reference/nsp.md §1.2).</summary>
    public Task<Result<PerimeterEntity>> UpdateTagsAsync(PerimeterPath path, IReadOnlyDictionary<string, string> tags, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tags);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var perimeter = await new Lookup(db).PerimeterAsync(path.SubscriptionId, path.ResourceGroup, path.Name, ct);
            return perimeter.Succeeded ? new NspWriter(db, caller).PatchPerimeterTags(perimeter.Value!, tags, precondition ?? Precondition.None) : perimeter;
        }, cancellationToken);
    }

    /// <summary>Deletes a perimeter. <paramref name="force"/> (<c>forceDeletion</c>) also removes its associations;
    /// without it a perimeter with associations is refused. A missing perimeter is not an error (ARM answers 204).
    /// Records an operation status (Azure runs this delete asynchronously).</summary>
    public Task<Result<DeleteOutcome>> DeleteAsync(PerimeterPath path, bool force, Caller caller, Precondition? precondition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var perimeter = await new Lookup(db).PerimeterAsync(path.SubscriptionId, path.ResourceGroup, path.Name, ct, NspWriter.Everything);
            if (!perimeter.Succeeded)
            {
                return Lookup.DeleteOfMissing(perimeter.Error!, precondition, $"network security perimeter '{path.Name}'");
            }

            var writer = new NspWriter(db, caller);
            var p = perimeter.Value!;
            var resourceId = Representation.ResourceIds.Of(p);
            var deleted = await writer.DeletePerimeterAsync(p, force, precondition ?? Precondition.None, ct);
            if (!deleted.Succeeded)
            {
                return deleted;
            }

            var operation = writer.RecordOperation(path.SubscriptionId, p.Location, resourceId);
            return Result<DeleteOutcome>.Ok(deleted.Value!, operationId: operation);
        }, cancellationToken);
    }

    /// <summary>The create wizard's "Create" (reference/nsp.md §5.1): the perimeter, its first profile, that profile's
    /// rules and the associations, all validated and saved in one transaction — nothing is stored if any part is
    /// invalid. Error targets name the part: <c>rules[2].properties.addressPrefixes[0]</c>, <c>associations[1]…</c>.</summary>
    public Task<Result<PerimeterEntity>> CreateWithContentsAsync(PerimeterDraft draft, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var group = draft.NewResourceGroupLocation is { } groupLocation
                ? await NewGroupAsync(draft.Path, groupLocation, caller, ct)
                : await new Lookup(db).GroupAsync(draft.Path.SubscriptionId, draft.Path.ResourceGroup, ct);
            if (!group.Succeeded)
            {
                return group.Cast<PerimeterEntity>();
            }

            var key = ArmEntity.NameKeyOf(draft.Path.Name);
            if (draft.NewResourceGroupLocation is null && await db.Perimeters.AnyAsync(p => p.ResourceGroupId == group.Value!.Id && p.NameKey == key, ct))
            {
                return new ServiceError(ServiceErrorKind.Conflict, "ResourceAlreadyExists",
                    $"A network security perimeter named '{draft.Path.Name}' already exists in resource group '{group.Value!.Name}'.")
                {
                    Target = "name",
                };
            }

            var writer = new NspWriter(db, caller);
            var perimeter = writer.PutPerimeter(group.Value!, null, new PerimeterInput(draft.Path, draft.Location, draft.Tags), Precondition.None);
            if (!perimeter.Succeeded)
            {
                return perimeter;
            }

            var profile = writer.PutProfile(perimeter.Value!, draft.ProfileName, Precondition.None);
            if (!profile.Succeeded)
            {
                return Prefixed(profile.Error!, "profileName");
            }

            for (var i = 0; i < draft.Rules.Count; i++)
            {
                var rule = writer.PutRule(profile.Value!, draft.Rules[i], Precondition.None);
                if (!rule.Succeeded)
                {
                    return Prefixed(rule.Error!, $"rules[{i}]");
                }
            }

            var profileId = Representation.ResourceIds.Of(profile.Value!);
            for (var i = 0; i < draft.Associations.Count; i++)
            {
                var item = draft.Associations[i];
                var name = item.Name ?? DefaultAssociationName(item.PrivateLinkResourceId, perimeter.Value!.PerimeterGuid);
                var association = await writer.PutAssociationAsync(perimeter.Value!,
                    new AssociationInput(name, item.PrivateLinkResourceId, profileId, item.AccessMode ?? nameof(AccessMode.Learning)), Precondition.None, ct);
                if (!association.Succeeded)
                {
                    return Prefixed(association.Error!, $"associations[{i}]");
                }
            }

            return Result<PerimeterEntity>.Ok(perimeter.Value!, created: true);
        }, cancellationToken);
    }

    /// <summary>"Create new" resource group: refused when the group exists (the user picked a name already taken),
    /// otherwise added to the same unit of work as the perimeter, so a later failure leaves no empty group behind.</summary>
    private async Task<Result<ResourceGroupEntity>> NewGroupAsync(PerimeterPath path, string location, Caller caller, CancellationToken ct)
    {
        if (await new Lookup(db).SubscriptionMissingAsync(path.SubscriptionId, ct) is { } missing)
        {
            return missing;
        }

        var groupKey = ArmEntity.NameKeyOf(path.ResourceGroup);
        if (await db.ResourceGroups.AnyAsync(g => g.SubscriptionId == path.SubscriptionId && g.NameKey == groupKey, ct))
        {
            return new ServiceError(ServiceErrorKind.Conflict, "ResourceGroupAlreadyExists",
                $"A resource group named '{path.ResourceGroup}' already exists in this subscription; select it instead of creating it.")
            {
                Target = "resourceGroup",
            };
        }

        var created = new ResourceGroupService(db).Put(path.SubscriptionId, path.ResourceGroup, location, null, null, caller, Precondition.None);
        return created.Succeeded ? created : Prefixed(created.Error!, "resourceGroup");
    }

    /// <summary>The portal's association name, <c>{resourceName}-{perimeterGuid}</c> (reference/nsp.md §1.1).</summary>
    public static string DefaultAssociationName(string privateLinkResourceId, Guid perimeterGuid)
    {
        ArgumentNullException.ThrowIfNull(privateLinkResourceId);
        var resourceName = privateLinkResourceId.TrimEnd('/').Split('/')[^1];
        return $"{resourceName}-{perimeterGuid:D}";
    }

    private static ServiceError Prefixed(ServiceError error, string part) => error with
    {
        Target = error.Target is null ? part : $"{part}.{error.Target}",
        Details = [.. error.Details.Select(d => d with { Target = d.Target is null ? part : $"{part}.{d.Target}" })],
    };
}
