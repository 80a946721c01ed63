using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Validation;

/// <summary>Whole-rule validation (reference/nsp.md §1.3): name, direction, exactly one rule type per rule, the
/// rule-type × direction matrix, unavailable types, read-only <c>networkSecurityPerimeters</c>, and every value.</summary>
public static class AccessRuleValidator
{
    private const string AddressPrefixes = "addressPrefixes";
    private const string Subscriptions = "subscriptions";
    private const string Fqdns = "fullyQualifiedDomainNames";
    private const string ServiceTags = "serviceTags";
    private const string Perimeters = "networkSecurityPerimeters";

    /// <summary>Validates a request body and, when it has no error, builds the rule.</summary>
    /// <param name="input">The body as received.</param>
    /// <param name="rule">The parsed rule (values normalised), or null when there is an error.</param>
    public static ValidationResult Validate(AccessRuleInput input, out AccessRule? rule)
    {
        ArgumentNullException.ThrowIfNull(input);
        var issues = new List<ValidationError>();
        Add(issues, FieldValidator.Name(NspResourceKind.AccessRule, input.Name));
        var directionError = FieldValidator.Direction(input.Direction, "properties.direction", out var direction);
        Add(issues, directionError);

        var prefixes = ParseAll(input.AddressPrefixes, AddressPrefixes, issues, (string? t, out IpPrefix v, out ValueError? e) => IpPrefix.TryParse(t, out v, out e));
        var subscriptions = ParseAll(input.Subscriptions, Subscriptions, issues, (string? t, out SubscriptionId v, out ValueError? e) => SubscriptionId.TryParse(t, out v, out e), ".id");
        var fqdns = ParseAll(input.FullyQualifiedDomainNames, Fqdns, issues, (string? t, out Fqdn v, out ValueError? e) => Fqdn.TryParse(t, out v, out e));
        for (var i = 0; i < fqdns.Count; i++)
        {
            if (fqdns[i].IsWildcard)
            {
                issues.Add(FieldValidator.WildcardWarning(fqdns[i], $"properties.{Fqdns}[{i}]"));
            }
        }

        var tags = input.ServiceTags ?? [];
        for (var i = 0; i < tags.Count; i++)
        {
            Add(issues, FieldValidator.ServiceTag(tags[i], $"properties.{ServiceTags}[{i}]"));
        }

        if (input.NetworkSecurityPerimeters is { Count: > 0 })
        {
            issues.Add(new ValidationError(ErrorCodes.ReadOnlyProperty, $"properties.{Perimeters}",
                "networkSecurityPerimeters is read-only: the service fills it for perimeter links. Create a link to the other perimeter instead."));
        }

        var counts = new RuleTypeCounts(
            input.AddressPrefixes?.Count ?? 0, input.Subscriptions?.Count ?? 0, input.FullyQualifiedDomainNames?.Count ?? 0,
            tags.Count, Perimeters: 0, input.EmailAddresses?.Count ?? 0, input.PhoneNumbers?.Count ?? 0);
        CheckRuleTypes(counts, directionError is null ? direction : null, issues);

        var valid = !issues.Any(i => i.IsError);
        rule = valid
            ? new AccessRule(input.Name!, direction)
            {
                AddressPrefixes = [.. prefixes],
                Subscriptions = [.. subscriptions],
                FullyQualifiedDomainNames = [.. fqdns],
                ServiceTags = [.. tags.Select(t => t!)],
            }
            : null;
        return new ValidationResult(issues);
    }

    /// <summary>Validates a rule of the model (e.g. from a snapshot, where <c>networkSecurityPerimeters</c> is legitimately
    /// filled by the service): name, one rule type, the direction matrix, unavailable types, duplicates, wildcards.</summary>
    public static ValidationResult Validate(AccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var issues = new List<ValidationError>();
        Add(issues, FieldValidator.Name(NspResourceKind.AccessRule, rule.Name));
        for (var i = 0; i < rule.FullyQualifiedDomainNames.Length; i++)
        {
            if (rule.FullyQualifiedDomainNames[i].IsWildcard)
            {
                issues.Add(FieldValidator.WildcardWarning(rule.FullyQualifiedDomainNames[i], $"properties.{Fqdns}[{i}]"));
            }
        }

        for (var i = 0; i < rule.ServiceTags.Length; i++)
        {
            Add(issues, FieldValidator.ServiceTag(rule.ServiceTags[i], $"properties.{ServiceTags}[{i}]"));
        }

        WarnDuplicates(rule.AddressPrefixes, AddressPrefixes, "", issues);
        WarnDuplicates(rule.Subscriptions, Subscriptions, ".id", issues);
        WarnDuplicates(rule.FullyQualifiedDomainNames, Fqdns, "", issues);
        var counts = new RuleTypeCounts(rule.AddressPrefixes.Length, rule.Subscriptions.Length, rule.FullyQualifiedDomainNames.Length,
            rule.ServiceTags.Length, rule.NetworkSecurityPerimeters.Length, rule.EmailAddresses.Length, rule.PhoneNumbers.Length);
        CheckRuleTypes(counts, rule.Direction, issues);
        return new ValidationResult(issues);
    }

