using System.Globalization;
using NspPortal.Engine.Hygiene;
using NspPortal.Web.Features.ResourcePicker;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>What a post asks the wizard to do next: the tab to show, whether the resource picker is open (and with what
/// state), whether to create, and what gets focus.</summary>
public sealed record WizardStep(WizardTab Tab, string? Focus)
{
    public ResourcePickerState? Picker { get; init; }

    public bool Create { get; init; }

    /// <summary>Focus the picker's name filter (the pane was just opened).</summary>
    public bool PickerJustOpened { get; init; }
}

/// <summary>The wizard's buttons, as the <c>command</c> field of its form (one form, so every button posts the whole
/// draft): <c>tab:{key}</c>, <c>next</c>, <c>previous</c>, <c>review</c>, <c>create</c>, <c>stay</c> (Enter in a field,
/// a refresh), <c>rg-new</c>/<c>rg-existing</c>, <c>add-resources</c>, <c>picker-select</c>, <c>picker-close</c>,
/// <c>picker-filter</c>, <c>add-inbound</c>, <c>add-outbound</c>, <c>remove-{resource|inbound|outbound|tag}:{i}</c> and
/// <c>fix:{field}</c> (take the suggested values, e.g. prefixes without host bits).</summary>
public static class WizardCommands
{
    public const string Next = "next";
    public const string Previous = "previous";
    public const string Review = "review";
    public const string Create = "create";
    public const string Stay = "stay";
    public const string NewResourceGroup = "rg-new";
    public const string ExistingResourceGroup = "rg-existing";
    public const string AddResources = "add-resources";
    public const string PickerSelect = "picker-select";
    public const string PickerClose = "picker-close";
    public const string PickerFilter = "picker-filter";
    public const string AddInbound = "add-inbound";
    public const string AddOutbound = "add-outbound";
    public const string AddTag = "add-tag";

    public static string GoTo(WizardTab tab) => $"tab:{WizardTabs.Key(tab)}";

    public static string Remove(string list, int index) => $"remove-{list}:{index.ToString(CultureInfo.InvariantCulture)}";

    public static string Fix(string field) => $"fix:{field}";

    /// <summary>Applies <paramref name="command"/> to <paramref name="draft"/> (adding or removing rows, taking
    /// suggestions, adding the picked resources) and says where to go. Unknown commands stay on the tab.</summary>
    public static WizardStep Apply(WizardDraft draft, string? command, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(form);
        var tab = draft.Tab;
        var last = WizardTabs.All.Count - 1;
        switch (command ?? "")
        {
            case Next:
                return Leave(draft, WizardTabs.All[Math.Min((int)tab + 1, last)]);
            case Previous:
                return Leave(draft, WizardTabs.All[Math.Max((int)tab - 1, 0)]);
            case Review:
                return Leave(draft, WizardTab.Review);
            case Create:
                draft.Visited.UnionWith(WizardTabs.All);
                return new WizardStep(WizardTab.Review, WizardView.FocusSummary) { Create = true };
            case NewResourceGroup:
                draft.CreateResourceGroup = true;
                return new WizardStep(tab, FieldKeys.NewResourceGroup);
            case ExistingResourceGroup:
                draft.CreateResourceGroup = false;
                return new WizardStep(tab, FieldKeys.ResourceGroup);
            case AddResources:
                return new WizardStep(WizardTab.Resources, null)
                {
                    Picker = ResourcePickerState.Empty with { Exclude = [.. draft.Resources.Select(r => r.Id)] },
                    PickerJustOpened = true,
                };
            case PickerSelect:
                foreach (var id in ResourcePickerState.FromForm(form).Selected)
                {
                    if (!draft.Resources.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)))
                    {
                        draft.Resources.Add(new ResourceDraft(id, "Learning"));
                    }
                }

                return new WizardStep(WizardTab.Resources, "add-resources");
            case PickerClose:
                return new WizardStep(WizardTab.Resources, "add-resources");
            case AddInbound:
                draft.Inbound.Add(new InboundRuleDraft("", SourceTypes.IpAddressRanges, ""));
                return new WizardStep(WizardTab.Inbound, FieldKeys.InboundName(draft.Inbound.Count - 1));
            case AddOutbound:
                draft.Outbound.Add(new OutboundRuleDraft("", ""));
                return new WizardStep(WizardTab.Outbound, FieldKeys.OutboundName(draft.Outbound.Count - 1));
            case AddTag:
                draft.Tags.Add(("", ""));
                return new WizardStep(WizardTab.Tags, $"tag-{draft.Tags.Count - 1}-name");
            case var c when c.StartsWith("tab:", StringComparison.Ordinal):
                return Leave(draft, WizardTabs.Parse(c[4..]));
            case var c when c.StartsWith("remove-", StringComparison.Ordinal) && Index(c) is { } removed:
                return RemoveRow(draft, c[7..c.IndexOf(':', StringComparison.Ordinal)], removed);
            case var c when c.StartsWith("goto:", StringComparison.Ordinal):
                draft.Visited.Add(draft.Tab);
                return new WizardStep(FieldKeys.TabOf(c[5..]), FocusFor(c[5..]));
            case var c when c.StartsWith("fix:", StringComparison.Ordinal):
                return new WizardStep(tab, TakeSuggestions(draft, c[4..]));
            default:
                // stay, picker-filter, a pager button of the picker without scripts, Enter in a field.
                return new WizardStep(tab, null) { Picker = ResourcePickerState.IsOpen(form) ? ResourcePickerState.FromForm(form) : null };
        }
    }

    /// <summary>The element a field key's error sends focus to: its input, or the list's "+ Add" button.</summary>
    public static string FocusFor(string field) => field switch
    {
        FieldKeys.Resources => "add-resources",
        FieldKeys.Inbound => "add-inbound",
        FieldKeys.Outbound => "add-outbound",
        FieldKeys.Tags => "tag-0-name",
        FieldKeys.Create => WizardView.FocusSummary,
        _ when field.StartsWith("resource-", StringComparison.Ordinal) => field + "-mode",
        _ => field,
    };

    private static WizardStep Leave(WizardDraft draft, WizardTab to)
    {
        draft.Visited.Add(draft.Tab);
        if (to == WizardTab.Review)
        {
            draft.Visited.UnionWith(WizardTabs.All);
        }

        return new WizardStep(to, WizardView.FocusTab);
    }

    private static WizardStep RemoveRow(WizardDraft draft, string list, int index)
    {
        switch (list)
        {
            case "resource" when index < draft.Resources.Count:
                draft.Resources.RemoveAt(index);
                return new WizardStep(WizardTab.Resources, "add-resources");
            case "inbound" when index < draft.Inbound.Count:
                draft.Inbound.RemoveAt(index);
                return new WizardStep(WizardTab.Inbound, "add-inbound");
            case "outbound" when index < draft.Outbound.Count:
                draft.Outbound.RemoveAt(index);
                return new WizardStep(WizardTab.Outbound, "add-outbound");
            case "tag" when index < draft.Tags.Count:
                draft.Tags.RemoveAt(index);
                return new WizardStep(WizardTab.Tags, "add-tag");
            default:
                return new WizardStep(draft.Tab, null);
        }
    }

    /// <summary>Replaces a rule's values with the suggested ones (prefixes with host bits cleared, stray spaces
    /// removed, …: the engine's ValueList suggestions); returns the field to focus.</summary>
    private static string TakeSuggestions(WizardDraft draft, string field)
    {
        for (var i = 0; i < draft.Inbound.Count; i++)
        {
            if (field == FieldKeys.InboundSources(i))
            {
                var rule = draft.Inbound[i];
                draft.Inbound[i] = rule with { Sources = Fixed(rule.Sources, rule.SourceType == SourceTypes.Subscriptions ? ValueList.Subscriptions : ValueList.AddressPrefixes) };
                return field;
            }
        }

        for (var i = 0; i < draft.Outbound.Count; i++)
        {
            if (field == FieldKeys.OutboundDestinations(i))
            {
                var rule = draft.Outbound[i];
                draft.Outbound[i] = rule with { Destinations = Fixed(rule.Destinations, ValueList.Fqdns) };
                return field;
            }
        }

        return field;
    }

    /// <summary>Each entry replaced by its suggestion when it has one, one entry per line.</summary>
    private static string Fixed(string text, Func<string, ValueListResult> parse) =>
        string.Join('\n', WizardDraft.SplitList(text).Select(item => parse(item).Errors is [{ Suggestion: { } suggestion }] ? suggestion : item));

    private static int? Index(string command)
    {
        var colon = command.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(command.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }
}
