using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Validation;

namespace NspPortal.Data.Services;

/// <summary>The one write path: applies a change to tracked entities and validates it with the engine's
/// validators, without saving. The services, the create wizard and template import all compose these methods and save
/// once (<see cref="Writes.SaveAsync{T}"/>), so every write is validated, stamped and logged the same way.</summary>
internal sealed partial class NspWriter(NspDbContext db, Caller caller)
{
    private readonly DateTime now = Writes.Now();

    /// <summary>Loads a perimeter with everything a write may touch: profiles and rules, associations (with their
    /// PaaS resources), links, link references and the logging configuration.</summary>
    public static Func<IQueryable<PerimeterEntity>, IQueryable<PerimeterEntity>> Everything { get; } = q => q
        .Include(p => p.Profiles).ThenInclude(p => p.AccessRules)
        .Include(p => p.Associations).ThenInclude(a => a.PaasResource!).ThenInclude(r => r.ResourceGroup)
        .Include(p => p.Links)
        .Include(p => p.LinkReferences)
        .Include(p => p.LoggingConfiguration);

    // ---- Perimeters ----

    public Result<PerimeterEntity> PutPerimeter(ResourceGroupEntity group, PerimeterEntity? existing, PerimeterInput input, Precondition precondition)
    {
        var name = input.Path.Name;
        if (precondition.Check(existing?.ETag, $"network security perimeter '{name}'") is { } failed)
        {
            return failed;
        }

        if (existing is null && FieldValidator.Name(NspResourceKind.Perimeter, name) is { } nameError)
        {
            return ServiceError.FromValidation([nameError])!;
        }

        if (string.IsNullOrWhiteSpace(input.Location))
        {
            return ArmErrors.LocationRequired();
        }

        if (AzureRegions.Find(input.Location) is not { } region)
        {
            return ArmErrors.LocationNotAvailable(input.Location, ResourceTypes.Perimeter);
        }

        if (existing is not null)
        {
            if (!string.Equals(existing.Location, region.Name, StringComparison.OrdinalIgnoreCase))
            {
                return new ServiceError(ServiceErrorKind.Invalid, "InvalidResourceLocation",
                    $"The resource '{existing.Name}' already exists in location '{existing.Location}' in resource group '{group.Name}'. A resource with the same name cannot be created in location '{region.Name}'. Please select a new resource name.")
                { Target = "location" };
            }

            existing.Tags = new Dictionary<string, string>(input.Tags ?? new Dictionary<string, string>());
            Writes.StampModified(existing, caller, now);
            return Result<PerimeterEntity>.Ok(existing);
        }

        var perimeter = new PerimeterEntity
        {
            Name = name,
            ResourceGroup = group,
            ResourceGroupId = group.Id,
            Location = region.Name,
            Tags = new Dictionary<string, string>(input.Tags ?? new Dictionary<string, string>()),
        };
        Writes.StampCreated(perimeter, caller, now);
        db.Perimeters.Add(perimeter);
        return Result<PerimeterEntity>.Ok(perimeter, created: true);
    }

    public Result<PerimeterEntity> PatchPerimeterTags(PerimeterEntity perimeter, IReadOnlyDictionary<string, string> tags, Precondition precondition)
    {
        if (precondition.Check(perimeter.ETag, $"network security perimeter '{perimeter.Name}'") is { } failed)
        {
            return failed;
        }

        perimeter.Tags = new Dictionary<string, string>(tags);
        Writes.StampModified(perimeter, caller, now);
        return Result<PerimeterEntity>.Ok(perimeter);
    }

