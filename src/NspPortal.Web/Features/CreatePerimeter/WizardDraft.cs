using NspPortal.Data.Services;
using NspPortal.Engine.Validation;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>The tabs of Azure's create-perimeter wizard, in order (reference/nsp.md §5.1).</summary>
public enum WizardTab
{
    Basics,
    Resources,
    Inbound,
    Outbound,
    Tags,
    Review,
}

public static class WizardTabs
{
    public static IReadOnlyList<WizardTab> All { get; } = Enum.GetValues<WizardTab>();

    /// <summary>The tab in the address bar (<c>?tab=inbound-rules</c>).</summary>
    public static string Key(WizardTab tab) => tab switch
    {
        WizardTab.Basics => "basics",
        WizardTab.Resources => "resources",
        WizardTab.Inbound => "inbound-rules",
        WizardTab.Outbound => "outbound-rules",
        WizardTab.Tags => "tags",
        _ => "review",
    };

    /// <summary>Azure's tab labels.</summary>
    public static string Label(WizardTab tab) => tab switch
    {
        WizardTab.Basics => "Basics",
        WizardTab.Resources => "Resources",
        WizardTab.Inbound => "Inbound access rules",
        WizardTab.Outbound => "Outbound access rules",
        WizardTab.Tags => "Tags",
        _ => "Review + create",
    };

