using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Engine.Catalog;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Features.ResourcePicker;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>What the wizard offers and shows for a draft: the subscriptions the caller may write to, the resource groups
/// of the chosen one, the regions, and the selected resources as the inventory knows them (type, location, perimeter).</summary>
public sealed record WizardChoices(
    IReadOnlyList<SubscriptionOption> Subscriptions,
    IReadOnlyList<string> ResourceGroups,
    IReadOnlyDictionary<string, PickerResource> SelectedResources,
    int PerimetersInSubscription)
{
    public static IReadOnlyList<AzureRegion> Regions => AzureRegions.All;

    public PickerResource? Resource(string id) => SelectedResources.GetValueOrDefault(id);

    public string SubscriptionName(string id) =>
        Subscriptions.FirstOrDefault(s => string.Equals(s.Id.ToString(), id, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? id;

    public static async Task<WizardChoices> LoadAsync(NspDbContext db, WizardDraft draft, AccessGrants access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(access);
        var writable = access.SubscriptionsWith(NspPermission.Write)?.ToArray();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => writable == null || writable.Contains(s.Id))
            .OrderBy(s => s.DisplayName)
            .Select(s => new SubscriptionOption(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
        IReadOnlyList<string> groups = [];
        var perimeters = 0;
        if (draft.SubscriptionId is { } id && subscriptions.Any(s => s.Id == id))
        {
            groups = await db.ResourceGroups.AsNoTracking().Where(g => g.SubscriptionId == id).OrderBy(g => g.NameKey).Select(g => g.Name).ToListAsync(cancellationToken);
            perimeters = await db.Perimeters.CountAsync(p => p.ResourceGroup!.SubscriptionId == id, cancellationToken);
        }

        var keys = draft.Resources.Select(r => r.Id.ToUpperInvariant()).Distinct().ToArray();
        var found = keys.Length == 0 ? [] : await ResourcePickerQuery.FindAsync(db, keys, cancellationToken);
        return new WizardChoices(subscriptions, groups, found.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase), perimeters);
    }
}