    /// <summary>Deletes a perimeter loaded with <see cref="Everything"/>. Without <paramref name="force"/> a perimeter
    /// with associations is refused (reference/nsp.md §5.2); with it, everything it owns goes too. Links to and from
    /// other perimeters are taken down on both sides (reference/nsp.md §4.5).</summary>
    public async Task<Result<DeleteOutcome>> DeletePerimeterAsync(PerimeterEntity perimeter, bool force, Precondition precondition, CancellationToken cancellationToken)
    {
        if (precondition.Check(perimeter.ETag, $"network security perimeter '{perimeter.Name}'") is { } failed)
        {
            return failed;
        }

        if (!force && perimeter.Associations.Count > 0)
        {
            return new ServiceError(ServiceErrorKind.Conflict, "PerimeterHasAssociations",
                $"The network security perimeter '{perimeter.Name}' has {perimeter.Associations.Count} resource association(s). Remove them first, " +
                "or delete with forceDeletion=true (api-version 2024-10-01 or later) to remove them together with the perimeter.");
        }

        foreach (var link in perimeter.Links.ToList())
        {
            await RemoveLinkAsync(perimeter, link, cancellationToken);
        }

        foreach (var reference in perimeter.LinkReferences.ToList())
        {
            await RemoveLinkReferenceAsync(perimeter, reference, cancellationToken);
        }

        foreach (var association in perimeter.Associations.ToList())
        {
            db.ResourceAssociations.Remove(association);
        }

        foreach (var profile in perimeter.Profiles)
        {
            db.AccessRules.RemoveRange(profile.AccessRules);
            db.Profiles.Remove(profile);
        }

        if (perimeter.LoggingConfiguration is { } logging)
        {
            db.LoggingConfigurations.Remove(logging);
        }

        db.Perimeters.Remove(perimeter);
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
    }

    // ---- Profiles ----

    /// <summary>Creates a profile in a perimeter loaded with <see cref="Everything"/>. A profile has no writable
    /// properties: a PUT of an existing profile returns it unchanged (reference/nsp.md §1.2).</summary>
    public Result<ProfileEntity> PutProfile(PerimeterEntity perimeter, string name, Precondition precondition)
    {
        var existing = perimeter.Profiles.FirstOrDefault(p => p.NameKey == ArmEntity.NameKeyOf(name));
        if (precondition.Check(existing?.ETag, $"profile '{name}'") is { } failed)
        {
            return failed;
        }

        if (existing is not null)
        {
            return Result<ProfileEntity>.Ok(existing);
        }

        if (FieldValidator.Name(NspResourceKind.Profile, name) is { } nameError)
        {
            return ServiceError.FromValidation([nameError])!;
        }

        var profile = new ProfileEntity { Name = name, Perimeter = perimeter, PerimeterId = perimeter.Id };
        Writes.StampCreated(profile, caller, now);
        perimeter.Profiles.Add(profile);
        db.Profiles.Add(profile);
        SyncLinkRules(perimeter);
        return Result<ProfileEntity>.Ok(profile, created: true);
    }

    /// <summary>Deletes a profile of a perimeter loaded with <see cref="Everything"/>; refused while associations use it.</summary>
    public Result<DeleteOutcome> DeleteProfile(PerimeterEntity perimeter, ProfileEntity profile, Precondition precondition)
    {
        if (precondition.Check(profile.ETag, $"profile '{profile.Name}'") is { } failed)
        {
            return failed;
        }

        var users = perimeter.Associations.Where(a => a.ProfileId == profile.Id).Select(a => a.Name).ToList();
        if (users.Count > 0)
        {
            return new ServiceError(ServiceErrorKind.Conflict, "ProfileInUse",
                $"The profile '{profile.Name}' is used by {users.Count} resource association(s) ({string.Join(", ", users.Take(5))}); move them to another profile or remove them first.");
        }

        db.AccessRules.RemoveRange(profile.AccessRules);
        db.Profiles.Remove(profile);
        perimeter.Profiles.Remove(profile);
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
    }

    // ---- Operation statuses ----

    /// <summary>Records the terminal status of an operation Azure runs asynchronously, in the same save.</summary>
    public Guid RecordOperation(Guid subscriptionId, string location, string resourceId)
    {
        var operation = new OperationStatusEntity
        {
            SubscriptionId = subscriptionId,
            Location = location,
            ResourceId = resourceId,
            StartTime = now,
            EndTime = now,
        };
        db.OperationStatuses.Add(operation);
        return operation.Id;
    }
}
