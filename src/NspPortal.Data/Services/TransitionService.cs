using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Validation;
using DraftEntity = NspPortal.Data.Traffic.ProfileDraft;
using EngineDraft = NspPortal.Engine.Transition.ProfileDraft;

namespace NspPortal.Data.Services;

/// <summary>A stored draft with its engine form.</summary>
public sealed record DraftState(DraftEntity Entity, EngineDraft Draft);

/// <summary>What applying a draft changed.</summary>
public sealed record DraftApplied(int RulesWritten, int RulesDeleted, int ResourcesAssociated, long AccessRulesVersion);

/// <summary>What the transition view showed before a mode switch (stored with the switch in <c>AccessModeChanges</c>).</summary>
public sealed record ModeSwitchImpact(long LoggedConnections, long NewlyDenied, string? ImpactJson);

/// <summary>The writes of the transition view (issue 7): profile drafts collected from suggestions, applying a draft in one
/// transaction through <see cref="NspWriter"/> (validators, <c>accessRulesVersion</c>, activity log), and the guarded
/// access-mode switch that records who switched and why.</summary>
public sealed class TransitionService(NspDbContext db)
{
    /// <summary>Shown when a draft changed after the page showed it.</summary>
    public const string DraftChanged = "Someone else changed this draft after you opened it, so nothing was changed. This is the current draft; make your change again.";

