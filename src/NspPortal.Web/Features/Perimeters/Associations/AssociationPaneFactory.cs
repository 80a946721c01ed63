using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Model;
using NspPortal.Web.Features.ResourcePicker;

namespace NspPortal.Web.Features.Perimeters.Associations;

/// <summary>Opens a pane of the Associated resources blade for the selected rows: the page (a GET with
/// <c>?pane=…&amp;selected=…</c>) and the endpoints (showing a refused action again) build it the same way.</summary>
public static class AssociationPaneFactory
{
    /// <summary>The window the access mode pane reports on (issue 6: "the last 7 days").</summary>
    public static readonly TimeSpan ImpactWindow = TimeSpan.FromDays(7);

    public const string SelectFirst = "Select one or more resources first, then choose the action.";

    /// <summary>The pane, or null with the reason when it cannot open (nothing selected).</summary>
    public static async Task<(AssociationPane? Pane, string? Reason)> OpenAsync(AssociationsView view, string? kind, IEnumerable<string>? selected, string? chosen,
        NspDbContext db, AccessGrants grants, ITrafficInsights traffic, AddRequest? add = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(traffic);
        if (kind is null || !AssociationPanes.All.Contains(kind) || !view.CanWrite)
        {
            return (null, null);
        }

        if (kind == AssociationPanes.Add)
        {
            return (await OpenAddAsync(view, add ?? AddRequest.Empty, db, grants, cancellationToken), null);
        }

        var rows = view.Select(selected);
        if (rows.Count == 0)
        {
            return (null, SelectFirst);
        }

        var pane = new AssociationPane(kind, rows) { Chosen = chosen ?? DefaultChoice(kind, rows, view) };
        if (kind == AssociationPanes.AccessMode)
        {
            pane = pane with { Impact = await traffic.WouldBeDeniedAsync(view.PerimeterId, [.. rows.Select(r => r.Id)], ImpactWindow, cancellationToken) };
        }

        return (pane, null);
    }

    /// <summary>"+ Add": the profile and mode fields as sent, the resources chosen so far, and the "Select resources"
    /// picker (the wizard's ResourcePicker) when <see cref="AddRequest.Command"/> opens it, filters or pages it. "Select"
    /// takes the picker's ticks as the chosen resources; resources already in this perimeter are not offered.</summary>
    private static async Task<AssociationPane> OpenAddAsync(AssociationsView view, AddRequest add, NspDbContext db, AccessGrants grants, CancellationToken ct)
    {
        var chosen = add.Resources;
        ResourcePickerState? picker = null;
        switch (add.Command)
        {
            case PickerCommands.Open:
                picker = ResourcePickerState.Empty with { Selected = chosen, Exclude = [.. view.Rows.Select(r => r.ResourceId)] };
                break;
            case PickerCommands.Select:
                chosen = add.Picker?.Selected ?? [];
                break;
            case PickerCommands.Close:
                break;
            default:
                picker = add.Picker; // filtering or paging without scripts: the picker stays open
                break;
        }

        var pane = new AssociationPane(AssociationPanes.Add, [])
        {
            Chosen = add.Mode ?? nameof(AccessMode.Learning),
            ProfileChoice = add.ProfileChoice ?? (view.Profiles.Count == 0 ? "new" : "existing"),
            NewProfile = add.NewProfile ?? "",
            ExistingProfile = add.ExistingProfile ?? (view.Profiles.Count > 0 ? view.Profiles[0] : null),
            ChosenResources = chosen,
        };
        return picker is null
            ? pane
            : pane with { PickerState = picker, PickerData = await ResourcePickerQuery.LoadAsync(db, picker.Filter, picker.Exclude, grants, ct) };
    }

    private static string? DefaultChoice(string kind, IReadOnlyList<AssociationRow> rows, AssociationsView view) => kind switch
    {
        // The usual next step: Transition → Enforced; anything else back to Transition.
        AssociationPanes.AccessMode => rows.All(r => r.Mode == AccessMode.Learning) ? nameof(AccessMode.Enforced) : nameof(AccessMode.Learning),
        AssociationPanes.PublicNetworkAccess => rows.Select(r => r.Configured).Distinct().Count() == 1 ? rows[0].Configured.ToString() : null,
        AssociationPanes.Move => view.Profiles.FirstOrDefault(p => rows.Any(r => !string.Equals(r.Profile, p, StringComparison.OrdinalIgnoreCase))),
        _ => null,
    };
}

/// <summary>The commands of the "+ Add" pane's picker buttons (the form field <c>command</c>).</summary>
public static class PickerCommands
{
    public const string Field = "command";
    public const string Open = "picker-open";
    public const string Select = "picker-select";
    public const string Close = "picker-close";
    public const string Filter = "picker-filter";
}

/// <summary>What the "+ Add" pane sent (query string of its GET steps, or the form of Associate).</summary>
public sealed record AddRequest(string? ProfileChoice, string? NewProfile, string? ExistingProfile, string? Mode, IReadOnlyList<string> Resources, string? Command,
    ResourcePickerState? Picker)
{
    public static AddRequest Empty { get; } = new(null, null, null, null, [], null, null);

    /// <summary>Reads the fields: <c>profileChoice</c>, <c>newProfile</c>, <c>profile</c>, <c>value</c> (access mode),
    /// <c>resource</c> (repeated), <c>command</c> and the picker's <c>picker.*</c>.</summary>
    public static AddRequest From(Func<string, Microsoft.Extensions.Primitives.StringValues> values, ResourcePickerState? picker)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? One(string key) => values(key).FirstOrDefault() is { } v ? v.Trim() : null;
        return new AddRequest(One("profileChoice") == "new" ? "new" : One("profileChoice") is null ? null : "existing", One("newProfile"), One("profile"), One("value"),
            [.. values("resource").Select(r => r?.Trim() ?? "").Where(r => r.Length is > 0 and <= 1000).Distinct(StringComparer.OrdinalIgnoreCase).Take(ResourcePickerState.MaxIds)],
            One(PickerCommands.Field), picker);
    }
}
