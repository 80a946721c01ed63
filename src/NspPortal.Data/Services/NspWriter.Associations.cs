using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Services;

internal sealed partial class NspWriter
{
    /// <summary>Creates or updates an association in a perimeter loaded with <see cref="Everything"/>: the profile must
    /// be one of this perimeter's, the resource an associable one from the inventory, and a resource has one
    /// association at a time (reference/nsp.md §2; checked explicitly because EF's one-to-one fix-up would silently
    /// sever a tracked existing association instead of failing).</summary>
    public async Task<Result<ResourceAssociationEntity>> PutAssociationAsync(PerimeterEntity perimeter, AssociationInput input, Precondition precondition,
        CancellationToken cancellationToken)
    {
        var existing = perimeter.Associations.FirstOrDefault(a => a.NameKey == ArmEntity.NameKeyOf(input.Name));
        if (precondition.Check(existing?.ETag, $"resource association '{input.Name}'") is { } failed)
        {
            return failed;
        }

        var errors = new List<ValidationError>();
        if (existing is null && FieldValidator.Name(NspResourceKind.ResourceAssociation, input.Name) is { } nameError)
        {
            errors.Add(nameError);
        }

        var resourceError = FieldValidator.ResourceId(input.PrivateLinkResourceId, "properties.privateLinkResource.id");
        AddIfNotNull(errors, resourceError);
        var profileError = FieldValidator.ResourceId(input.ProfileId, "properties.profile.id", ResourceTypes.Profile);
        AddIfNotNull(errors, profileError);
        var mode = AccessMode.Learning;
        if (input.AccessMode is not null)
        {
            AddIfNotNull(errors, FieldValidator.AccessMode(input.AccessMode, "properties.accessMode", out mode));
        }

        if (ServiceError.FromValidation(errors) is { } invalid)
        {
            return invalid;
        }

        var resourceId = ArmResourceId.Parse(input.PrivateLinkResourceId!);
        var profileId = ArmResourceId.Parse(input.ProfileId!);
        var perimeterId = ResourceIds.Of(perimeter);
        var associationId = $"{perimeterId}/resourceAssociations/{input.Name}";

        // The engine checks the profile (same perimeter, exists) and the resource type (associable).
        var probe = EngineMapping.ToPerimeter(perimeter) with
        {
            Associations = [new ResourceAssociation(input.Name, resourceId, profileId, mode)],
        };
        var configurationErrors = EngineMapping.ErrorsFor(ConfigurationValidator.Validate(new NspConfiguration { Perimeters = [probe] }), associationId);
        if (configurationErrors is not null)
        {
            return configurationErrors;
        }

        var resourceKey = resourceId.Value.ToUpperInvariant();
        var resource = await db.PaasResources.Include(r => r.ResourceGroup).FirstOrDefaultAsync(r => r.ResourceIdKey == resourceKey, cancellationToken);
        if (resource is null)
        {
            return new ServiceError(ServiceErrorKind.Invalid, "LinkedResourceNotFound",
                $"Resource '{resourceId}' referenced by resource '{associationId}' was not found. Add it to the inventory first " +
                "(PUT it under its provider path, or import a Resource Graph export).")
            { Target = "properties.privateLinkResource.id" };
        }

        if (existing is not null && existing.PaasResourceId != resource.Id)
        {
            return ArmErrors.PropertyChangeNotAllowed("properties.privateLinkResource.id");
        }

        var excludeId = existing?.Id ?? Guid.Empty;
        var other = await db.ResourceAssociations.AsNoTracking()
            .Where(a => a.PaasResourceId == resource.Id && a.Id != excludeId)
            .Select(a => new { a.Name, Perimeter = a.Perimeter!.Name, a.AccessMode })
            .FirstOrDefaultAsync(cancellationToken);
        var sameDraft = perimeter.Associations.FirstOrDefault(a => a != existing && a.PaasResourceId == resource.Id);
        if (other is not null || sameDraft is not null)
        {
            var message = other is not null
                ? ConfigurationValidator.AlreadyAssociatedMessage(resourceId, other.Name, other.Perimeter, other.AccessMode)
                : ConfigurationValidator.AlreadyAssociatedMessage(resourceId, sameDraft!.Name, perimeter.Name, sameDraft.AccessMode);
            return new ServiceError(ServiceErrorKind.Conflict, ErrorCodes.ResourceAlreadyAssociated, message) { Target = "properties.privateLinkResource.id" };
        }

        var profile = perimeter.Profiles.First(p => p.NameKey == ArmEntity.NameKeyOf(profileId.Name));
        var association = existing ?? new ResourceAssociationEntity
        {
            Name = input.Name,
            Perimeter = perimeter,
            PerimeterId = perimeter.Id,
            PaasResource = resource,
            PaasResourceId = resource.Id,
        };
        association.Profile = profile;
        association.ProfileId = profile.Id;
        association.AccessMode = mode;
        if (existing is null)
        {
            Writes.StampCreated(association, caller, now);
            perimeter.Associations.Add(association);
            db.ResourceAssociations.Add(association);
        }
        else
        {
            Writes.StampModified(association, caller, now);
        }

        var operation = RecordOperation(perimeter.ResourceGroup!.SubscriptionId, perimeter.Location, associationId);
        return Result<ResourceAssociationEntity>.Ok(association, created: existing is null, operationId: operation);
    }

    public Result<DeleteOutcome> DeleteAssociation(PerimeterEntity perimeter, ResourceAssociationEntity association, Precondition precondition, out Guid operationId)
    {
        operationId = Guid.Empty;
        if (precondition.Check(association.ETag, $"resource association '{association.Name}'") is { } failed)
        {
            return failed;
        }

        var associationId = ResourceIds.Of(association);
        db.ResourceAssociations.Remove(association);
        perimeter.Associations.Remove(association);
        operationId = RecordOperation(perimeter.ResourceGroup!.SubscriptionId, perimeter.Location, associationId);
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true), operationId: operationId);
    }

    private static void AddIfNotNull(List<ValidationError> errors, ValidationError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
