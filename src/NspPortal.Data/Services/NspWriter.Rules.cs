using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;

namespace NspPortal.Data.Services;

internal sealed partial class NspWriter
{
    /// <summary>Creates or replaces an access rule in a profile loaded with its rules and perimeter chain. The body is
    /// validated by <see cref="AccessRuleValidator"/> (names, values, one rule type, the direction matrix), the
    /// per-profile limit by <see cref="ConfigurationValidator"/>; values are stored normalised. Every change bumps the
    /// profile's <c>accessRulesVersion</c> (reference/nsp.md §1.3).</summary>
    public Result<AccessRuleEntity> PutRule(ProfileEntity profile, AccessRuleInput input, Precondition precondition) =>
        PutRuleAsync(profile, input, precondition, rulesLoaded: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>As <see cref="PutRule"/>; with <paramref name="rulesLoaded"/> false the profile holds only the rule being
    /// written (if it exists), and the per-direction count is asked from the database — the profile's other rules are
    /// loaded only when the limit is exceeded, to word the error.</summary>
    public async Task<Result<AccessRuleEntity>> PutRuleAsync(ProfileEntity profile, AccessRuleInput input, Precondition precondition, bool rulesLoaded,
        CancellationToken cancellationToken)
    {
        var name = input.Name ?? "";
        var existing = profile.AccessRules.FirstOrDefault(r => r.NameKey == ArmEntity.NameKeyOf(name));
        if (precondition.Check(existing?.ETag, $"access rule '{name}'") is { } failed)
        {
            return failed;
        }

        if (existing is { IsGeneratedByLink: true })
        {
            return GeneratedRuleIsReadOnly(existing);
        }

        var validation = AccessRuleValidator.Validate(input, out var rule);
        if (ServiceError.FromValidation(validation) is { } invalid)
        {
            return invalid;
        }

        var entity = existing ?? new AccessRuleEntity { Name = name, Profile = profile, ProfileId = profile.Id };
        entity.Direction = rule!.Direction;
        entity.AddressPrefixes = [.. rule.AddressPrefixes.Select(p => p.ToString())];
        entity.Subscriptions = [.. rule.Subscriptions.Select(s => s.ToString())];
        entity.FullyQualifiedDomainNames = [.. rule.FullyQualifiedDomainNames.Select(f => f.ToString())];
        entity.ServiceTags = [.. rule.ServiceTags];
        entity.EmailAddresses = [];
        entity.PhoneNumbers = [];
        if (existing is null)
        {
            profile.AccessRules.Add(entity);
        }

        if (!rulesLoaded)
        {
            var others = await db.AccessRules.CountAsync(r => r.ProfileId == profile.Id && r.Direction == entity.Direction && r.Id != entity.Id, cancellationToken);
            if (others + 1 > NspLimits.AccessRulesPerProfilePerDirection.Value)
            {
                await db.Entry(profile).Collection(p => p.AccessRules).LoadAsync(cancellationToken);
            }
        }

        if (LimitError(profile, entity) is { } overLimit)
        {
            if (existing is null)
            {
                profile.AccessRules.Remove(entity);
            }

            return overLimit;
        }

        if (existing is null)
        {
            Writes.StampCreated(entity, caller, now);
            db.AccessRules.Add(entity);
        }
        else
        {
            Writes.StampModified(entity, caller, now);
        }

        BumpRulesVersion(profile);
        return Result<AccessRuleEntity>.Ok(entity, created: existing is null);
    }

    public Result<DeleteOutcome> DeleteRule(ProfileEntity profile, AccessRuleEntity rule, Precondition precondition)
    {
        if (precondition.Check(rule.ETag, $"access rule '{rule.Name}'") is { } failed)
        {
            return failed;
        }

        if (rule.IsGeneratedByLink)
        {
            return GeneratedRuleIsReadOnly(rule);
        }

        db.AccessRules.Remove(rule);
        profile.AccessRules.Remove(rule);
        BumpRulesVersion(profile);
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
    }

    /// <summary>The profile's access rules changed: a new <c>accessRulesVersion</c> and ETag (not a caller's write of
    /// the profile, so its systemData and the activity log are left alone).</summary>
    private static void BumpRulesVersion(ProfileEntity profile)
    {
        profile.AccessRulesVersion++;
        profile.ETag = ArmEntity.NewETag();
    }

    /// <summary>The hard limit of rules per profile and direction (reference/nsp.md §2), as the engine words it.</summary>
    private static ServiceError? LimitError(ProfileEntity profile, AccessRuleEntity written)
    {
        var limit = NspLimits.AccessRulesPerProfilePerDirection;
        if (profile.AccessRules.Count(r => r.Direction == written.Direction) <= limit.Value)
        {
            return null;
        }

        var perimeter = EngineMapping.ToPerimeter(new PerimeterEntity
        {
            Name = profile.Perimeter!.Name,
            ResourceGroup = profile.Perimeter.ResourceGroup,
            PerimeterGuid = profile.Perimeter.PerimeterGuid,
            Profiles = [profile],
        });
        var result = ConfigurationValidator.Validate(new NspConfiguration { Perimeters = [perimeter] });
        return EngineMapping.ErrorsFor(result, ResourceIds.Of(written));
    }

    private static ServiceError GeneratedRuleIsReadOnly(AccessRuleEntity rule) =>
        new(ServiceErrorKind.Conflict, "AccessRuleManagedByLink",
            $"The access rule '{rule.Name}' was generated by a perimeter link and is read-only; change or delete the link instead.");
}