    private readonly record struct RuleTypeCounts(
        int AddressPrefixes, int Subscriptions, int Fqdns, int ServiceTags, int Perimeters, int EmailAddresses, int PhoneNumbers);

    /// <summary>The §1.3 matrix: prefixes, subscriptions and service tags inbound; FQDNs outbound; perimeter rules both;
    /// e-mail and phone unavailable. Exactly one available type per rule.</summary>
    private static void CheckRuleTypes(RuleTypeCounts counts, AccessRuleDirection? direction, List<ValidationError> issues)
    {
        if (counts.EmailAddresses > 0)
        {
            issues.Add(Unavailable("emailAddresses"));
        }

        if (counts.PhoneNumbers > 0)
        {
            issues.Add(Unavailable("phoneNumbers"));
        }

        var used = new List<(string Field, AccessRuleDirection? Only)>();
        if (counts.AddressPrefixes > 0)
        {
            used.Add((AddressPrefixes, AccessRuleDirection.Inbound));
        }

        if (counts.Subscriptions > 0)
        {
            used.Add((Subscriptions, AccessRuleDirection.Inbound));
        }

        if (counts.ServiceTags > 0)
        {
            used.Add((ServiceTags, AccessRuleDirection.Inbound));
        }

        if (counts.Fqdns > 0)
        {
            used.Add((Fqdns, AccessRuleDirection.Outbound));
        }

        if (counts.Perimeters > 0)
        {
            used.Add((Perimeters, null));
        }

        if (used.Count > 1)
        {
            issues.Add(new ValidationError(ErrorCodes.AccessRuleMultipleRuleTypes, "properties",
                $"An access rule uses exactly one rule type, but this one sets {string.Join(" and ", used.Select(u => u.Field))}; split it into one rule per type."));
        }
        else if (used.Count == 0 && counts.EmailAddresses + counts.PhoneNumbers == 0)
        {
            issues.Add(new ValidationError(ErrorCodes.AccessRuleMissingRuleType, "properties",
                "Set one rule type: addressPrefixes or subscriptions for an Inbound rule, or fullyQualifiedDomainNames for an Outbound rule."));
        }

        if (direction is null)
        {
            return;
        }

        foreach (var (field, only) in used)
        {
            if (only is not null && only != direction)
            {
                issues.Add(new ValidationError(ErrorCodes.AccessRuleInvalidDirection, $"properties.{field}",
                    $"{field} can be used only in {only} rules, and this rule is {direction}; create an {only} rule for it."));
            }
        }
    }

    private static ValidationError Unavailable(string field) =>
        new(ErrorCodes.AccessRuleTypeUnavailable, $"properties.{field}",
            $"{field} rules are currently unavailable for use in Azure network security perimeters; remove {field}.");

    private delegate bool TryParser<T>(string? text, out T value, out ValueError? error);

    private static List<T> ParseAll<T>(IReadOnlyList<string?>? texts, string field, List<ValidationError> issues, TryParser<T> parse, string suffix = "")
    {
        var values = new List<T>();
        if (texts is null)
        {
            return values;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (parse(texts[i], out var value, out var error))
            {
                var duplicateOf = values.IndexOf(value);
                if (duplicateOf >= 0)
                {
                    issues.Add(Duplicate(value!, field, suffix, i, duplicateOf));
                }

                values.Add(value);
            }
            else
            {
                issues.Add(ValidationError.From(error!, $"properties.{field}[{i}]{suffix}"));
                values.Add(default!);
            }
        }

        return values;
    }

    private static void WarnDuplicates<T>(IReadOnlyList<T> values, string field, string suffix, List<ValidationError> issues)
        where T : notnull
    {
        var seen = new Dictionary<T, int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.TryAdd(values[i], i))
            {
                issues.Add(Duplicate(values[i]!, field, suffix, i, seen[values[i]]));
            }
        }
    }

    private static ValidationError Duplicate(object value, string field, string suffix, int index, int first) =>
        new(ErrorCodes.DuplicateValue, $"properties.{field}[{index}]{suffix}", $"'{value}' is listed twice (also at index {first}); remove one.")
        {
            Severity = ValidationSeverity.Warning,
        };

    private static void Add(List<ValidationError> issues, ValidationError? issue)
    {
        if (issue is not null)
        {
            issues.Add(issue);
        }
    }
}
