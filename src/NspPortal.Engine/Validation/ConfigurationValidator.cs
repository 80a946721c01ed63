using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Validation;

/// <summary>Whole-configuration validation: names and duplicates, every access rule (<see cref="AccessRuleValidator"/>),
/// the limits of reference/nsp.md §2, one association per PaaS resource, associations whose profile is in their own
/// perimeter, associable resource types, and link consistency. Each finding names its resource
/// (<see cref="ValidationError.ResourceId"/>) and a property path inside it.</summary>
public static class ConfigurationValidator
{
    /// <summary>Validates the configuration. Never throws for bad data.</summary>
    public static ValidationResult Validate(NspConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var issues = new List<ValidationError>();
        var perimeterIds = new HashSet<ArmResourceId>();
        var perimeterGuids = new Dictionary<Guid, Perimeter>();
        var associationsByResource = new Dictionary<ArmResourceId, (Perimeter Perimeter, ResourceAssociation Association)>();

        foreach (var perimeter in configuration.Perimeters)
        {
            var id = perimeter.Id.Value;
            if (!perimeter.Id.IsOfType(ArmIds.PerimeterType))
            {
                issues.Add(Error(ErrorCodes.InvalidResourceId, id, "id", $"'{id}' is not a {ArmIds.PerimeterType} id."));
            }

            if (!perimeterIds.Add(perimeter.Id))
            {
                issues.Add(Error(ErrorCodes.DuplicateResource, id, "id", $"The perimeter '{id}' appears twice."));
                continue;
            }

            Add(issues, FieldValidator.Name(NspResourceKind.Perimeter, perimeter.Name), id);
            if (!perimeterGuids.TryAdd(perimeter.PerimeterGuid, perimeter))
            {
                issues.Add(Error(ErrorCodes.DuplicatePerimeterGuid, id, "properties.perimeterGuid",
                    $"perimeterGuid {perimeter.PerimeterGuid} is also the GUID of '{perimeterGuids[perimeter.PerimeterGuid].Id}'; each perimeter has its own GUID."));
            }

            ValidateProfiles(perimeter, issues);
            ValidateAssociations(perimeter, associationsByResource, issues);
            ValidateLinks(perimeter, issues);
        }

        foreach (var group in configuration.Perimeters.DistinctBy(p => p.Id).GroupBy(p => p.Id.SubscriptionId))
        {
            var limit = NspLimits.PerimetersPerSubscription;
            if (group.Count() > limit.Value)
            {
                issues.Add(Limit(limit, group.Count(), group.Last().Id.Value, "id", $"Subscription {group.Key.Value}"));
            }
        }

        var resourceIds = new HashSet<ArmResourceId>();
        foreach (var resource in configuration.PaasResources)
        {
            if (!resourceIds.Add(resource.Id))
            {
                issues.Add(Error(ErrorCodes.DuplicateResource, resource.Id.Value, "id", $"The PaaS resource '{resource.Id}' appears twice."));
            }
        }

        return new ValidationResult(issues);
    }

