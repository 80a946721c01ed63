using AccessRuleDirection = NspPortal.Engine.Model.AccessRuleDirection;
using NspPortal.Engine.Hygiene;
using NspPortal.Engine.Validation;

namespace NspPortal.Web.Features.AccessRules;

/// <summary>The add/edit rule pane's state: what the user typed (kept on every rejected save), the ETag it was opened
/// with, and what is wrong. <see cref="YourValues"/> holds the user's text when a conflict replaced the fields by the
/// current values.</summary>
public sealed record RuleForm
{
    public bool IsNew { get; init; } = true;

    public string Name { get; init; } = "";

    public string ETag { get; init; } = "";

    public string SourceType { get; init; } = RuleSourceTypes.IpAddressRanges;

    /// <summary>The values textarea, one per line.</summary>
    public string Values { get; init; } = "";

    /// <summary>Known subscriptions ticked (Subscriptions type), as <c>/subscriptions/{guid}</c>.</summary>
    public IReadOnlyList<string> CheckedSubscriptions { get; init; } = [];

    public IReadOnlyList<ValueLineError> LineErrors { get; init; } = [];

    /// <summary>What is wrong with the name, shown next to the name field.</summary>
    public string? NameError { get; init; }

    /// <summary>What is wrong with the values as a whole (none entered, the service refused them), next to the values field.</summary>
    public string? ValuesError { get; init; }

    /// <summary>Which field gets the focus when the pane is shown without errors: <c>type</c> after the source type was
    /// changed (so arrowing through the radio group keeps working), otherwise the first field.</summary>
    public string? Focus { get; init; }

    /// <summary>Errors that are not about one line (the name, the limit, a conflict).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>After a conflict: what the user had typed, shown read-only next to the current values.</summary>
    public string? YourValues { get; init; }

    /// <summary>The pane's form, as posted.</summary>
    public static RuleForm FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new RuleForm
        {
            IsNew = form["isNew"] != "false",
            Name = form["name"].ToString().Trim(),
            ETag = form["etag"].ToString(),
            SourceType = form["sourceType"].ToString() is { Length: > 0 } type ? type : RuleSourceTypes.IpAddressRanges,
            Values = form["values"].ToString(),
            CheckedSubscriptions = [.. form["subscription"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)],
            YourValues = form.ContainsKey("yourValues") ? form["yourValues"].ToString() : null,
        };
    }

    /// <summary>The pane for an existing rule.</summary>
    public static RuleForm ForRule(RuleRow row, IReadOnlyList<Perimeters.SubscriptionOption> known)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(known);
        var knownIds = known.Select(k => Engine.Model.ArmIds.Subscription(k.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var isSubscriptions = row.SourceType == RuleSourceTypes.Subscriptions;
        return new RuleForm
        {
            IsNew = false,
            Name = row.Name,
            ETag = row.ETag,
            SourceType = row.SourceType,
            Values = string.Join('\n', isSubscriptions ? row.Values.Where(v => !knownIds.Contains(v)) : row.Values),
            CheckedSubscriptions = isSubscriptions ? [.. row.Values.Where(knownIds.Contains)] : [],
        };
    }

    /// <summary>True when some field is in error (the focus goes to the first of them).</summary>
    public bool HasFieldErrors => NameError is not null || ValuesError is not null || LineErrors.Count > 0;

    /// <summary>The values parsed per line for the chosen type (known subscriptions ticked come first).</summary>
    public ValueListResult Parse() => SourceType switch
    {
        RuleSourceTypes.Subscriptions => Merge(ValueList.Subscriptions(string.Join('\n', CheckedSubscriptions)), ValueList.Subscriptions(Values)),
        RuleSourceTypes.Fqdn => ValueList.Fqdns(Values),
        RuleSourceTypes.ServiceTags => ServiceTagsOf(Values),
        _ => ValueList.AddressPrefixes(Values),
    };

    /// <summary>The form with what the portal checks before asking the service: the name (of a new rule), every line,
    /// and that there is at least one value. <see cref="HasFieldErrors"/> tells whether it may be saved.</summary>
    public RuleForm Checked(ValueListResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return this with
        {
            NameError = IsNew ? FieldValidator.Name(NspResourceKind.AccessRule, Name)?.Message : null,
            ValuesError = parsed.IsValid && parsed.Values.Count == 0 ? EmptyValuesMessage(SourceType) : null,
            LineErrors = parsed.Errors,
        };
    }

    private static string EmptyValuesMessage(string sourceType) => sourceType switch
    {
        RuleSourceTypes.Subscriptions => "Choose at least one subscription or type its ID.",
        RuleSourceTypes.Fqdn => "Enter at least one domain name.",
        RuleSourceTypes.ServiceTags => "Enter at least one service tag.",
        _ => "Enter at least one IP address range.",
    };

    /// <summary>Only the typed lines (not the ticked subscriptions), with line numbers of the textarea.</summary>
    public ValueListResult ParseTyped() => SourceType == RuleSourceTypes.Subscriptions ? ValueList.Subscriptions(Values) : Parse();

    /// <summary>The request body the API would get for these values.</summary>
    public AccessRuleInput ToInput(AccessRuleDirection direction, IReadOnlyList<string> values) => new()
    {
        Name = Name,
        Direction = direction.ToString(),
        AddressPrefixes = SourceType == RuleSourceTypes.IpAddressRanges ? [.. values] : null,
        Subscriptions = SourceType == RuleSourceTypes.Subscriptions ? [.. values] : null,
        ServiceTags = SourceType == RuleSourceTypes.ServiceTags ? [.. values] : null,
        FullyQualifiedDomainNames = SourceType == RuleSourceTypes.Fqdn ? [.. values] : null,
    };

    private static ValueListResult Merge(ValueListResult ticked, ValueListResult typed) =>
        new([.. ticked.Values.Concat(typed.Values).Distinct(StringComparer.OrdinalIgnoreCase)], typed.Errors);

    private static ValueListResult ServiceTagsOf(string text)
    {
        var values = new List<string>();
        var errors = new List<ValueLineError>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var tag = lines[i].Trim();
            if (tag.Length == 0)
            {
                continue;
            }

            if (FieldValidator.ServiceTag(tag, "serviceTags") is { } error)
            {
                errors.Add(new ValueLineError(i + 1, tag, error.Message, null));
            }
            else if (!values.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(tag);
            }
        }

        return new ValueListResult(values, errors);
    }
}