    /// <summary>The draft of a profile, or null when there is none (or it no longer reads).</summary>
    public async Task<DraftState?> GetDraftAsync(Guid perimeterId, string profileName, CancellationToken cancellationToken = default)
    {
        var key = profileName.ToUpperInvariant();
        var entity = await db.ProfileDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.PerimeterId == perimeterId && d.ProfileNameKey == key, cancellationToken);
        return entity is not null && ProfileDraftJson.TryRead(entity.RulesJson, out var draft, out _) ? new DraftState(entity, draft) : null;
    }

    /// <summary>The drafts of a perimeter, by profile name.</summary>
    public async Task<IReadOnlyList<DraftState>> DraftsAsync(Guid perimeterId, CancellationToken cancellationToken = default)
    {
        var entities = await db.ProfileDrafts.AsNoTracking().Where(d => d.PerimeterId == perimeterId).ToListAsync(cancellationToken);
        return [.. entities.Select(e => ProfileDraftJson.TryRead(e.RulesJson, out var d, out _) ? new DraftState(e, d) : null).OfType<DraftState>()
            .OrderBy(d => d.Entity.ProfileNameKey, StringComparer.Ordinal)];
    }

    /// <summary>Adds suggestions to the profile's draft, creating the draft from the live rules when there is none.
    /// <paramref name="etag"/> is the draft's ETag the page showed (null when it showed none).</summary>
    public Task<Result<DraftEntity>> AddToDraftAsync(PerimeterPath perimeter, string profileName, IReadOnlyList<Suggestion> suggestions, string? etag,
        Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return ChangeDraftAsync(perimeter, profileName, etag, caller, createIfMissing: true, draft =>
        {
            foreach (var suggestion in suggestions)
            {
                draft = draft.Add(suggestion, out var error);
                if (error is not null)
                {
                    return ServiceError.Invalid(error.Code, error.Message, "suggestion");
                }
            }

            return Result<EngineDraft>.Ok(draft);
        }, cancellationToken);
    }

    /// <summary>Removes one rule from the draft (the rule is then deleted from the profile when the draft is applied).</summary>
    public Task<Result<DraftEntity>> RemoveRuleFromDraftAsync(PerimeterPath perimeter, string profileName, string ruleName, string? etag, Caller caller,
        CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(perimeter, profileName, etag, caller, createIfMissing: false, draft =>
            draft.Rules.Any(r => string.Equals(r.Name, ruleName, StringComparison.OrdinalIgnoreCase))
                ? Result<EngineDraft>.Ok(draft.RemoveRule(ruleName))
                : new ServiceError(ServiceErrorKind.NotFound, "RuleNotInDraft", $"The draft of profile '{profileName}' has no rule '{ruleName}'."),
            cancellationToken);

    /// <summary>Deletes the profile's draft.</summary>
    public Task<Result<DeleteOutcome>> DiscardDraftAsync(PerimeterPath perimeter, string profileName, string? etag, Caller caller,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, ct);
            if (!parent.Succeeded)
            {
                return parent.Cast<DeleteOutcome>();
            }

            var entity = await FindDraftAsync(parent.Value!.Id, profileName, ct);
            if (entity is null)
            {
                return NoDraft(profileName);
            }

            if (etag is not null && !string.Equals(etag, entity.ETag, StringComparison.Ordinal))
            {
                return new ServiceError(ServiceErrorKind.PreconditionFailed, "DraftChanged", DraftChanged);
            }

            db.ProfileDrafts.Remove(entity);
            return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
        }, cancellationToken);

    /// <summary>Applies the profile's draft in one transaction: every added or changed rule is written and every removed
    /// rule deleted through <see cref="NspWriter"/> (the API's validators and limits; each bumps <c>accessRulesVersion</c>;
    /// the activity log records each), the draft's resources are associated in Learning mode, and the draft is deleted.
    /// Refused when the draft changed (<paramref name="etag"/>) or the live profile changed (<paramref name="accessRulesVersion"/>)
    /// since the page showed the diff, and when the draft changes nothing.</summary>
    public Task<Result<DraftApplied>> ApplyDraftAsync(PerimeterPath perimeter, string profileName, string etag, long accessRulesVersion, Caller caller,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, ct, NspWriter.Everything);
            if (!parent.Succeeded)
            {
                return parent.Cast<DraftApplied>();
            }

            var entity = await FindDraftAsync(parent.Value!.Id, profileName, ct);
            if (entity is null || !string.Equals(etag, entity.ETag, StringComparison.Ordinal))
            {
                return new ServiceError(ServiceErrorKind.PreconditionFailed, "DraftChanged", entity is null
                    ? "This draft no longer exists (it was applied or discarded by someone else); nothing was changed."
                    : DraftChanged);
            }

            var profile = parent.Value.Profiles.FirstOrDefault(p => p.NameKey == ArmEntity.NameKeyOf(profileName));
            if (profile is null)
            {
                return Lookup.ChildNotFound(parent.Value, "profiles", profileName);
            }

            if (profile.AccessRulesVersion != accessRulesVersion)
            {
                return new ServiceError(ServiceErrorKind.PreconditionFailed, "ProfileChanged",
                    $"The rules of profile '{profile.Name}' changed after you opened the draft (accessRulesVersion is now {profile.AccessRulesVersion}); nothing was applied. Review the diff again.");
            }

            if (!ProfileDraftJson.TryRead(entity.RulesJson, out var draft, out var readError))
            {
                return ServiceError.Invalid("InvalidDraft", readError ?? "The draft does not read.");
            }

            return await ApplyAsync(parent.Value, profile, entity, draft, caller, ct);
        }, cancellationToken);

    /// <summary>Switches an association's access mode and records the switch (who, why, the impact shown) in the same
    /// transaction. Refused when the association changed since the page showed it (<paramref name="precondition"/>), when it
    /// already has that mode, and when a switch to Enforced gives no reason.</summary>
    public Task<Result<ResourceAssociationEntity>> SwitchAccessModeAsync(PerimeterPath perimeter, string associationName, AccessMode mode, string? reason,
        ModeSwitchImpact? impact, Caller caller, Precondition precondition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var why = reason?.Trim() ?? "";
        if (mode == AccessMode.Enforced && why.Length == 0)
        {
            return Task.FromResult<Result<ResourceAssociationEntity>>(ServiceError.Invalid("ReasonRequired", "Say why you switch to Enforced; the reason is recorded with the switch.", "reason"));
        }

        if (why.Length > 2000)
        {
            return Task.FromResult<Result<ResourceAssociationEntity>>(ServiceError.Invalid("ReasonTooLong", "The reason can be at most 2000 characters.", "reason"));
        }

        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, ct, NspWriter.Everything);
            if (!parent.Succeeded)
            {
                return parent.Cast<ResourceAssociationEntity>();
            }

            var association = parent.Value!.Associations.FirstOrDefault(a => a.NameKey == ArmEntity.NameKeyOf(associationName));
            if (association is null)
            {
                return Lookup.ChildNotFound(parent.Value, "resourceAssociations", associationName);
            }

            if (precondition.Check(association.ETag, $"resource association '{association.Name}'") is { } failed)
            {
                return failed;
            }

            var from = association.AccessMode;
            if (from == mode)
            {
                return new ServiceError(ServiceErrorKind.Conflict, "AccessModeUnchanged",
                    $"The association '{association.Name}' is already in {mode.DisplayName()} mode; choose another access mode.")
                {
                    Target = "properties.accessMode",
                };
            }

            var profile = parent.Value.Profiles.First(p => p.Id == association.ProfileId);
            var input = new AssociationInput(association.Name, ResourceIds.Of(association.PaasResource!), ResourceIds.Of(profile), mode.ToString());
            var written = await new NspWriter(db, caller).PutAssociationAsync(parent.Value, input, Precondition.None, ct);
            if (!written.Succeeded)
            {
                return written;
            }

            db.AccessModeChanges.Add(new AccessModeChange
            {
                AssociationId = association.Id,
                PerimeterId = parent.Value.Id,
                AssociationResourceId = ResourceIds.Of(association),
                From = from,
                To = mode,
                ChangedBy = caller.Name,
                Reason = why.Length == 0 ? $"Returned to {mode.DisplayName()}" : why,
                ChangedAt = Writes.Now(),
                WouldBeDenied = impact?.NewlyDenied,
                LoggedConnections = impact?.LoggedConnections,
                ImpactJson = impact?.ImpactJson,
            });
            return written;
        }, cancellationToken);
    }

    /// <summary>The recorded access-mode switches of a perimeter, newest first.</summary>
    public async Task<IReadOnlyList<AccessModeChange>> ModeChangesAsync(Guid perimeterId, int take = 20, CancellationToken cancellationToken = default) =>
        await db.AccessModeChanges.AsNoTracking().Where(c => c.PerimeterId == perimeterId)
            .OrderByDescending(c => c.ChangedAt).Take(take).ToListAsync(cancellationToken);

    private async Task<Result<DraftApplied>> ApplyAsync(PerimeterEntity perimeter, ProfileEntity profile, DraftEntity entity, EngineDraft draft, Caller caller,
        CancellationToken ct)
    {
        var diff = DraftDiff.Compare(EngineMapping.ToProfile(profile).AccessRules, draft);
        if (diff.IsEmpty)
        {
            return new ServiceError(ServiceErrorKind.Conflict, "DraftUnchanged", "The draft is the same as the live profile; there is nothing to apply.");
        }

        var writer = new NspWriter(db, caller);
        int written = 0, deleted = 0, associated = 0;
        foreach (var change in diff.Rules)
        {
            if (change.Kind == RuleChangeKind.Removed)
            {
                var rule = profile.AccessRules.First(r => r.NameKey == ArmEntity.NameKeyOf(change.Name));
                var removal = writer.DeleteRule(profile, rule, Precondition.None);
                if (!removal.Succeeded)
                {
                    return removal.Cast<DraftApplied>();
                }

                deleted++;
                continue;
            }

            var draftRule = draft.Rules.First(r => string.Equals(r.Name, change.Name, StringComparison.OrdinalIgnoreCase));
            var put = writer.PutRule(profile, Input(draftRule), Precondition.None);
            if (!put.Succeeded)
            {
                return put.Cast<DraftApplied>();
            }

            written++;
        }

        var associatedIds = await db.ResourceAssociations.Select(a => a.PaasResourceId).ToListAsync(ct);
        foreach (var resource in draft.AddResources)
        {
            var key = resource.Value.ToUpperInvariant();
            var paas = await db.PaasResources.Include(r => r.ResourceGroup).FirstOrDefaultAsync(r => r.ResourceIdKey == key, ct);
            if (paas is null)
            {
                return ServiceError.Invalid("ResourceNotFound", $"The resource '{resource.Value}' is not in the inventory, so it cannot be associated.", "addResources");
            }

            if (associatedIds.Contains(paas.Id))
            {
                continue; // associated meanwhile (here or elsewhere): a resource has one association at a time
            }

            var put = await writer.PutAssociationAsync(perimeter,
                new AssociationInput(ConfigurationEdits.DraftAssociationName(resource), resource.Value, ResourceIds.Of(profile), nameof(AccessMode.Learning)),
                Precondition.None, ct);
            if (!put.Succeeded)
            {
                return put.Cast<DraftApplied>();
            }

            associated++;
        }

        db.ProfileDrafts.Remove(entity);
        return Result<DraftApplied>.Ok(new DraftApplied(written, deleted, associated, profile.AccessRulesVersion));
    }

    private static AccessRuleInput Input(AccessRule rule) => new()
    {
        Name = rule.Name,
        Direction = rule.Direction.ToString(),
        AddressPrefixes = [.. rule.AddressPrefixes.Select(p => p.ToString())],
        Subscriptions = [.. rule.Subscriptions.Select(s => s.ToString())],
        FullyQualifiedDomainNames = [.. rule.FullyQualifiedDomainNames.Select(f => f.Value)],
        ServiceTags = [.. rule.ServiceTags],
    };

    private Task<Result<DraftEntity>> ChangeDraftAsync(PerimeterPath perimeter, string profileName, string? etag, Caller caller, bool createIfMissing,
        Func<EngineDraft, Result<EngineDraft>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var profile = await new Lookup(db).ProfileAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, profileName, ct,
                q => q.Include(p => p.AccessRules));
            if (!profile.Succeeded)
            {
                return profile.Cast<DraftEntity>();
            }

            var entity = await FindDraftAsync(profile.Value!.PerimeterId, profile.Value.Name, ct);
            if (entity is null && !createIfMissing)
            {
                return NoDraft(profileName);
            }

            if (entity is not null && etag is not null && !string.Equals(etag, entity.ETag, StringComparison.Ordinal))
            {
                return new ServiceError(ServiceErrorKind.PreconditionFailed, "DraftChanged", DraftChanged);
            }

            var current = entity is not null && ProfileDraftJson.TryRead(entity.RulesJson, out var stored, out _)
                ? stored
                : EngineDraft.FromProfile(EngineMapping.ToProfile(profile.Value));
            var changed = change(current);
            if (!changed.Succeeded)
            {
                return changed.Cast<DraftEntity>();
            }

            var now = Writes.Now();
            if (entity is null)
            {
                entity = new DraftEntity { PerimeterId = profile.Value.PerimeterId, ProfileName = profile.Value.Name, CreatedBy = caller.Name, CreatedAt = now };
                db.ProfileDrafts.Add(entity);
            }

            entity.RulesJson = ProfileDraftJson.Write(changed.Value!);
            entity.UpdatedAt = now;
            entity.ETag = Guid.NewGuid().ToString("N");
            return Result<DraftEntity>.Ok(entity);
        }, cancellationToken);
    }

    private static ServiceError NoDraft(string profileName) =>
        new(ServiceErrorKind.NotFound, "DraftNotFound", $"There is no draft for profile '{profileName}' (it was applied or discarded); nothing was changed.");

    private Task<DraftEntity?> FindDraftAsync(Guid perimeterId, string profileName, CancellationToken cancellationToken)
    {
        var key = profileName.ToUpperInvariant();
        return db.ProfileDrafts.FirstOrDefaultAsync(d => d.PerimeterId == perimeterId && d.ProfileNameKey == key, cancellationToken);
    }
}