    /// <summary>The error users see when a PaaS resource already has an association, worded as Azure words it
    /// (reference/nsp.md §2, §6 #3) plus what to do: a resource is in one perimeter at a time, whatever the mode.</summary>
    public static string AlreadyAssociatedMessage(ArmResourceId resourceId, string existingAssociation, string existingPerimeter, AccessMode existingMode)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        var mode = existingMode.ToString().ToLowerInvariant();
        return $"Only a single association with access mode '{mode}' is allowed. Association '{existingAssociation}' already uses access mode '{mode}' " +
            $"on {resourceId.ResourceType} '{resourceId.Name}' (perimeter '{existingPerimeter}'). A resource can be associated with one perimeter at a time: " +
            "remove that association, or move the resource to the new profile, before creating this one.";
    }

    private static void ValidateProfiles(Perimeter perimeter, List<ValidationError> issues)
    {
        CheckLimit(NspLimits.ProfilesPerPerimeter, perimeter.Profiles.Length, perimeter.Id.Value, "profiles", issues);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in perimeter.Profiles)
        {
            var profileId = SafeChild(perimeter.Id, "profiles", profile.Name);
            Add(issues, FieldValidator.Name(NspResourceKind.Profile, profile.Name), profileId);
            if (!names.Add(profile.Name))
            {
                issues.Add(Error(ErrorCodes.DuplicateResourceName, profileId, "name", $"The perimeter already has a profile named '{profile.Name}'."));
            }

            var ruleNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in profile.AccessRules)
            {
                var ruleId = $"{profileId}/accessRules/{rule.Name}";
                if (!ruleNames.Add(rule.Name))
                {
                    issues.Add(Error(ErrorCodes.DuplicateResourceName, ruleId, "name", $"The profile already has an access rule named '{rule.Name}'."));
                }

                issues.AddRange(AccessRuleValidator.Validate(rule).Issues.Select(i => i with { ResourceId = ruleId }));
            }

            foreach (var direction in new[] { AccessRuleDirection.Inbound, AccessRuleDirection.Outbound })
            {
                var count = profile.AccessRules.Count(r => r.Direction == direction);
                var limit = NspLimits.AccessRulesPerProfilePerDirection;
                if (count > limit.Value)
                {
                    issues.Add(Limit(limit, count, profileId, "accessRules", $"Profile '{profile.Name}' ({direction})"));
                }
            }
        }
    }

    private static void ValidateAssociations(Perimeter perimeter,
        Dictionary<ArmResourceId, (Perimeter Perimeter, ResourceAssociation Association)> associationsByResource, List<ValidationError> issues)
    {
        CheckLimit(NspLimits.AssociationsPerPerimeter, perimeter.Associations.Length, perimeter.Id.Value, "resourceAssociations", issues);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var association in perimeter.Associations)
        {
            var id = SafeChild(perimeter.Id, "resourceAssociations", association.Name);
            Add(issues, FieldValidator.Name(NspResourceKind.ResourceAssociation, association.Name), id);
            if (!names.Add(association.Name))
            {
                issues.Add(Error(ErrorCodes.DuplicateResourceName, id, "name", $"The perimeter already has an association named '{association.Name}'."));
            }

            var profileParent = association.ProfileId.Parent;
            if (!association.ProfileId.IsOfType(ArmIds.PerimeterType + "/profiles") || profileParent != perimeter.Id)
            {
                issues.Add(Error(ErrorCodes.ProfileNotInPerimeter, id, "properties.profile.id",
                    $"The profile '{association.ProfileId}' is not a profile of perimeter '{perimeter.Name}'; choose one of its profiles ({ProfileList(perimeter)})."));
            }
            else if (!perimeter.Profiles.Any(p => string.Equals(p.Name, association.ProfileName, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Add(Error(ErrorCodes.ProfileNotFound, id, "properties.profile.id",
                    $"Perimeter '{perimeter.Name}' has no profile named '{association.ProfileName}'; create it first or choose one of {ProfileList(perimeter)}."));
            }

            var resource = association.PrivateLinkResourceId;
            if (resource.ProviderNamespace is null || !resource.IsTopLevelResource || AssociableResourceTypes.Find(resource.ResourceType) is null)
            {
                issues.Add(Error(ErrorCodes.ResourceTypeNotAssociable, id, "properties.privateLinkResource.id",
                    $"Resources of type {resource.ResourceType} cannot be associated with a perimeter; supported types: {string.Join(", ", AssociableResourceTypes.All.Select(t => t.ResourceType))}."));
            }

            if (associationsByResource.TryGetValue(resource, out var existing))
            {
                issues.Add(Error(ErrorCodes.ResourceAlreadyAssociated, id, "properties.privateLinkResource.id",
                    AlreadyAssociatedMessage(resource, existing.Association.Name, existing.Perimeter.Name, existing.Association.AccessMode)));
            }
            else
            {
                associationsByResource.Add(resource, (perimeter, association));
            }
        }
    }

    private static void ValidateLinks(Perimeter perimeter, List<ValidationError> issues)
    {
        CheckLimit(NspLimits.LinksPerPerimeter, perimeter.Links.Length + perimeter.LinkReferences.Length, perimeter.Id.Value, "links", issues);
        var sides = perimeter.Links.Select(l => (Side: (LinkSide)l, Kind: NspResourceKind.Link, Segment: "links"))
            .Concat(perimeter.LinkReferences.Select(l => (Side: (LinkSide)l, Kind: NspResourceKind.LinkReference, Segment: "linkReferences")));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (side, kind, segment) in sides)
        {
            var id = SafeChild(perimeter.Id, segment, side.Name);
            Add(issues, FieldValidator.Name(kind, side.Name), id);
            if (!names.Add(segment + "/" + side.Name))
            {
                issues.Add(Error(ErrorCodes.DuplicateResourceName, id, "name", $"The perimeter already has a {FieldValidator.KindText(kind)} named '{side.Name}'."));
            }

            var remoteTarget = kind == NspResourceKind.Link ? "properties.autoApprovedRemotePerimeterResourceId" : "properties.remotePerimeterResourceId";
            if (side.RemotePerimeterId is null && side.RemotePerimeterGuid is null)
            {
                issues.Add(Error(ErrorCodes.InvalidRemotePerimeter, id, remoteTarget, "Name the remote perimeter by its resource id."));
            }
            else if (side.RemotePerimeterId == perimeter.Id || side.RemotePerimeterGuid == perimeter.PerimeterGuid)
            {
                issues.Add(Error(ErrorCodes.InvalidRemotePerimeter, id, remoteTarget, $"A {FieldValidator.KindText(kind)} cannot point at its own perimeter '{perimeter.Name}'."));
            }
            else if (side.RemotePerimeterId is { } remote && !remote.IsOfType(ArmIds.PerimeterType))
            {
                issues.Add(Error(ErrorCodes.InvalidResourceId, id, remoteTarget, $"'{remote}' is not a {ArmIds.PerimeterType} id."));
            }

            CheckProfileList(side.LocalInboundProfiles, "localInboundProfiles", id, issues);
            CheckProfileList(side.RemoteInboundProfiles, "remoteInboundProfiles", id, issues);
            if (kind == NspResourceKind.Link)
            {
                Add(issues, FieldValidator.LinkDescription(side.Description, "properties.description"), id);
            }
        }
    }

    private static void CheckProfileList(IReadOnlyList<string> profiles, string field, string resourceId, List<ValidationError> issues)
    {
        if (profiles.Contains("*") && profiles.Count > 1)
        {
            issues.Add(Error(ErrorCodes.InvalidLinkProfiles, resourceId, $"properties.{field}",
                $"{field} lists '*' (all profiles) together with profile names; use either [\"*\"] or the names."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < profiles.Count; i++)
        {
            if (profiles[i] == "*")
            {
                continue;
            }

            if (FieldValidator.Name(NspResourceKind.Profile, profiles[i], $"properties.{field}[{i}]") is { } nameError)
            {
                issues.Add(nameError with { Code = ErrorCodes.InvalidLinkProfiles, ResourceId = resourceId });
            }
            else if (!seen.Add(profiles[i]))
            {
                issues.Add(Error(ErrorCodes.InvalidLinkProfiles, resourceId, $"properties.{field}[{i}]", $"'{profiles[i]}' is listed twice; profile lists are unique."));
            }
        }
    }

    private static void CheckLimit(NspLimit limit, int count, string resourceId, string target, List<ValidationError> issues)
    {
        if (count > limit.Value)
        {
            issues.Add(Limit(limit, count, resourceId, target, $"Perimeter '{resourceId[(resourceId.LastIndexOf('/') + 1)..]}'"));
        }
    }

    private static ValidationError Limit(NspLimit limit, int count, string resourceId, string target, string scope) =>
        new(ErrorCodes.LimitExceeded, target,
            $"{scope} has {count} {limit.Noun}; the {(limit.IsHard ? "limit" : "recommended maximum")} is {limit.Value} {limit.Description}.")
        {
            Severity = limit.IsHard ? ValidationSeverity.Error : ValidationSeverity.Warning,
            ResourceId = resourceId,
        };

    private static string ProfileList(Perimeter perimeter) =>
        perimeter.Profiles.Length == 0 ? "it has none yet" : string.Join(", ", perimeter.Profiles.Select(p => $"'{p.Name}'"));

    private static string SafeChild(ArmResourceId parent, string type, string name) => $"{parent.Value}/{type}/{name}";

    private static ValidationError Error(string code, string resourceId, string target, string message) =>
        new(code, target, message) { ResourceId = resourceId };

    private static void Add(List<ValidationError> issues, ValidationError? issue, string resourceId)
    {
        if (issue is not null)
        {
            issues.Add(issue with { ResourceId = resourceId });
        }
    }
}
