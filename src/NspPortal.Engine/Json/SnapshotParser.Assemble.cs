using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Json;

internal sealed partial class SnapshotParser
{
    private sealed record PerimeterDraft(ArmResourceId Id, Guid Guid, string Location)
    {
        public List<ProfileDraft> Profiles { get; } = [];

        public List<ResourceAssociation> Associations { get; } = [];

        public List<Link> Links { get; } = [];

        public List<LinkReference> LinkReferences { get; } = [];
    }

    private sealed record ProfileDraft(ArmResourceId Id, long Version, string At)
    {
        public List<AccessRule> Rules { get; } = [];
    }

    private sealed record RuleDraft(ArmResourceId Id, string At, AccessRule Rule, List<PerimeterReferenceDraft> Perimeters, bool Valid);

    private sealed record PerimeterReferenceDraft(ArmResourceId? Id, Guid? Guid, string? Location, string At);

    private sealed record ChildDraft<T>(ArmResourceId Id, string At, T Value);

    /// <summary>Attaches children to parents (reporting orphans) and freezes the model.</summary>
    private NspConfiguration Assemble()
    {
        foreach (var profile in _profiles)
        {
            if (Parent(profile.Id, profile.At, "perimeter") is { } perimeter)
            {
                perimeter.Profiles.Add(profile);
            }
        }

        foreach (var draft in _rules)
        {
            var perimeters = ResolvePerimeterReferences(draft);
            if (!_profilesById.TryGetValue(draft.Id.Parent!.Value, out var profile))
            {
                Orphan(draft.At, draft.Id, "profile");
            }
            else if (draft.Valid && perimeters is not null)
            {
                profile.Rules.Add(draft.Rule with { NetworkSecurityPerimeters = [.. perimeters] });
            }
        }

        foreach (var association in _associations)
        {
            Parent(association.Id, association.At, "perimeter")?.Associations.Add(association.Value);
        }

        foreach (var link in _links)
        {
            if (Parent(link.Id, link.At, "perimeter") is { } perimeter)
            {
                if (link.Value is LinkReference reference)
                {
                    perimeter.LinkReferences.Add(reference);
                }
                else
                {
                    perimeter.Links.Add((Link)link.Value);
                }
            }
        }

        return new NspConfiguration
        {
            Perimeters =
            [
                .. _perimeters.Select(p => new Perimeter(p.Id, p.Guid)
                {
                    Location = p.Location,
                    Profiles = [.. p.Profiles.Select(d => new Profile(d.Id.Name) { AccessRulesVersion = d.Version, AccessRules = [.. d.Rules] })],
                    Associations = [.. p.Associations],
                    Links = [.. p.Links],
                    LinkReferences = [.. p.LinkReferences],
                }),
            ],
            PaasResources = [.. _paasResources],
        };
    }

    /// <summary>Perimeter-based rule entries need the GUID; take it from the perimeter when only the id is given.</summary>
    private List<PerimeterReference>? ResolvePerimeterReferences(RuleDraft draft)
    {
        var references = new List<PerimeterReference>();
        foreach (var entry in draft.Perimeters)
        {
            var guid = entry.Guid ?? (entry.Id is not null && _perimetersById.TryGetValue(entry.Id.Value, out var known) ? known.Guid : null);
            if (guid is null)
            {
                issues.Add(new ValidationError(ErrorCodes.MissingProperty, $"{entry.At}.perimeterGuid",
                    "perimeterGuid is required when the linked perimeter is not in the snapshot."));
                return null;
            }

            references.Add(new PerimeterReference(guid.Value) { Id = entry.Id, Location = entry.Location });
        }

        return references;
    }

    private PerimeterDraft? Parent(ArmResourceId id, string at, string parentKind)
    {
        if (_perimetersById.TryGetValue(id.Parent!.Value, out var perimeter))
        {
            return perimeter;
        }

        Orphan(at, id, parentKind);
        return null;
    }

    private void Orphan(string at, ArmResourceId id, string parentKind) =>
        issues.Add(new ValidationError(ErrorCodes.ParentResourceNotFound, $"{at}.id",
            $"The {parentKind} '{id.Parent}' of '{id.Name}' is not in the snapshot; add it to resources."));
}
