namespace NspPortal.Engine.Validation;

/// <summary>A limit of reference/nsp.md §2.</summary>
/// <param name="Noun">What is counted ("profiles").</param>
/// <param name="Description">The limit as shown in messages ("profiles per perimeter").</param>
/// <param name="Value">The maximum.</param>
/// <param name="IsHard">Hard limits are errors; recommended ones are warnings (Azure accepts more).</param>
public sealed record NspLimit(string Noun, string Description, int Value, bool IsHard);

/// <summary>All limits of reference/nsp.md §2 in one place (readings of the unverified ones: docs/engine.md, "Limits").</summary>
public static class NspLimits
{
    /// <summary>Names of all NSP-owned resources: 80 characters (hard, swagger).</summary>
    public const int MaxNameLength = 80;

    /// <summary>Link description: 140 characters (swagger).</summary>
    public const int MaxLinkDescriptionLength = 140;

    /// <summary>Resource-name length the portal allows when it names an association <c>{resourceName}-{perimeterGuid}</c>.</summary>
    public const int MaxPortalAssociationResourceNameLength = 44;

    /// <summary>The logging configuration's only allowed name.</summary>
    public const string LoggingConfigurationName = "instance";

    /// <summary>Perimeters per subscription: 100, recommended.</summary>
    public static NspLimit PerimetersPerSubscription { get; } = new("perimeters", "perimeters per subscription", 100, IsHard: false);

    /// <summary>Profiles per perimeter: 200, recommended.</summary>
    public static NspLimit ProfilesPerPerimeter { get; } = new("profiles", "profiles per perimeter", 200, IsHard: false);

    /// <summary>Access rules per profile, counted per direction (200 inbound and 200 outbound): hard. §2 says "rule
    /// elements per profile 200" and a newer page "200 for inbound and outbound each" [unverified]; we count rules.</summary>
    public static NspLimit AccessRulesPerProfilePerDirection { get; } = new("access rules", "access rules per profile and direction", 200, IsHard: true);

    /// <summary>PaaS resources associated with one perimeter: 1,000, recommended.</summary>
    public static NspLimit AssociationsPerPerimeter { get; } = new("resource associations", "resource associations per perimeter", 1000, IsHard: false);

    /// <summary>Links per perimeter (links it created plus link references to it): 10.</summary>
    public static NspLimit LinksPerPerimeter { get; } = new("links and link references", "links and link references per perimeter", 10, IsHard: true);

    /// <summary>Associations per PaaS resource: one perimeter at a time.</summary>
    public static NspLimit AssociationsPerResource { get; } = new("associations", "associations per PaaS resource", 1, IsHard: true);
}
