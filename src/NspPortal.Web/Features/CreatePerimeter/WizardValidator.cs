using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Services;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;
using NspPortal.Web.Features.Perimeters.Tags;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>Checks a draft field by field with the validators the ARM API uses (FieldValidator, AccessRuleValidator,
/// NspLimits, TagRules) plus what only the database knows: the name already taken in the resource group, a resource
/// already in another perimeter. The service checks all of it again inside the create's transaction.</summary>
public static class WizardValidator
{
    public static async Task<WizardIssues> ValidateAsync(WizardDraft draft, NspDbContext db, WizardChoices choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(choices);
        var issues = new WizardIssues();
        await BasicsAsync(draft, db, choices, issues, cancellationToken);
        Resources(draft, choices, issues);
        Rules(draft, issues);
        if (TagRules.Parse([.. draft.Tags.Select(t => t.Name)], [.. draft.Tags.Select(t => t.Value)]).Problems is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                issues.Error(FieldKeys.Tags, problem);
            }
        }

        return issues;
    }

    private static async Task BasicsAsync(WizardDraft draft, NspDbContext db, WizardChoices choices, WizardIssues issues, CancellationToken ct)
    {
        if (draft.Subscription.Length == 0)
        {
            issues.Error(FieldKeys.Subscription, "Select a subscription.");
        }
        else if (draft.SubscriptionId is not { } id || !choices.Subscriptions.Any(s => s.Id == id))
        {
            issues.Error(FieldKeys.Subscription, "You cannot create resources in this subscription: it needs the Contributor role there.");
        }

        ResourceGroupEntity? group = null;
        if (draft.CreateResourceGroup)
        {
            var name = draft.NewResourceGroup.Trim();
            if (ResourceGroupService.NameError(name) is { } invalid)
            {
                issues.Error(FieldKeys.NewResourceGroup, name.Length == 0 ? "Enter a name for the new resource group." : invalid.Message);
            }
            else if (choices.ResourceGroups.Any(g => string.Equals(g, name, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Error(FieldKeys.NewResourceGroup, $"A resource group named '{name}' already exists; select it under Resource group instead.");
            }
        }
        else if (draft.ResourceGroup.Length == 0)
        {
            issues.Error(FieldKeys.ResourceGroup, "Select a resource group, or create a new one.");
        }
        else if (draft.SubscriptionId is { } subscriptionId)
        {
            var key = ArmEntity.NameKeyOf(draft.ResourceGroup);
            group = await db.ResourceGroups.AsNoTracking().FirstOrDefaultAsync(g => g.SubscriptionId == subscriptionId && g.NameKey == key, ct);
            if (group is null)
            {
                issues.Error(FieldKeys.ResourceGroup, $"The resource group '{draft.ResourceGroup}' does not exist in this subscription.");
            }
        }

        if (FieldValidator.Name(NspResourceKind.Perimeter, draft.Name) is { } nameError)
        {
            issues.Error(FieldKeys.Name, nameError.Message);
        }
        else if (group is not null)
        {
            var key = ArmEntity.NameKeyOf(draft.Name);
            if (await db.Perimeters.AsNoTracking().AnyAsync(p => p.ResourceGroupId == group.Id && p.NameKey == key, ct))
            {
                issues.Error(FieldKeys.Name, $"A network security perimeter named '{draft.Name}' already exists in resource group '{group.Name}'.");
            }
        }

        if (choices.PerimetersInSubscription >= NspLimits.PerimetersPerSubscription.Value)
        {
            issues.Warning(FieldKeys.Name, $"This subscription already has {choices.PerimetersInSubscription} perimeters; Azure recommends at most {NspLimits.PerimetersPerSubscription.Value}.");
        }

        if (draft.Location.Length == 0)
        {
            issues.Error(FieldKeys.Location, "Select a region.");
        }
        else if (AzureRegions.Find(draft.Location) is null)
        {
            issues.Error(FieldKeys.Location, $"'{draft.Location}' is not a region where network security perimeters are available.");
        }

        if (FieldValidator.Name(NspResourceKind.Profile, draft.ProfileName, FieldKeys.ProfileName) is { } profileError)
        {
            issues.Error(FieldKeys.ProfileName, profileError.Message);
        }
    }

    private static void Resources(WizardDraft draft, WizardChoices choices, WizardIssues issues)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var associationNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < draft.Resources.Count; i++)
        {
            var resource = draft.Resources[i];
            var key = FieldKeys.Resource(i);
            if (!seen.Add(resource.Id))
            {
                issues.Error(key, "This resource is listed twice; remove one.");
                continue;
            }

            if (FieldValidator.AccessMode(resource.AccessMode, key, out _) is { } modeError)
            {
                issues.Error(key, modeError.Message);
            }

            if (choices.Resource(resource.Id) is not { } info)
            {
                issues.Error(key, FieldValidator.ResourceId(resource.Id, key)?.Message ?? $"'{resource.Id}' is not a resource of the inventory.");
                continue;
            }

            if (AssociableResourceTypes.Find(info.ResourceType) is null)
            {
                issues.Error(key, $"{info.ResourceType} resources cannot be associated with a network security perimeter.");
            }
            else if (info.PerimeterName is { } other)
            {
                issues.Error(key, $"{info.Name} is already associated with the perimeter '{other}'; a resource belongs to one perimeter at a time. Remove it there first.");
            }
            else if (info.Name.Length > NspLimits.MaxPortalAssociationResourceNameLength)
            {
                // reference/nsp.md §1.1, §2: the association is named {resourceName}-{perimeterGuid}, at most 80 characters.
                issues.Error(key, $"The portal names the association '{info.Name}-<perimeter GUID>', which allows resource names of at most {NspLimits.MaxPortalAssociationResourceNameLength} characters; associate this resource through the API with a shorter association name.");
            }
            else if (!associationNames.Add(info.Name))
            {
                // Both would get the association name {resourceName}-{perimeterGuid}: the second PUT would replace the first.
                issues.Error(key, $"Another selected resource is also named '{info.Name}', and the portal names associations after the resource; remove one here and associate it afterwards from Associated resources with another association name.");
            }
        }

        var limit = NspLimits.AssociationsPerPerimeter;
        if (draft.Resources.Count > limit.Value)
        {
            issues.Warning(FieldKeys.Resources, $"{draft.Resources.Count} resources: Azure recommends at most {limit.Value} {limit.Description}.");
        }
    }

    private static void Rules(WizardDraft draft, WizardIssues issues)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inputs = draft.RuleInputs();
        for (var i = 0; i < draft.Inbound.Count; i++)
        {
            var rule = draft.Inbound[i];
            var empty = rule.SourceType == SourceTypes.Subscriptions
                ? "Enter at least one subscription ID, e.g. 8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f."
                : "Enter at least one IP address range in CIDR notation, e.g. 203.0.113.0/24 or 2001:db8::/32.";
            Rule(inputs[i], FieldKeys.InboundName(i), FieldKeys.InboundSources(i), empty, names, issues);
        }

        for (var i = 0; i < draft.Outbound.Count; i++)
        {
            Rule(inputs[draft.Inbound.Count + i], FieldKeys.OutboundName(i), FieldKeys.OutboundDestinations(i),
                "Enter at least one FQDN, e.g. contoso.com or api.contoso.com.", names, issues);
        }

        var limit = NspLimits.AccessRulesPerProfilePerDirection;
        if (draft.Inbound.Count > limit.Value)
        {
            issues.Error(FieldKeys.Inbound, $"{draft.Inbound.Count} inbound rules: a profile has at most {limit.Value} {limit.Description}.");
        }

        if (draft.Outbound.Count > limit.Value)
        {
            issues.Error(FieldKeys.Outbound, $"{draft.Outbound.Count} outbound rules: a profile has at most {limit.Value} {limit.Description}.");
        }
    }

    private static void Rule(AccessRuleInput input, string nameKey, string valuesKey, string emptyMessage, Dictionary<string, string> names, WizardIssues issues)
    {
        var result = AccessRuleValidator.Validate(input, out _);
        foreach (var issue in result.Issues)
        {
            if (issue.Target == "name")
            {
                issues.Add(nameKey, new WizardIssue(issue.Message, issue.IsError));
            }
            else if (issue.Code == ErrorCodes.AccessRuleMissingRuleType)
            {
                issues.Error(valuesKey, emptyMessage);
            }
            else
            {
                issues.Add(valuesKey, new WizardIssue(issue.Message, issue.IsError, issue.Code == ErrorCodes.AddressPrefixHasHostBits ? Normalised(input, issue.Target) : null));
            }
        }

        if (!string.IsNullOrEmpty(input.Name) && !names.TryAdd(input.Name, nameKey))
        {
            issues.Error(nameKey, $"The profile already has a rule named '{input.Name}' (rule names are unique in a profile, inbound and outbound together).");
        }
    }

    /// <summary>The prefix with its host bits cleared, for the "Use …" button (<c>10.0.0.1/8</c> → <c>10.0.0.0/8</c>).</summary>
    private static string? Normalised(AccessRuleInput input, string target)
    {
        var open = target.LastIndexOf('[');
        if (open < 0 || !int.TryParse(target.AsSpan(open + 1, target.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || input.AddressPrefixes is not { } prefixes || index >= prefixes.Count || prefixes[index] is not { } text)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IpAddressKey.TryParse(text[..slash], out var address, out _)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= (address.IsIPv4 ? 32 : 128)
            ? IpPrefix.Create(address, length).ToString()
            : null;
    }

    /// <summary>Where the service's refusal belongs: its target (<c>rules[2].properties…</c>, <c>associations[1]…</c>)
    /// names the part; anything else is shown on Review + create.</summary>
    public static WizardIssues FromServiceError(ServiceError error, WizardDraft draft)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(draft);
        var issues = new WizardIssues();
        var target = error.Target ?? "";
        var field = target switch
        {
            "name" => FieldKeys.Name,
            "location" => FieldKeys.Location,
            _ when target.StartsWith("resourceGroup", StringComparison.Ordinal) => draft.CreateResourceGroup ? FieldKeys.NewResourceGroup : FieldKeys.ResourceGroup,
            _ when target.StartsWith("profileName", StringComparison.Ordinal) => FieldKeys.ProfileName,
            _ when Indexed(target, "rules[") is { } i => i < draft.Inbound.Count
                ? (target.EndsWith(".name", StringComparison.Ordinal) ? FieldKeys.InboundName(i) : FieldKeys.InboundSources(i))
                : (target.EndsWith(".name", StringComparison.Ordinal) ? FieldKeys.OutboundName(i - draft.Inbound.Count) : FieldKeys.OutboundDestinations(i - draft.Inbound.Count)),
            _ when Indexed(target, "associations[") is { } i => FieldKeys.Resource(i),
            _ => FieldKeys.Create,
        };
        issues.Error(field, error.Message);
        return issues;
    }

    private static int? Indexed(string target, string prefix)
    {
        if (!target.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var close = target.IndexOf(']', StringComparison.Ordinal);
        return close > prefix.Length && int.TryParse(target.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }
}
