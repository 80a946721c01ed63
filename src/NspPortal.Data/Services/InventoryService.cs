using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Services;

/// <summary>What a Resource Graph import did.</summary>
public sealed record InventoryImportSummary(int Created, int Updated, int Skipped, int SubscriptionsCreated, int ResourceGroupsCreated);

/// <summary>The PaaS inventory: associable resources under their own provider paths (e.g. <c>Microsoft.Sql/servers</c>)
/// with the network settings the engine needs, and bulk import of an Azure Resource Graph export.</summary>
public sealed class InventoryService(NspDbContext db)
{
    public async Task<Result<PaasResourceEntity>> GetAsync(Guid subscriptionId, string resourceGroup, string resourceType, string name, CancellationToken cancellationToken = default)
    {
        var group = await new Lookup(db).GroupAsync(subscriptionId, resourceGroup, cancellationToken);
        if (!group.Succeeded)
        {
            return group.Cast<PaasResourceEntity>();
        }

        var key = ArmIds.Resource(subscriptionId, group.Value!.Name, resourceType, name).ToUpperInvariant();
        var resource = await db.PaasResources.Include(r => r.ResourceGroup).FirstOrDefaultAsync(r => r.ResourceIdKey == key, cancellationToken);
        return resource is null ? ArmErrors.ResourceNotFound($"{resourceType}/{name}", resourceGroup) : Result<PaasResourceEntity>.Ok(resource);
    }

    /// <summary>Resources of one type in a subscription, or in one of its resource groups.</summary>
    public async Task<Result<Page<PaasResourceEntity>>> ListAsync(Guid subscriptionId, string? resourceGroup, string resourceType, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lookup = new Lookup(db);
        var query = db.PaasResources.AsNoTracking().Include(r => r.ResourceGroup).Where(r => r.ResourceGroup!.SubscriptionId == subscriptionId);
        if (resourceGroup is not null)
        {
            var group = await lookup.GroupAsync(subscriptionId, resourceGroup, cancellationToken);
            if (!group.Succeeded)
            {
                return group.Cast<Page<PaasResourceEntity>>();
            }

            query = query.Where(r => r.ResourceGroupId == group.Value!.Id);
        }
        else if (await lookup.SubscriptionMissingAsync(subscriptionId, cancellationToken) is { } missing)
        {
            return missing;
        }

        var typeKey = resourceType.ToUpperInvariant();
#pragma warning disable CA1862 // SQL: upper() is the portable case-insensitive comparison.
        var ordered = query.Where(r => r.ResourceType.ToUpper() == typeKey).OrderBy(r => r.NameKey);
#pragma warning restore CA1862
        return Result<Page<PaasResourceEntity>>.Ok(await Lookup.PageAsync(ordered, page, cancellationToken));
    }

