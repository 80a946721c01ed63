using NspPortal.Web.Components;

namespace NspPortal.Web.Features.Perimeters.Menu;

/// <summary>The perimeter blade's left menu, in the Azure portal's order (reference/nsp.md §5.2), plus NspPortal's own
/// Transition group. Each item is a stable URL: <c>/resource{perimeterId}/{Key}</c>.</summary>
public static class PerimeterMenu
{
    /// <summary>Blade keys, the last segment of each blade's URL.</summary>
    public static class Keys
    {
        public const string Overview = "overview";
        public const string ActivityLog = "activitylog";
        public const string AccessControl = "iam";
        public const string Tags = "tags";
        public const string AssociatedResources = "associatedResources";
        public const string Profiles = "profiles";
        public const string Properties = "properties";
        public const string Locks = "locks";
        public const string Links = "links";
        public const string LinkReferences = "linkReferences";
        public const string DiagnosticSettings = "diagnosticSettings";
        public const string Logs = "logs";
        public const string Transition = "transition";
        public const string Troubleshoot = "troubleshoot";
        public const string ExportTemplate = "exportTemplate";
    }

    /// <summary>One entry of the menu; <see cref="Group"/> is the heading it sits under (null: top of the menu).</summary>
    public sealed record Item(string Key, string Label, string Icon, string? Group);

    public static readonly IReadOnlyList<Item> Items =
    [
        new(Keys.Overview, "Overview", "shield_lock", null),
        new(Keys.ActivityLog, "Activity log", "document_bullet_list", null),
        new(Keys.AccessControl, "Access control (IAM)", "people", null),
        new(Keys.Tags, "Tags", "tag", null),
        new(Keys.AssociatedResources, "Associated resources", "cloud", "Settings"),
        new(Keys.Profiles, "Profiles", "list", "Settings"),
        new(Keys.Properties, "Properties", "info", "Settings"),
        new(Keys.Locks, "Locks", "lock_closed", "Settings"),
        new(Keys.Links, "Links", "link", "Perimeter links"),
        new(Keys.LinkReferences, "Link references", "arrow_swap", "Perimeter links"),
        new(Keys.DiagnosticSettings, "Diagnostic settings", "settings", "Monitoring"),
        new(Keys.Logs, "Logs", "data_trending", "Monitoring"),
        new(Keys.Transition, "Learning to Enforced", "shield_checkmark", "Transition"),
        new(Keys.Troubleshoot, "Why was this denied?", "question_circle", "Transition"),
        new(Keys.ExportTemplate, "Export template", "code", "Automation"),
    ];

    /// <summary>The URL of one blade of a perimeter.</summary>
    public static string Url(Guid subscriptionId, string resourceGroup, string name, string key) =>
        PortalRoutes.Perimeter(subscriptionId, resourceGroup, name, key);

    /// <summary>The label of a blade key (the title suffix "perimeter | Label").</summary>
    public static string LabelOf(string key) =>
        Items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase))?.Label ?? key;
}
