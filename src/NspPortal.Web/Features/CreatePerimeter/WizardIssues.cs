namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>One message next to a field. <see cref="Suggestion"/> is a corrected value the user can take with one
/// click (the normalised prefix for a CIDR with host bits).</summary>
public sealed record WizardIssue(string Message, bool IsError = true, string? Suggestion = null);

/// <summary>What validation found, by field key (<see cref="FieldKeys"/>), and which tab each field is on.</summary>
public sealed class WizardIssues
{
    private readonly Dictionary<string, List<WizardIssue>> byField = new(StringComparer.Ordinal);

    public static WizardIssues None { get; } = new();

    public void Add(string field, WizardIssue issue)
    {
        if (!byField.TryGetValue(field, out var list))
        {
            byField[field] = list = [];
        }

        list.Add(issue);
    }

    public void Error(string field, string message, string? suggestion = null) => Add(field, new WizardIssue(message, true, suggestion));

    public void Warning(string field, string message) => Add(field, new WizardIssue(message, false));

    public IReadOnlyList<WizardIssue> For(string field) => byField.TryGetValue(field, out var list) ? list : [];

    public bool HasError(string field) => For(field).Any(i => i.IsError);

    public bool HasErrors => byField.Values.Any(l => l.Any(i => i.IsError));

    /// <summary>True when a field of <paramref name="tab"/> has an error: the tab header is marked.</summary>
    public bool TabHasErrors(WizardTab tab) => byField.Any(f => FieldKeys.TabOf(f.Key) == tab && f.Value.Any(i => i.IsError));

    /// <summary>Every issue with its field, in tab order, for the Review + create summary.</summary>
    public IEnumerable<(WizardTab Tab, string Field, WizardIssue Issue)> All() =>
        byField.SelectMany(f => f.Value.Select(i => (Tab: FieldKeys.TabOf(f.Key), Field: f.Key, Issue: i))).OrderBy(x => x.Tab);
}

/// <summary>The keys of the wizard's fields: also the ids of the inputs (<c>wizard-{key}</c>) and of their messages
/// (<c>wizard-{key}-message</c>), and the <c>field</c> of the as-you-type validation request.</summary>
public static class FieldKeys
{
    public const string Subscription = "subscription";
    public const string ResourceGroup = "resourceGroup";
    public const string NewResourceGroup = "newResourceGroup";
    public const string Name = "name";
    public const string Location = "location";
    public const string ProfileName = "profileName";
    public const string Resources = "resources";
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";
    public const string Tags = "tags";

    /// <summary>Errors that are no field's (the database refused the create for another reason).</summary>
    public const string Create = "create";

    public static string Resource(int index) => $"resource-{index}";

    public static string InboundName(int index) => $"inbound-{index}-name";

    public static string InboundSources(int index) => $"inbound-{index}-sources";

    public static string OutboundName(int index) => $"outbound-{index}-name";

    public static string OutboundDestinations(int index) => $"outbound-{index}-destinations";

    public static string InputId(string key) => $"wizard-{key}";

    public static string MessageId(string key) => $"wizard-{key}-message";

    public static WizardTab TabOf(string key) => key switch
    {
        Subscription or ResourceGroup or NewResourceGroup or Name or Location or ProfileName => WizardTab.Basics,
        Resources => WizardTab.Resources,
        Inbound => WizardTab.Inbound,
        Outbound => WizardTab.Outbound,
        Tags => WizardTab.Tags,
        _ when key.StartsWith("resource-", StringComparison.Ordinal) => WizardTab.Resources,
        _ when key.StartsWith("inbound-", StringComparison.Ordinal) => WizardTab.Inbound,
        _ when key.StartsWith("outbound-", StringComparison.Ordinal) => WizardTab.Outbound,
        _ => WizardTab.Review,
    };
}
