using NspPortal.Data.Entities;

namespace NspPortal.Data.Services;

/// <summary>Profiles (<c>networkSecurityPerimeters/profiles</c>): named sets of access rules.</summary>
public sealed class ProfileService(NspDbContext db)
{
    public Task<Result<ProfileEntity>> GetAsync(PerimeterPath perimeter, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return new Lookup(db).ProfileAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, name, cancellationToken);
    }

    public async Task<Result<Page<ProfileEntity>>> ListAsync(PerimeterPath perimeter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        ArgumentNullException.ThrowIfNull(page);
        var parent = await new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, cancellationToken);
        if (!parent.Succeeded)
        {
            return parent.Cast<Page<ProfileEntity>>();
        }

        var ordered = db.Profiles.Where(p => p.PerimeterId == parent.Value!.Id).OrderBy(p => p.NameKey);
        return Result<Page<ProfileEntity>>.Ok(await Lookup.PageAsync(ordered, page, cancellationToken));
    }

    /// <summary>Creates a profile; a PUT of an existing profile returns it unchanged (200, reference/nsp.md §1.2).</summary>
    public Task<Result<ProfileEntity>> CreateOrUpdateAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, ct, NspWriter.Everything);
            return parent.Succeeded ? new NspWriter(db, caller).PutProfile(parent.Value!, name, precondition ?? Precondition.None) : parent.Cast<ProfileEntity>();
        }, cancellationToken);
    }

    /// <summary>Deletes a profile and its rules; refused (409 <c>ProfileInUse</c>) while associations use it.</summary>
    public Task<Result<DeleteOutcome>> DeleteAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, ct, NspWriter.Everything);
            if (!parent.Succeeded)
            {
                return Lookup.DeleteOfMissing(parent.Error!, precondition, $"profile '{name}'");
            }

            var profile = parent.Value!.Profiles.FirstOrDefault(p => p.NameKey == ArmEntity.NameKeyOf(name));
            return profile is null
                ? Lookup.DeleteOfMissing(Lookup.ChildNotFound(parent.Value, "profiles", name), precondition, $"profile '{name}'")
                : new NspWriter(db, caller).DeleteProfile(parent.Value, profile, precondition ?? Precondition.None);
        }, cancellationToken);
    }
}
