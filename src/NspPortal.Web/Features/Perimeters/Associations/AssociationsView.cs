using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Web.Components;

namespace NspPortal.Web.Features.Perimeters.Associations;

/// <summary>One row of the Associated resources grid. <see cref="ETag"/> is the association's, <see cref="ResourceETag"/>
/// the PaaS resource's (public network access is a property of the resource).</summary>
public sealed record AssociationRow(
    Guid Id,
    string Name,
    string ETag,
    string ResourceName,
    string ResourceId,
    string ResourceType,
    string ResourceGroup,
    string Profile,
    AccessMode Mode,
    PublicNetworkAccess Configured,
    string ResourceETag,
    ProvisioningState State,
    bool HasIssues)
{
    /// <summary>Enforced overrides the resource's setting: it behaves as SecuredByPerimeter (reference/nsp.md §4.3).</summary>
    public PublicNetworkAccess Effective => Mode == AccessMode.Enforced ? PublicNetworkAccess.SecuredByPerimeter : Configured;

    /// <summary>The resource type as the portal names it ("Storage account").</summary>
    public string TypeLabel => AssociableResourceTypes.Find(ResourceType)?.DisplayName ?? ResourceType;
}

/// <summary>Which context pane of the blade is open.</summary>
public static class AssociationPanes
{
    public const string AccessMode = "accessMode";
    public const string PublicNetworkAccess = "publicNetworkAccess";
    public const string Move = "move";
    public const string Remove = "remove";
    public const string Add = "add";

    public static readonly IReadOnlyList<string> All = [AccessMode, PublicNetworkAccess, Move, Remove, Add];

    public static string Title(string pane, int count) => pane switch
    {
        AccessMode => "Change access mode",
        PublicNetworkAccess => "Configure public network access",
        Move => "Move to another profile",
        Remove => count == 1 ? "Remove resource" : $"Remove {count} resources",
        _ => "Associate resources",
    };
}

/// <summary>An open pane: the rows it applies to (as stored now, with their current ETags), the value chosen (kept when
/// a save is refused), and why it was refused.</summary>
public sealed record AssociationPane(string Kind, IReadOnlyList<AssociationRow> Selected)
{
    /// <summary>The access mode, public network access value or profile picked.</summary>
    public string? Chosen { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>"warning" for a conflict (changed by someone else), "error" for a refusal.</summary>
    public string ProblemKind { get; init; } = "error";

    /// <summary>What the traffic log says about enforcing the selected associations (access mode pane).</summary>
    public WouldBeDeniedSummary? Impact { get; init; }

    // "+ Add"

    /// <summary>The wizard's "Select resources" pane, when open over the Add pane (null: closed).</summary>
    public ResourcePicker.ResourcePickerState? PickerState { get; init; }

    public ResourcePicker.PickerPage? PickerData { get; init; }

    /// <summary>"existing" or "new".</summary>
    public string ProfileChoice { get; init; } = "existing";

    public string NewProfile { get; init; } = "";

    public string? ExistingProfile { get; init; }

    /// <summary>ARM ids of the resources to associate (chosen in the picker).</summary>
    public IReadOnlyList<string> ChosenResources { get; init; } = [];
}

/// <summary>What the Associated resources blade shows.</summary>
public sealed record AssociationsView(Guid SubscriptionId, string ResourceGroup, string PerimeterName, Guid PerimeterId,
    IReadOnlyList<AssociationRow> Rows, IReadOnlyList<string> Profiles, bool CanWrite)
{
    public string PageUrl => PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, PerimeterName, Menu.PerimeterMenu.Keys.AssociatedResources);

    public string ActionUrl(string action) => $"{PageUrl}/{action}";

    public string PaneUrl(string pane, params IEnumerable<string> selected) =>
        $"{PageUrl}?pane={pane}{string.Concat(selected.Select(s => "&selected=" + Uri.EscapeDataString(s)))}";

    public string ProfileUrl(string profile) =>
        PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, PerimeterName, $"profiles/{Uri.EscapeDataString(profile)}");

    /// <summary>The rows named in <paramref name="names"/>, in grid order (names that no longer exist are dropped).</summary>
    public IReadOnlyList<AssociationRow> Select(IEnumerable<string>? names)
    {
        var keys = (names ?? []).Select(ArmEntity.NameKeyOf).ToHashSet(StringComparer.Ordinal);
        return [.. Rows.Where(r => keys.Contains(ArmEntity.NameKeyOf(r.Name)))];
    }

    /// <summary>Loads the blade of a perimeter (untracked, one query for the rows); null when the perimeter does not exist.</summary>
    public static async Task<AssociationsView?> LoadAsync(NspDbContext db, PerimeterEntity? perimeter, bool canWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (perimeter is null)
        {
            return null;
        }

        var rows = await db.ResourceAssociations.AsNoTracking().Where(a => a.PerimeterId == perimeter.Id)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.ETag,
                Resource = a.PaasResource!.Name,
                ResourceKey = a.PaasResource.NameKey,
                a.PaasResource.ResourceType,
                Group = a.PaasResource.ResourceGroup!.Name,
                a.PaasResource.ResourceGroup.SubscriptionId,
                Profile = a.Profile!.Name,
                a.AccessMode,
                a.PaasResource.PublicNetworkAccess,
                ResourceETag = a.PaasResource.ETag,
                a.ProvisioningState,
                a.HasProvisioningIssues,
            })
            .ToListAsync(cancellationToken);
        var profiles = await db.Profiles.AsNoTracking().Where(p => p.PerimeterId == perimeter.Id).OrderBy(p => p.NameKey).Select(p => p.Name).ToListAsync(cancellationToken);
        return new AssociationsView(perimeter.ResourceGroup!.SubscriptionId, perimeter.ResourceGroup.Name, perimeter.Name, perimeter.Id,
            [.. rows.OrderBy(r => r.ResourceKey, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Select(r => new AssociationRow(r.Id, r.Name, r.ETag, r.Resource, ArmIds.Resource(r.SubscriptionId, r.Group, r.ResourceType, r.Resource),
                    r.ResourceType, r.Group, r.Profile, r.AccessMode, r.PublicNetworkAccess, r.ResourceETag, r.ProvisioningState, r.HasProvisioningIssues))],
            profiles, canWrite);
    }
}
