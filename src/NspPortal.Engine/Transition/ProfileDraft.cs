using System.Collections.Immutable;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>A draft of one profile's access rules (the "spec" next to the live "status", peers.md A.1/A.6 #2): the
/// complete rule set the profile should have once the draft is applied, plus resources to associate with the
/// perimeter (in Transition (Learning) mode). A draft starts as a copy of the live rules.</summary>
public sealed record ProfileDraft(string ProfileName)
{
    /// <summary>Rule names suggestions are collected under (one per kind, created on first use).</summary>
    public const string SuggestedPrefixesRule = "suggested-inbound-prefixes";

    /// <summary>See <see cref="SuggestedPrefixesRule"/>.</summary>
    public const string SuggestedSubscriptionsRule = "suggested-subscriptions";

    /// <summary>See <see cref="SuggestedPrefixesRule"/>.</summary>
    public const string SuggestedFqdnsRule = "suggested-outbound-fqdns";

    /// <summary>The rules, in name order.</summary>
    public ImmutableArray<AccessRule> Rules { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Resources to associate with the perimeter when the draft is applied.</summary>
    public ImmutableArray<ArmResourceId> AddResources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>A draft equal to the live profile.</summary>
    public static ProfileDraft FromProfile(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ProfileDraft(profile.Name)
        {
            Rules = [.. profile.AccessRules.Where(IsDraftable).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
        };
    }

    /// <summary>True for rules a draft holds: every rule except the link-generated perimeter rules
    /// (<c>networkSecurityPerimeters</c>, read-only, reference/nsp.md §4.5), which stay as they are.</summary>
    public static bool IsDraftable(AccessRule rule) => rule is not null && rule.NetworkSecurityPerimeters.IsEmpty;

    /// <summary>Adds a suggestion: a prefix, subscription or FQDN joins the <c>suggested-…</c> rule of its kind (created
    /// when missing); a resource joins <see cref="AddResources"/>. Adding what the draft already holds changes nothing.
    /// Returns an error (and the draft unchanged) when the value does not parse or the rule would pass a limit.</summary>
    public ProfileDraft Add(Suggestion suggestion, out ValidationError? error)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        error = null;
        switch (suggestion.Kind)
        {
            case SuggestionKind.AddressPrefix when IpPrefix.TryParse(suggestion.Value, out var prefix, out _):
                return Extend(SuggestedPrefixesRule, AccessRuleDirection.Inbound,
                    r => r.AddressPrefixes.Contains(prefix) ? r : r with { AddressPrefixes = r.AddressPrefixes.Add(prefix) }, out error);
            case SuggestionKind.Subscription when SubscriptionId.TryParse(suggestion.Value, out var subscription, out _):
                return Extend(SuggestedSubscriptionsRule, AccessRuleDirection.Inbound,
                    r => r.Subscriptions.Contains(subscription) ? r : r with { Subscriptions = r.Subscriptions.Add(subscription) }, out error);
            case SuggestionKind.Fqdn when Fqdn.TryParse(suggestion.Value, out var fqdn, out _):
                return Extend(SuggestedFqdnsRule, AccessRuleDirection.Outbound,
                    r => r.FullyQualifiedDomainNames.Contains(fqdn) ? r : r with { FullyQualifiedDomainNames = r.FullyQualifiedDomainNames.Add(fqdn) }, out error);
            case SuggestionKind.AddResource when ArmResourceId.TryParse(suggestion.Value, out var resource, out _):
                return AddResources.Contains(resource) ? this : this with { AddResources = AddResources.Add(resource) };
            default:
                error = new ValidationError(ErrorCodes.InvalidPropertyValue, "value", $"'{suggestion.Value}' is not a valid {suggestion.Kind} suggestion.");
                return this;
        }
    }

    /// <summary>The draft without the rule named <paramref name="ruleName"/> (case-insensitive).</summary>
    public ProfileDraft RemoveRule(string ruleName) =>
        this with { Rules = Rules.RemoveAll(r => string.Equals(r.Name, ruleName, StringComparison.OrdinalIgnoreCase)) };

    private ProfileDraft Extend(string name, AccessRuleDirection direction, Func<AccessRule, AccessRule> change, out ValidationError? error)
    {
        error = null;
        var existing = Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        var updated = change(existing ?? new AccessRule(name, direction));
        var problems = AccessRuleValidator.Validate(updated);
        if (!problems.IsValid)
        {
            error = problems.Errors.First();
            return this;
        }

        var rules = existing is null ? Rules.Add(updated) : Rules.Replace(existing, updated);
        return this with { Rules = [.. rules.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)] };
    }
}
