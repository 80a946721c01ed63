namespace NspPortal.Engine.Validation;

/// <summary>Validates the <c>enabledLogCategories</c> of a logging configuration against the categories of
/// reference/nsp.md §3.1 (added for the ARM API; the current <c>Nsp…</c> names and the older profile-level ones).</summary>
public static class LogCategoryValidator
{
    /// <summary>Every category a perimeter can emit, as the API spells it.</summary>
    public static IReadOnlyList<string> Categories { get; } =
    [
        "NspPublicInboundPerimeterRulesAllowed",
        "NspPublicInboundPerimeterRulesDenied",
        "NspPublicOutboundPerimeterRulesAllowed",
        "NspPublicOutboundPerimeterRulesDenied",
        "NspOutboundAttempt",
        "NspIntraPerimeterInboundAllowed",
        "NspIntraPerimeterOutboundAllowed",
        "NspCrossPerimeterInboundAllowed",
        "NspCrossPerimeterOutboundAllowed",
        "NspPublicInboundResourceRulesAllowed",
        "NspPublicInboundResourceRulesDenied",
        "NspPublicOutboundResourceRulesAllowed",
        "NspPublicOutboundResourceRulesDenied",
        "NspPrivateInboundAllowed",
        "NSPInboundAccessAllowed",
        "NSPInboundAccessDenied",
        "NSPOutboundAccessAllowed",
        "NSPOutboundAccessDenied",
    ];

    private static readonly HashSet<string> Known = new(Categories, StringComparer.OrdinalIgnoreCase);

    /// <summary>One <see cref="ErrorCodes.InvalidPropertyValue"/> per unknown category (target
    /// <c>properties.enabledLogCategories[i]</c>), a <see cref="ErrorCodes.DuplicateValue"/> warning per repeat.</summary>
    public static ValidationResult Validate(IReadOnlyList<string?> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var issues = new List<ValidationError>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < categories.Count; i++)
        {
            var target = $"properties.enabledLogCategories[{i}]";
            var category = categories[i];
            if (category is null || !Known.Contains(category))
            {
                issues.Add(new ValidationError(ErrorCodes.InvalidPropertyValue, target,
                    $"'{category}' is not a log category of network security perimeters; use one of {string.Join(", ", Categories.Take(14))}."));
            }
            else if (!seen.Add(category))
            {
                issues.Add(new ValidationError(ErrorCodes.DuplicateValue, target, $"'{category}' is listed twice; remove one.")
                {
                    Severity = ValidationSeverity.Warning,
                });
            }
        }

        return new ValidationResult(issues);
    }
}
