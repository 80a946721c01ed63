using NspPortal.Web.Features.ResourcePicker;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>Everything one rendering of the wizard needs: the draft, what it may choose from, what validation found,
/// the tab shown, the "Select resources" pane when it is open, a message for the whole form, and the field to focus.</summary>
public sealed record WizardView(WizardDraft Draft, WizardChoices Choices, WizardIssues Issues, WizardTab Tab)
{
    /// <summary>The resource picker's state and page while the pane is open; null when closed.</summary>
    public ResourcePickerState? Picker { get; init; }

    public PickerPage? PickerData { get; init; }

    /// <summary>A message above the tabs (the deployment failed, the form token expired…).</summary>
    public string? Message { get; init; }

    /// <summary>error, warning or success.</summary>
    public string MessageKind { get; init; } = "error";

    /// <summary>What gets keyboard focus when this rendering arrives: a field key (its input), <see cref="FocusTab"/>
    /// (the shown tab's heading), <see cref="FocusSummary"/> (the validation summary) or null (leave focus alone, e.g.
    /// after a refresh while typing).</summary>
    public string? Focus { get; init; }

    public const string FocusTab = "#tab";
    public const string FocusSummary = "#summary";

    /// <summary>Errors and warnings are shown for tabs the user has left or reviewed.</summary>
    public bool ShowsIssues(WizardTab tab) => Draft.Visited.Contains(tab);

    /// <summary>The issues to show next to a field (none while its tab has not been visited).</summary>
    public IReadOnlyList<WizardIssue> IssuesFor(string key) => ShowsIssues(FieldKeys.TabOf(key)) ? Issues.For(key) : [];

    public bool Invalid(string key) => IssuesFor(key).Any(i => i.IsError);

    /// <summary>The header of <paramref name="tab"/> is marked: it has errors and the user has seen it.</summary>
    public bool TabMarked(WizardTab tab) => ShowsIssues(tab) && Issues.TabHasErrors(tab);

    public bool Autofocus(string key) => string.Equals(Focus, key, StringComparison.Ordinal);
}
