using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Services;

/// <summary>One association a portal action applies to, with the ETag the user saw (the association's, or for public
/// network access the PaaS resource's): a stale ETag refuses the whole action.</summary>
public sealed record AssociationEdit(string Name, string ETag);

/// <summary>What a multi-select action did: the associations it changed, and those already as asked (left alone).</summary>
public sealed record AssociationBatchOutcome(IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged);

/// <summary>The Associated resources blade's multi-select actions (reference/nsp.md §5.2): each applies to all the
/// selected associations in one transaction, through the same writer and validators as the API, or to none of them.
/// Every ETag is checked first; one stale row (changed or removed by someone else) refuses the action with
/// <see cref="ServiceErrorKind.PreconditionFailed"/>. Rows already as asked are reported, not silently skipped; when
/// all are, the action is refused saying so.</summary>
public sealed partial class AssociationService
{
    /// <summary>Change access mode (Learning, shown as Transition; Enforced; Audit).</summary>
    public Task<Result<AssociationBatchOutcome>> ChangeAccessModeAsync(PerimeterPath perimeter, IReadOnlyList<AssociationEdit> items, AccessMode mode, Caller caller,
        CancellationToken cancellationToken = default) =>
        BatchAsync(perimeter, items, caller, a => a.ETag, a => a.AccessMode == mode,
            "AccessModeUnchanged", $"The selected resources are already in {mode.DisplayName()} mode; choose another access mode.",
            (parent, writer, a, ct) => writer.PutAssociationAsync(parent, Input(a, ResourceIds.Of(a.Profile!), mode), Precondition.None, ct), cancellationToken);

    /// <summary>Move to another profile of the same perimeter, in one write per association (no delete and create).</summary>
    public Task<Result<AssociationBatchOutcome>> MoveToProfileAsync(PerimeterPath perimeter, IReadOnlyList<AssociationEdit> items, string profileName, Caller caller,
        CancellationToken cancellationToken = default) =>
        BatchAsync(perimeter, items, caller, a => a.ETag, a => a.Profile!.NameKey == ArmEntity.NameKeyOf(profileName),
            "ProfileUnchanged", $"The selected resources already use the profile '{profileName}'; choose another profile.",
            (parent, writer, a, ct) => writer.PutAssociationAsync(parent, Input(a, $"{ResourceIds.Of(parent)}/profiles/{profileName}", a.AccessMode), Precondition.None, ct),
            cancellationToken);

    /// <summary>Remove: deletes the associations (the resources stay; they fall back to their own network settings,
    /// or lock down when their public network access is SecuredByPerimeter: reference/nsp.md §4.3).</summary>
    public Task<Result<AssociationBatchOutcome>> RemoveAsync(PerimeterPath perimeter, IReadOnlyList<AssociationEdit> items, Caller caller,
        CancellationToken cancellationToken = default) =>
        BatchAsync(perimeter, items, caller, a => a.ETag, _ => false, "", "",
            (parent, writer, a, ct) => Task.FromResult(writer.DeleteAssociation(parent, a, Precondition.None, out _)), cancellationToken);

    /// <summary>Configure public network access of the associated PaaS resources (<c>Enabled</c>, <c>Disabled</c>,
    /// <c>SecuredByPerimeter</c>; reference/nsp.md §1.8, §4.8). The ETags are the resources' own.</summary>
    public Task<Result<AssociationBatchOutcome>> SetPublicNetworkAccessAsync(PerimeterPath perimeter, IReadOnlyList<AssociationEdit> items, PublicNetworkAccess access,
        Caller caller, CancellationToken cancellationToken = default) =>
        BatchAsync(perimeter, items, caller, a => a.PaasResource!.ETag, a => a.PaasResource!.PublicNetworkAccess == access,
            "PublicNetworkAccessUnchanged", $"Public network access of the selected resources is already {access.DisplayName()}; choose another value.",
            (_, _, a, _) =>
            {
                a.PaasResource!.PublicNetworkAccess = access;
                Writes.StampModified(a.PaasResource, caller, Writes.Now());
                return Task.FromResult(Result<bool>.Ok(true));
            }, cancellationToken);

    /// <summary>"+ Add": associates inventory resources with an existing profile, or with a new profile created in the
    /// same transaction. Association names follow the portal's <c>{resourceName}-{perimeterGuid}</c>.</summary>
    public Task<Result<AssociationBatchOutcome>> AddAsync(PerimeterPath perimeter, string profileName, bool newProfile, IReadOnlyList<string> resourceIds,
        AccessMode mode, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        ArgumentNullException.ThrowIfNull(profileName);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, NspWriter.Everything, ct);
            if (!parent.Succeeded)
            {
                return parent.Cast<AssociationBatchOutcome>();
            }

