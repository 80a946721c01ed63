using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Engine.Validation;

namespace NspPortal.Data.Services;

/// <summary>Access rules (<c>profiles/accessRules</c>): create or replace, delete, reconcile, and the portal's bulk
/// replacement of a rule's address prefixes. Every change bumps the profile's <c>accessRulesVersion</c>.</summary>
public sealed class AccessRuleService(NspDbContext db)
{
    public async Task<Result<AccessRuleEntity>> GetAsync(PerimeterPath perimeter, string profile, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var parent = await new Lookup(db).ProfileAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, profile, cancellationToken);
        if (!parent.Succeeded)
        {
            return parent.Cast<AccessRuleEntity>();
        }

        var key = ArmEntity.NameKeyOf(name);
        var rule = await db.AccessRules.FirstOrDefaultAsync(r => r.ProfileId == parent.Value!.Id && r.NameKey == key, cancellationToken);
        return rule is null ? NotFound(parent.Value!, name) : Result<AccessRuleEntity>.Ok(rule);
    }

    public async Task<Result<Page<AccessRuleEntity>>> ListAsync(PerimeterPath perimeter, string profile, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        ArgumentNullException.ThrowIfNull(page);
        var parent = await new Lookup(db).ProfileAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, profile, cancellationToken);
        if (!parent.Succeeded)
        {
            return parent.Cast<Page<AccessRuleEntity>>();
        }

        var ordered = db.AccessRules.Where(r => r.ProfileId == parent.Value!.Id).OrderBy(r => r.NameKey);
        return Result<Page<AccessRuleEntity>>.Ok(await Lookup.PageAsync(ordered, page, cancellationToken));
    }

    /// <summary>Creates or replaces a rule; the rule name is <see cref="AccessRuleInput.Name"/>.</summary>
    public Task<Result<AccessRuleEntity>> CreateOrUpdateAsync(PerimeterPath perimeter, string profile, AccessRuleInput rule, Caller caller,
        Precondition? precondition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        ArgumentNullException.ThrowIfNull(rule);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            // Only the rule written is loaded (a profile may hold 400 rules); the writer counts the others in the database.
            var parent = await new Lookup(db).ProfileAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, profile, ct);
            if (!parent.Succeeded)
            {
                return parent.Cast<AccessRuleEntity>();
            }

            var key = ArmEntity.NameKeyOf(rule.Name ?? "");
            await db.AccessRules.Where(r => r.ProfileId == parent.Value!.Id && r.NameKey == key).LoadAsync(ct);
            return await new NspWriter(db, caller).PutRuleAsync(parent.Value!, rule, precondition ?? Precondition.None, rulesLoaded: false, ct);
        }, cancellationToken);
    }

    /// <summary>Replaces the address prefixes of an existing inbound IP rule in one write (the portal's bulk edit).</summary>
    public Task<Result<AccessRuleEntity>> ReplaceAddressPrefixesAsync(PerimeterPath perimeter, string profile, string name, IReadOnlyList<string> addressPrefixes,
        Caller caller, Precondition? precondition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        ArgumentNullException.ThrowIfNull(addressPrefixes);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadProfileAsync(perimeter, profile, ct);
            if (!parent.Succeeded)
            {
                return parent.Cast<AccessRuleEntity>();
            }

            var existing = parent.Value!.AccessRules.FirstOrDefault(r => r.NameKey == ArmEntity.NameKeyOf(name));
            if (existing is null)
            {
                return NotFound(parent.Value, name);
            }

            var input = new AccessRuleInput
            {
                Name = existing.Name,
                Direction = existing.Direction.ToString(),
                AddressPrefixes = [.. addressPrefixes],
            };
            return new NspWriter(db, caller).PutRule(parent.Value, input, precondition ?? Precondition.None);
        }, cancellationToken);
    }

    public Task<Result<DeleteOutcome>> DeleteAsync(PerimeterPath perimeter, string profile, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadProfileAsync(perimeter, profile, ct);
            if (!parent.Succeeded)
            {
                return Lookup.DeleteOfMissing(parent.Error!, precondition, $"access rule '{name}'");
            }

            var rule = parent.Value!.AccessRules.FirstOrDefault(r => r.NameKey == ArmEntity.NameKeyOf(name));
            return rule is null
                ? Lookup.DeleteOfMissing(NotFound(parent.Value, name).Error!, precondition, $"access rule '{name}'")
                : new NspWriter(db, caller).DeleteRule(parent.Value, rule, precondition ?? Precondition.None);
        }, cancellationToken);
    }

    /// <summary>POST reconcile: Azure re-pushes the rule to the PaaS resources; here rules apply at once, so it only
    /// checks the rule exists (reference/nsp.md §1.2).</summary>
    public Task<Result<AccessRuleEntity>> ReconcileAsync(PerimeterPath perimeter, string profile, string name, CancellationToken cancellationToken = default) =>
        GetAsync(perimeter, profile, name, cancellationToken);

    private Task<Result<ProfileEntity>> LoadProfileAsync(PerimeterPath perimeter, string profile, CancellationToken cancellationToken) =>
        new Lookup(db).ProfileAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, profile, cancellationToken,
            q => q.Include(p => p.AccessRules));

    private static Result<AccessRuleEntity> NotFound(ProfileEntity profile, string name) =>
        ArmErrors.ResourceNotFound($"{Representation.ResourceTypes.Perimeter}/{profile.Perimeter!.Name}/profiles/{profile.Name}/accessRules/{name}",
            profile.Perimeter.ResourceGroup!.Name);
}