    /// <summary>The tab a key names; Basics for anything else (a junk query string is not an error).</summary>
    public static WizardTab Parse(string? key) => All.FirstOrDefault(t => string.Equals(Key(t), key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Source types of an inbound rule, as the portal labels them (reference/nsp.md §5.1; service tags are preview, not offered).</summary>
public static class SourceTypes
{
    public const string IpAddressRanges = "IpAddressRanges";
    public const string Subscriptions = "Subscriptions";

    public static string Label(string type) => type == Subscriptions ? "Subscriptions" : "IP address ranges";
}

/// <summary>An inbound rule being written: the sources as typed (one per line or comma-separated).</summary>
public sealed record InboundRuleDraft(string Name, string SourceType, string Sources)
{
    public IReadOnlyList<string> SourceList => WizardDraft.SplitList(Sources);
}

/// <summary>An outbound rule being written: FQDN destinations as typed.</summary>
public sealed record OutboundRuleDraft(string Name, string Destinations)
{
    public IReadOnlyList<string> DestinationList => WizardDraft.SplitList(Destinations);
}

/// <summary>A selected resource: its ARM id and the access mode of its association (<c>Learning</c> = Transition).</summary>
public sealed record ResourceDraft(string Id, string AccessMode);

/// <summary>Everything the wizard's form holds. The draft lives in the form: every tab's fields are in the page (the
/// inactive tabs hidden), so each post carries the whole draft and moving between tabs loses nothing. Field names are
/// listed in <see cref="Fields"/>.</summary>
public sealed class WizardDraft
{
    public const string DefaultProfileName = "defaultProfile";

    public string Subscription { get; set; } = "";

    public string ResourceGroup { get; set; } = "";

    /// <summary>"Create new" under Resource group was chosen; <see cref="NewResourceGroup"/> is its name.</summary>
    public bool CreateResourceGroup { get; set; }

    public string NewResourceGroup { get; set; } = "";

    public string Name { get; set; } = "";

    public string Location { get; set; } = "";

    public string ProfileName { get; set; } = DefaultProfileName;

    public List<ResourceDraft> Resources { get; } = [];

    public List<InboundRuleDraft> Inbound { get; } = [];

    public List<OutboundRuleDraft> Outbound { get; } = [];

    public List<(string Name, string Value)> Tags { get; } = [];

    /// <summary>The tab the form was on when it was posted.</summary>
    public WizardTab Tab { get; set; }

    /// <summary>Tabs the user has left or reviewed: their errors are shown and their headers marked (a tab not yet
    /// seen is not covered in red before the user had a chance to fill it in).</summary>
    public HashSet<WizardTab> Visited { get; } = [];

    /// <summary>Generated when the wizard opens: a second "Create" with the same key gets the first one's outcome.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public Guid? SubscriptionId => Guid.TryParse(Subscription, out var id) ? id : null;

    /// <summary>The resource group the perimeter goes to: the new one's name or the selected one.</summary>
    public string EffectiveResourceGroup => CreateResourceGroup ? NewResourceGroup.Trim() : ResourceGroup;

    /// <summary>The posted form field names.</summary>
    public static class Fields
    {
        public const string Subscription = "subscription";
        public const string ResourceGroup = "resourceGroup";
        public const string CreateResourceGroup = "createResourceGroup";
        public const string NewResourceGroup = "newResourceGroup";
        // Not "name", "tagName" …: a form control with the name of a form property (form.name, form.tagName) hides
        // that property from scripts — htmx reads form.tagName to know it is a form.
        public const string Name = "perimeterName";
        public const string Location = "location";
        public const string ProfileName = "profileName";
        public const string Resource = "resource";
        public const string ResourceAccessMode = "resourceAccessMode";
        public const string InboundName = "inboundName";
        public const string InboundSourceType = "inboundSourceType";
        public const string InboundSources = "inboundSources";
        public const string OutboundName = "outboundName";
        public const string OutboundDestinations = "outboundDestinations";
        public const string TagName = "tag.name";
        public const string TagValue = "tag.value";
        public const string IdempotencyKey = "idempotencyKey";
        public const string Tab = "tab";
        public const string Visited = "visited";
        public const string Command = "command";
    }

    /// <summary>Reads a posted form. Nothing here fails: junk becomes a value that validation explains.</summary>
    public static WizardDraft FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var draft = new WizardDraft
        {
            Subscription = One(form, Fields.Subscription),
            ResourceGroup = One(form, Fields.ResourceGroup),
            CreateResourceGroup = One(form, Fields.CreateResourceGroup) == "true",
            NewResourceGroup = One(form, Fields.NewResourceGroup),
            Name = One(form, Fields.Name).Trim(),
            Location = One(form, Fields.Location),
            ProfileName = form.ContainsKey(Fields.ProfileName) ? One(form, Fields.ProfileName).Trim() : DefaultProfileName,
            Tab = WizardTabs.Parse(One(form, Fields.Tab)),
        };
        foreach (var visited in form[Fields.Visited])
        {
            draft.Visited.Add(WizardTabs.Parse(visited));
        }

        if (One(form, Fields.IdempotencyKey) is { Length: > 0 and <= 64 } key)
        {
            draft.IdempotencyKey = key;
        }

        var resources = All(form, Fields.Resource);
        var modes = All(form, Fields.ResourceAccessMode);
        for (var i = 0; i < resources.Count; i++)
        {
            draft.Resources.Add(new ResourceDraft(resources[i], At(modes, i) is { Length: > 0 } mode ? mode : "Learning"));
        }

        var inNames = All(form, Fields.InboundName);
        var inTypes = All(form, Fields.InboundSourceType);
        var inSources = All(form, Fields.InboundSources);
        for (var i = 0; i < inNames.Count; i++)
        {
            draft.Inbound.Add(new InboundRuleDraft(inNames[i].Trim(), At(inTypes, i) == SourceTypes.Subscriptions ? SourceTypes.Subscriptions : SourceTypes.IpAddressRanges, At(inSources, i)));
        }

        var outNames = All(form, Fields.OutboundName);
        var outDestinations = All(form, Fields.OutboundDestinations);
        for (var i = 0; i < outNames.Count; i++)
        {
            draft.Outbound.Add(new OutboundRuleDraft(outNames[i].Trim(), At(outDestinations, i)));
        }

        var tagNames = All(form, Fields.TagName);
        var tagValues = All(form, Fields.TagValue);
        for (var i = 0; i < tagNames.Count; i++)
        {
            draft.Tags.Add((tagNames[i], At(tagValues, i)));
        }

        return draft;
    }

    /// <summary>The rules as the service takes them: inbound first, then outbound (error targets <c>rules[i]</c> follow this order).</summary>
    public IReadOnlyList<AccessRuleInput> RuleInputs() =>
    [
        .. Inbound.Select(r => new AccessRuleInput
        {
            Name = r.Name,
            Direction = "Inbound",
            AddressPrefixes = r.SourceType == SourceTypes.IpAddressRanges ? [.. r.SourceList] : null,
            Subscriptions = r.SourceType == SourceTypes.Subscriptions ? [.. r.SourceList] : null,
        }),
        .. Outbound.Select(r => new AccessRuleInput { Name = r.Name, Direction = "Outbound", FullyQualifiedDomainNames = [.. r.DestinationList] }),
    ];

    /// <summary>The service's input for "Create"; call only when validation found no error.</summary>
    public PerimeterDraft ToServiceDraft(IReadOnlyDictionary<string, string> tags) => new(
        new PerimeterPath(SubscriptionId!.Value, EffectiveResourceGroup, Name),
        Location, tags, ProfileName, RuleInputs(),
        [.. Resources.Select(r => new AssociationDraft(r.Id, r.AccessMode))],
        CreateResourceGroup ? Location : null);

    /// <summary>Entries typed one per line or separated by commas or semicolons; blanks dropped.</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        [.. (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string One(IFormCollection form, string name) => form[name].FirstOrDefault() ?? "";

    private static List<string> All(IFormCollection form, string name) => [.. form[name].Select(v => v ?? "").Take(MaxRows)];

    private static string At(List<string> values, int index) => index < values.Count ? values[index] : "";

    /// <summary>Rows read per list: above the hard limits (200 rules per direction, 1000 associations recommended), so
    /// limits are reported, while a hostile post cannot make us parse millions.</summary>
    private const int MaxRows = 2000;
}