    public Task<Result<PaasResourceEntity>> CreateOrUpdateAsync(Guid subscriptionId, string resourceGroup, string resourceType, string name, PaasResourceInput input,
        Caller caller, Precondition? precondition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var group = await new Lookup(db).GroupAsync(subscriptionId, resourceGroup, ct);
            if (!group.Succeeded)
            {
                return group.Cast<PaasResourceEntity>();
            }

            var key = ArmIds.Resource(subscriptionId, group.Value!.Name, resourceType, name).ToUpperInvariant();
            var existing = await db.PaasResources.FirstOrDefaultAsync(r => r.ResourceIdKey == key, ct);
            return Put(group.Value, resourceType, name, input, existing, caller, precondition ?? Precondition.None, Writes.Now());
        }, cancellationToken);
    }

    /// <summary>The transition blade's "Configure public network access" (reference/nsp.md §4.8): changes only
    /// <c>publicNetworkAccess</c>, keeping the firewall rules and bypass.</summary>
    public Task<Result<PaasResourceEntity>> SetPublicNetworkAccessAsync(Guid subscriptionId, string resourceGroup, string resourceType, string name,
        PublicNetworkAccess access, Caller caller, Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var existing = await GetAsync(subscriptionId, resourceGroup, resourceType, name, ct);
            if (!existing.Succeeded)
            {
                return existing;
            }

            var resource = existing.Value!;
            var input = new PaasResourceInput(resource.Location, resource.Kind, resource.Tags, access.ToString(),
                [.. resource.FirewallIpRules.Select((rule, i) => ((string?)rule, $"properties.ipRules[{i}]"))], resource.AllowTrustedServices);
            return Put(resource.ResourceGroup!, resource.ResourceType, resource.Name, input, resource, caller, precondition ?? Precondition.None, Writes.Now());
        }, cancellationToken);

    /// <summary>Deletes a resource; its association, if any, goes with it (as in Azure).</summary>
    public Task<Result<DeleteOutcome>> DeleteAsync(Guid subscriptionId, string resourceGroup, string resourceType, string name, Caller caller,
        Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var group = await new Lookup(db).GroupAsync(subscriptionId, resourceGroup, ct);
            if (!group.Succeeded)
            {
                return group.Cast<DeleteOutcome>();
            }

            var key = ArmIds.Resource(subscriptionId, group.Value!.Name, resourceType, name).ToUpperInvariant();
            var resource = await db.PaasResources.Include(r => r.ResourceGroup)
                .Include(r => r.Association!).ThenInclude(a => a.Perimeter!).ThenInclude(p => p.ResourceGroup)
                .FirstOrDefaultAsync(r => r.ResourceIdKey == key, ct);
            if (resource is null)
            {
                return Lookup.DeleteOfMissing(ArmErrors.ResourceNotFound($"{resourceType}/{name}", resourceGroup), precondition, $"resource '{name}'");
            }

            if ((precondition ?? Precondition.None).Check(resource.ETag, $"resource '{name}'") is { } failed)
            {
                return failed;
            }

            if (resource.Association is { } association)
            {
                db.ResourceAssociations.Remove(association);
            }

            db.PaasResources.Remove(resource);
            return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
        }, cancellationToken);

    /// <summary>Imports the JSON of <c>az graph query -q "Resources | where type in~ (…)"</c> (<c>{"data":[…]}</c>,
    /// <c>{"value":[…]}</c> or a bare array of rows with <c>id</c>, <c>location</c>, <c>kind</c>, <c>tags</c>,
    /// <c>properties</c>). Associable resources are created or updated, with missing subscriptions and resource groups;
    /// other types are skipped. All in one transaction: one invalid row rejects the import.</summary>
    public Task<Result<InventoryImportSummary>> ImportResourceGraphAsync(string json, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return Task.FromResult<Result<InventoryImportSummary>>(ArmErrors.InvalidRequestContent($"The request content was invalid and could not be deserialized: '{e.Message}'"));
        }

        var rows = root switch
        {
            JsonArray a => a,
            JsonObject o when o["data"] is JsonArray a => a,
            JsonObject o when o["value"] is JsonArray a => a,
            _ => null,
        };
        if (rows is null)
        {
            return Task.FromResult<Result<InventoryImportSummary>>(ArmErrors.InvalidRequestContent(
                "Expected the output of 'az graph query' ({\"data\":[…]}), {\"value\":[…]} or an array of resources."));
        }

        return Writes.SaveAsync(db, caller, async ct =>
        {
            var now = Writes.Now();
            int created = 0, updated = 0, skipped = 0, subscriptions = 0, groups = 0;
            var knownSubscriptions = (await db.Subscriptions.Select(s => s.Id).ToListAsync(ct)).ToHashSet();
            var groupCache = new Dictionary<string, ResourceGroupEntity>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < rows.Count; i++)
            {
                var target = $"data[{i}]";
                if (rows[i] is not JsonObject row || !Json.TryString(row, "id", out var idText, out _) || !ArmResourceId.TryParse(idText, out var id, out _)
                    || id.ResourceGroupName is null || !id.IsTopLevelResource)
                {
                    return ServiceError.Invalid(ErrorCodes.InvalidResourceId, $"Row {i} has no valid 'id' of a resource in a resource group.", target);
                }

                var catalog = AssociableResourceTypes.Find(id.ResourceType);
                if (catalog is null)
                {
                    skipped++;
                    continue;
                }

                var input = PaasResourceJson.Read(row);
                if (!input.Succeeded)
                {
                    return input.Error! with { Target = $"{target}.{input.Error!.Target}" };
                }

                var subscriptionId = id.SubscriptionId.Value;
                if (knownSubscriptions.Add(subscriptionId))
                {
                    db.Subscriptions.Add(new SubscriptionEntity { Id = subscriptionId, DisplayName = subscriptionId.ToString("D") });
                    subscriptions++;
                }

                var groupKey = $"{subscriptionId}/{id.ResourceGroupName}";
                if (!groupCache.TryGetValue(groupKey, out var group))
                {
                    var nameKey = ArmEntity.NameKeyOf(id.ResourceGroupName);
                    group = await db.ResourceGroups.FirstOrDefaultAsync(g => g.SubscriptionId == subscriptionId && g.NameKey == nameKey, ct);
                    if (group is null)
                    {
                        var location = AzureRegions.Find(input.Value!.Location)?.Name ?? "eastus";
                        group = new ResourceGroupEntity { Name = id.ResourceGroupName, SubscriptionId = subscriptionId, Location = location };
                        Writes.StampCreated(group, caller, now);
                        db.ResourceGroups.Add(group);
                        groups++;
                    }

                    groupCache[groupKey] = group;
                }

                var key = ArmIds.Resource(subscriptionId, group.Name, catalog.ResourceType, id.Name).ToUpperInvariant();
                var existing = db.PaasResources.Local.FirstOrDefault(r => r.ResourceIdKey == key)
                    ?? await db.PaasResources.FirstOrDefaultAsync(r => r.ResourceIdKey == key, ct);
                var put = Put(group, catalog.ResourceType, id.Name, input.Value!, existing, caller, Precondition.None, now);
                if (!put.Succeeded)
                {
                    return put.Error! with { Target = $"{target}.{put.Error!.Target}" };
                }

                if (put.Created)
                {
                    created++;
                }
                else
                {
                    updated++;
                }
            }

            return Result<InventoryImportSummary>.Ok(new InventoryImportSummary(created, updated, skipped, subscriptions, groups));
        }, cancellationToken);
    }

    private Result<PaasResourceEntity> Put(ResourceGroupEntity group, string resourceType, string name, PaasResourceInput input, PaasResourceEntity? existing,
        Caller caller, Precondition precondition, DateTime now)
    {
        if (precondition.Check(existing?.ETag, $"resource '{name}'") is { } failed)
        {
            return failed;
        }

        var catalog = AssociableResourceTypes.Find(resourceType);
        if (catalog is null)
        {
            return new ServiceError(ServiceErrorKind.NotFound, "InvalidResourceType",
                $"The resource type '{resourceType}' is not in the inventory; supported types: {string.Join(", ", AssociableResourceTypes.All.Select(t => t.ResourceType))}.");
        }

        var errors = new List<ValidationError>();
        var access = PublicNetworkAccess.Enabled;
        if (input.PublicNetworkAccess is not null && FieldValidator.PublicNetworkAccess(input.PublicNetworkAccess, "properties.publicNetworkAccess", out access) is { } accessError)
        {
            errors.Add(accessError);
        }

        var prefixes = new List<string>();
        foreach (var (value, target) in input.FirewallIpRules)
        {
            if (IpPrefix.TryParse(value, out var prefix, out var error))
            {
                prefixes.Add(prefix.ToString());
            }
            else
            {
                errors.Add(ValidationError.From(error, target));
            }
        }

        if (ServiceError.FromValidation(errors) is { } invalid)
        {
            return invalid;
        }

        var location = input.Location is null ? existing?.Location ?? group.Location : AzureRegions.Find(input.Location)?.Name;
        if (location is null)
        {
            return ArmErrors.LocationNotAvailable(input.Location!, catalog.ResourceType);
        }

        var resource = existing ?? new PaasResourceEntity
        {
            Name = name,
            ResourceGroup = group,
            ResourceGroupId = group.Id,
            ResourceType = catalog.ResourceType,
            ResourceIdKey = ArmIds.Resource(group.SubscriptionId, group.Name, catalog.ResourceType, name).ToUpperInvariant(),
        };
        resource.Location = location;
        resource.Kind = input.Kind ?? existing?.Kind;
        resource.Tags = new Dictionary<string, string>(input.Tags ?? new Dictionary<string, string>());
        resource.PublicNetworkAccess = access;
        resource.FirewallIpRules = prefixes;
        resource.AllowTrustedServices = input.AllowTrustedServices;
        if (existing is null)
        {
            Writes.StampCreated(resource, caller, now);
            db.PaasResources.Add(resource);
        }
        else
        {
            Writes.StampModified(resource, caller, now);
        }

        return Result<PaasResourceEntity>.Ok(resource, created: existing is null);
    }
}
