using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Services;

/// <summary>Resource associations (<c>networkSecurityPerimeters/resourceAssociations</c>): create or update, delete,
/// reconcile, and the portal's "move to profile" and "change access mode" actions. Puts and deletes record an
/// operation status, as Azure runs them asynchronously (reference/nsp.md §1.2).</summary>
public sealed partial class AssociationService(NspDbContext db)
{
    private static readonly Func<IQueryable<PerimeterEntity>, IQueryable<PerimeterEntity>> WithAssociations = q => q
        .Include(p => p.Profiles)
        .Include(p => p.Associations).ThenInclude(a => a.PaasResource!).ThenInclude(r => r.ResourceGroup);

    public async Task<Result<ResourceAssociationEntity>> GetAsync(PerimeterPath perimeter, string name, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, WithAssociations, cancellationToken);
        return !parent.Succeeded ? parent.Cast<ResourceAssociationEntity>() : Find(parent.Value!, name);
    }

    public async Task<Result<Page<ResourceAssociationEntity>>> ListAsync(PerimeterPath perimeter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var parent = await LoadAsync(perimeter, WithAssociations, cancellationToken);
        return !parent.Succeeded
            ? parent.Cast<Page<ResourceAssociationEntity>>()
            : Result<Page<ResourceAssociationEntity>>.Ok(InMemoryPage(parent.Value!.Associations, page));
    }

    public Task<Result<ResourceAssociationEntity>> CreateOrUpdateAsync(PerimeterPath perimeter, AssociationInput input, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, NspWriter.Everything, ct);
            return parent.Succeeded
                ? await new NspWriter(db, caller).PutAssociationAsync(parent.Value!, input, precondition ?? Precondition.None, ct)
                : parent.Cast<ResourceAssociationEntity>();
        }, cancellationToken);
    }

    /// <summary>Moves an association to another profile of the same perimeter in one write (Azure needs a delete and
    /// a create, which users trip over: reference/nsp.md §6 #3).</summary>
    public Task<Result<ResourceAssociationEntity>> MoveToProfileAsync(PerimeterPath perimeter, string name, string profileName, Caller caller,
        Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(perimeter, name, caller, precondition, (parent, association) =>
            Result<AssociationInput>.Ok(Input(association, profileId: $"{Representation.ResourceIds.Of(parent)}/profiles/{profileName}", association.AccessMode)), cancellationToken);

    /// <summary>Changes the access mode (Learning, shown as Transition, Enforced or Audit). Refuses, saying why, when
    /// the association is already in that mode: nothing silently does nothing.</summary>
    public Task<Result<ResourceAssociationEntity>> ChangeAccessModeAsync(PerimeterPath perimeter, string name, AccessMode mode, Caller caller,
        Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(perimeter, name, caller, precondition, (parent, association) =>
            association.AccessMode == mode
                ? new ServiceError(ServiceErrorKind.Conflict, "AccessModeUnchanged",
                    $"The association '{association.Name}' is already in {mode.DisplayName()} mode; choose another access mode.")
                {
                    Target = "properties.accessMode",
                }
                : Result<AssociationInput>.Ok(Input(association, Representation.ResourceIds.Of(association.Profile!), mode)), cancellationToken);

    public Task<Result<DeleteOutcome>> DeleteAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, NspWriter.Everything, ct);
            if (!parent.Succeeded)
            {
                return Lookup.DeleteOfMissing(parent.Error!, precondition, $"resource association '{name}'");
            }

            var association = Find(parent.Value!, name);
            return !association.Succeeded
                ? Lookup.DeleteOfMissing(association.Error!, precondition, $"resource association '{name}'")
                : new NspWriter(db, caller).DeleteAssociation(parent.Value!, association.Value!, precondition ?? Precondition.None, out _);
        }, cancellationToken);

    /// <summary>POST reconcile: checks the association exists; there is nothing to re-push (reference/nsp.md §1.2).</summary>
    public Task<Result<ResourceAssociationEntity>> ReconcileAsync(PerimeterPath perimeter, string name, CancellationToken cancellationToken = default) =>
        GetAsync(perimeter, name, cancellationToken);

    private Task<Result<ResourceAssociationEntity>> ChangeAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition,
        Func<PerimeterEntity, ResourceAssociationEntity, Result<AssociationInput>> change, CancellationToken cancellationToken) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, NspWriter.Everything, ct);
            if (!parent.Succeeded)
            {
                return parent.Cast<ResourceAssociationEntity>();
            }

            var association = Find(parent.Value!, name);
            if (!association.Succeeded)
            {
                return association;
            }

            var input = change(parent.Value!, association.Value!);
            return input.Succeeded
                ? await new NspWriter(db, caller).PutAssociationAsync(parent.Value!, input.Value!, precondition ?? Precondition.None, ct)
                : input.Cast<ResourceAssociationEntity>();
        }, cancellationToken);

    private Task<Result<PerimeterEntity>> LoadAsync(PerimeterPath perimeter, Func<IQueryable<PerimeterEntity>, IQueryable<PerimeterEntity>> include,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, cancellationToken, include);
    }

    private static Result<ResourceAssociationEntity> Find(PerimeterEntity perimeter, string name) =>
        perimeter.Associations.FirstOrDefault(a => a.NameKey == ArmEntity.NameKeyOf(name)) is { } association
            ? Result<ResourceAssociationEntity>.Ok(association)
            : Lookup.ChildNotFound(perimeter, "resourceAssociations", name);

    private static AssociationInput Input(ResourceAssociationEntity association, string profileId, AccessMode mode) =>
        new(association.Name, Representation.ResourceIds.Of(association.PaasResource!), profileId, mode.ToString());

    internal static Page<T> InMemoryPage<T>(IEnumerable<T> items, PageRequest page) where T : ArmEntity
    {
        var ordered = items.OrderBy(i => i.NameKey, StringComparer.Ordinal).Skip(page.Skip).ToList();
        return page.Top == int.MaxValue || ordered.Count <= page.Top
            ? new Page<T>(ordered, null)
            : new Page<T>(ordered.Take(page.Top).ToList(), page.Skip + page.Top);
    }
}