            if (resourceIds.Count == 0)
            {
                return ServiceError.Invalid("NoResourcesSelected", "Select at least one resource to associate.", "resources");
            }

            var p = parent.Value!;
            var writer = new NspWriter(db, caller);
            var exists = p.Profiles.Any(x => x.NameKey == ArmEntity.NameKeyOf(profileName));
            if (newProfile && exists)
            {
                return new ServiceError(ServiceErrorKind.Conflict, "ProfileAlreadyExists",
                    $"A profile named '{profileName}' already exists in this perimeter; choose it under \"existing profile\" or pick another name.")
                {
                    Target = "newProfile",
                };
            }

            if (!newProfile && !exists)
            {
                return new ServiceError(ServiceErrorKind.NotFound, "ProfileNotFound", $"The profile '{profileName}' does not exist (anymore); choose another profile.") { Target = "profile" };
            }

            if (newProfile)
            {
                var created = writer.PutProfile(p, profileName, Precondition.None);
                if (!created.Succeeded)
                {
                    return created.Error! with { Target = "newProfile" };
                }
            }

            var profileId = $"{ResourceIds.Of(p)}/profiles/{profileName}";
            var names = new List<string>();
            foreach (var resourceId in resourceIds.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var name = PerimeterService.DefaultAssociationName(resourceId, p.PerimeterGuid);
                var put = await writer.PutAssociationAsync(p, new AssociationInput(name, resourceId, profileId, mode.ToString()), new Precondition(null, "*"), ct);
                if (!put.Succeeded)
                {
                    return put.Error!.Kind == ServiceErrorKind.PreconditionFailed
                        ? new ServiceError(ServiceErrorKind.Conflict, Engine.Validation.ErrorCodes.ResourceAlreadyAssociated, $"'{resourceId.Split('/')[^1]}' is already associated with this perimeter.")
                        : put.Error;
                }

                names.Add(name);
            }

            return Result<AssociationBatchOutcome>.Ok(new AssociationBatchOutcome(names, []));
        }, cancellationToken);
    }

    private Task<Result<AssociationBatchOutcome>> BatchAsync<T>(PerimeterPath perimeter, IReadOnlyList<AssociationEdit> items, Caller caller,
        Func<ResourceAssociationEntity, string> etagOf, Func<ResourceAssociationEntity, bool> alreadyDone, string unchangedCode, string unchangedMessage,
        Func<PerimeterEntity, NspWriter, ResourceAssociationEntity, CancellationToken, Task<Result<T>>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, NspWriter.Everything, ct);
            if (!parent.Succeeded)
            {
                return parent.Cast<AssociationBatchOutcome>();
            }

            if (items.Count == 0)
            {
                return ServiceError.Invalid("NoResourcesSelected", "Select one or more associated resources first.", "selected");
            }

            var p = parent.Value!;
            var found = new List<ResourceAssociationEntity>();
            foreach (var item in items)
            {
                var association = p.Associations.FirstOrDefault(a => a.NameKey == ArmEntity.NameKeyOf(item.Name));
                if (association is null)
                {
                    return new ServiceError(ServiceErrorKind.PreconditionFailed, "PreconditionFailed",
                        $"The association '{item.Name}' was removed by someone else after you selected it.")
                    {
                        Target = item.Name,
                    };
                }

                if (!string.Equals(etagOf(association), item.ETag, StringComparison.Ordinal))
                {
                    return new ServiceError(ServiceErrorKind.PreconditionFailed, "PreconditionFailed",
                        $"'{association.PaasResource!.Name}' was changed by someone else after you selected it.")
                    {
                        Target = item.Name,
                    };
                }

                found.Add(association);
            }

            var todo = found.Where(a => !alreadyDone(a)).ToList();
            if (todo.Count == 0)
            {
                return new ServiceError(ServiceErrorKind.Conflict, unchangedCode, unchangedMessage);
            }

            var writer = new NspWriter(db, caller);
            var changed = new List<string>();
            foreach (var association in todo)
            {
                var name = association.Name;
                var result = await apply(p, writer, association, ct);
                if (!result.Succeeded)
                {
                    return result.Error! with { Message = $"{association.PaasResource?.Name ?? name}: {result.Error.Message}" };
                }

                changed.Add(name);
            }

            return Result<AssociationBatchOutcome>.Ok(new AssociationBatchOutcome(changed, [.. found.Except(todo).Select(a => a.Name)]));
        }, cancellationToken);
    }
}
