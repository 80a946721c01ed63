using NspPortal.Data.Entities;

namespace NspPortal.Data.Services;

/// <summary>Perimeter links and link references (reference/nsp.md §1.3, §4.5). A link creates its reference on the
/// remote perimeter with status Approved and the read-only perimeter-based rules on both sides; either side may end it.</summary>
public sealed class LinkService(NspDbContext db)
{
    public async Task<Result<LinkEntity>> GetAsync(PerimeterPath perimeter, string name, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, cancellationToken);
        return !parent.Succeeded ? parent.Cast<LinkEntity>() : FindLink(parent.Value!, name);
    }

    public async Task<Result<Page<LinkEntity>>> ListAsync(PerimeterPath perimeter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, cancellationToken);
        return !parent.Succeeded ? parent.Cast<Page<LinkEntity>>() : Result<Page<LinkEntity>>.Ok(AssociationService.InMemoryPage(parent.Value!.Links, page));
    }

    public Task<Result<LinkEntity>> CreateOrUpdateAsync(PerimeterPath perimeter, LinkInput input, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, ct);
            return parent.Succeeded
                ? await new NspWriter(db, caller).PutLinkAsync(parent.Value!, input, precondition ?? Precondition.None, ct)
                : parent.Cast<LinkEntity>();
        }, cancellationToken);
    }

    public Task<Result<DeleteOutcome>> DeleteAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, ct);
            if (!parent.Succeeded)
            {
                return Lookup.DeleteOfMissing(parent.Error!, precondition, $"link '{name}'");
            }

            var link = FindLink(parent.Value!, name);
            return !link.Succeeded
                ? Lookup.DeleteOfMissing(link.Error!, precondition, $"link '{name}'")
                : await new NspWriter(db, caller).DeleteLinkAsync(parent.Value!, link.Value!, precondition ?? Precondition.None, ct);
        }, cancellationToken);

    public async Task<Result<LinkReferenceEntity>> GetReferenceAsync(PerimeterPath perimeter, string name, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, cancellationToken);
        return !parent.Succeeded ? parent.Cast<LinkReferenceEntity>() : FindReference(parent.Value!, name);
    }

    public async Task<Result<Page<LinkReferenceEntity>>> ListReferencesAsync(PerimeterPath perimeter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, cancellationToken);
        return !parent.Succeeded
            ? parent.Cast<Page<LinkReferenceEntity>>()
            : Result<Page<LinkReferenceEntity>>.Ok(AssociationService.InMemoryPage(parent.Value!.LinkReferences, page));
    }

    public Task<Result<DeleteOutcome>> DeleteReferenceAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, ct);
            if (!parent.Succeeded)
            {
                return Lookup.DeleteOfMissing(parent.Error!, precondition, $"link reference '{name}'");
            }

            var reference = FindReference(parent.Value!, name);
            return !reference.Succeeded
                ? Lookup.DeleteOfMissing(reference.Error!, precondition, $"link reference '{name}'")
                : await new NspWriter(db, caller).DeleteLinkReferenceAsync(parent.Value!, reference.Value!, precondition ?? Precondition.None, ct);
        }, cancellationToken);

    private Task<Result<PerimeterEntity>> LoadAsync(PerimeterPath perimeter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, cancellationToken, NspWriter.Everything);
    }

    private static Result<LinkEntity> FindLink(PerimeterEntity perimeter, string name) =>
        perimeter.Links.FirstOrDefault(l => l.NameKey == ArmEntity.NameKeyOf(name)) is { } link
            ? Result<LinkEntity>.Ok(link)
            : Lookup.ChildNotFound(perimeter, "links", name);

    private static Result<LinkReferenceEntity> FindReference(PerimeterEntity perimeter, string name) =>
        perimeter.LinkReferences.FirstOrDefault(l => l.NameKey == ArmEntity.NameKeyOf(name)) is { } reference
            ? Result<LinkReferenceEntity>.Ok(reference)
            : Lookup.ChildNotFound(perimeter, "linkReferences", name);
}
