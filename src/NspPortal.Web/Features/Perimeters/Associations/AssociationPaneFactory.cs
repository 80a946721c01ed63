using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Model;

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
        NspDbContext db, AccessGrants grants, ITrafficInsights traffic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(traffic);
        if (kind is null || !AssociationPanes.All.Contains(kind) || !view.CanWrite)
        {
            return (null, null);
        }

        if (kind == AssociationPanes.Add)
        {
            return (new AssociationPane(kind, []) { Candidates = await AssociationsView.CandidatesAsync(db, grants, cancellationToken), Chosen = chosen ?? nameof(AccessMode.Learning) }, null);
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

    private static string? DefaultChoice(string kind, IReadOnlyList<AssociationRow> rows, AssociationsView view) => kind switch
    {
        // The usual next step: Transition → Enforced; anything else back to Transition.
        AssociationPanes.AccessMode => rows.All(r => r.Mode == AccessMode.Learning) ? nameof(AccessMode.Enforced) : nameof(AccessMode.Learning),
        AssociationPanes.PublicNetworkAccess => rows.Select(r => r.Configured).Distinct().Count() == 1 ? rows[0].Configured.ToString() : null,
        AssociationPanes.Move => view.Profiles.FirstOrDefault(p => rows.Any(r => !string.Equals(r.Profile, p, StringComparison.OrdinalIgnoreCase))),
        _ => null,
    };
}
