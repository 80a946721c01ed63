using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Services;

/// <summary>Builds the engine's model (<see cref="NspConfiguration"/>) from stored entities, so writes are validated
/// by the engine's validators and the portal can hand configurations to the rule engine. Whatever collections are
/// loaded are mapped; stored values were validated when written, so unparsable leftovers are skipped.</summary>
public static class EngineMapping
{
    /// <summary>A perimeter with the profiles, rules, associations, links and link references that are loaded.</summary>
    public static Perimeter ToPerimeter(PerimeterEntity perimeter)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var id = ArmResourceId.Parse(ResourceIds.Of(perimeter));
        return new Perimeter(id, perimeter.PerimeterGuid)
        {
            Location = perimeter.Location,
            Profiles = [.. perimeter.Profiles.OrderBy(p => p.NameKey, StringComparer.Ordinal).Select(ToProfile)],
            Associations = [.. perimeter.Associations.Where(a => a.PaasResource?.ResourceGroup is not null)
                .Select(a => ToAssociation(a, id, perimeter))],
            Links = [.. perimeter.Links.Select(ToLink)],
            LinkReferences = [.. perimeter.LinkReferences.Select(ToLinkReference)],
        };
    }

    public static Profile ToProfile(ProfileEntity profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new Profile(profile.Name)
        {
            AccessRulesVersion = profile.AccessRulesVersion,
            AccessRules = [.. profile.AccessRules.OrderBy(r => r.NameKey, StringComparer.Ordinal).Select(ToAccessRule)],
        };
    }

    public static AccessRule ToAccessRule(AccessRuleEntity rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AccessRule(rule.Name, rule.Direction)
        {
            AddressPrefixes = [.. rule.AddressPrefixes.Select(p => IpPrefix.TryParse(p, out var v, out _) ? v : (IpPrefix?)null).OfType<IpPrefix>()],
            Subscriptions = [.. rule.Subscriptions.Select(s => SubscriptionId.TryParse(s, out var v, out _) ? v : (SubscriptionId?)null).OfType<SubscriptionId>()],
            FullyQualifiedDomainNames = [.. rule.FullyQualifiedDomainNames.Select(f => Fqdn.TryParse(f, out var v, out _) ? v : (Fqdn?)null).OfType<Fqdn>()],
            ServiceTags = [.. rule.ServiceTags],
            EmailAddresses = [.. rule.EmailAddresses],
            PhoneNumbers = [.. rule.PhoneNumbers],
            NetworkSecurityPerimeters = [.. rule.NetworkSecurityPerimeters.Select(p => new PerimeterReference(p.PerimeterGuid)
            {
                Id = ArmResourceId.TryParse(p.Id, out var parsed, out _) ? parsed : null,
                Location = p.Location,
            })],
        };
    }

    public static PaasResource ToPaasResource(PaasResourceEntity resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new PaasResource(ArmResourceId.Parse(ResourceIds.Of(resource)))
        {
            PublicNetworkAccess = resource.PublicNetworkAccess,
            AllowTrustedServices = resource.AllowTrustedServices,
            FirewallIpRules = [.. resource.FirewallIpRules.Select(p => IpPrefix.TryParse(p, out var v, out _) ? v : (IpPrefix?)null).OfType<IpPrefix>()],
        };
    }

    private static ResourceAssociation ToAssociation(ResourceAssociationEntity association, ArmResourceId perimeterId, PerimeterEntity perimeter)
    {
        var profile = association.Profile ?? perimeter.Profiles.FirstOrDefault(p => p.Id == association.ProfileId);
        var profileId = perimeterId.Child("profiles", profile?.Name ?? "unknown");
        return new ResourceAssociation(association.Name, ArmResourceId.Parse(ResourceIds.Of(association.PaasResource!)), profileId, association.AccessMode);
    }

    private static Link ToLink(LinkEntity link) =>
        new(link.Name, ArmResourceId.TryParse(link.RemotePerimeterResourceId, out var remote, out _) ? remote : null, link.RemotePerimeterGuid, link.Status)
        {
            RemotePerimeterLocation = link.RemotePerimeterLocation,
            LocalInboundProfiles = [.. link.LocalInboundProfiles],
            RemoteInboundProfiles = [.. link.RemoteInboundProfiles],
            Description = link.Description,
        };

    private static LinkReference ToLinkReference(LinkReferenceEntity reference) =>
        new(reference.Name, ArmResourceId.TryParse(reference.RemotePerimeterResourceId, out var remote, out _) ? remote : null, reference.RemotePerimeterGuid, reference.Status)
        {
            RemotePerimeterLocation = reference.RemotePerimeterLocation,
            LocalInboundProfiles = [.. reference.LocalInboundProfiles],
            RemoteInboundProfiles = [.. reference.RemoteInboundProfiles],
            Description = reference.Description,
        };

    /// <summary>The errors of a whole-configuration validation that a write of <paramref name="writtenIds"/> causes:
    /// findings about those resources, and limits exceeded on one of their ancestors. Findings about other resources
    /// (older data) do not block the write.</summary>
    internal static ServiceError? ErrorsFor(ValidationResult result, params string[] writtenIds)
    {
        var relevant = result.Errors.Where(issue => issue.ResourceId is { } owner && writtenIds.Any(id =>
            string.Equals(owner, id, StringComparison.OrdinalIgnoreCase)
            || (issue.Code == ErrorCodes.LimitExceeded && id.StartsWith(owner + "/", StringComparison.OrdinalIgnoreCase))));
        return ServiceError.FromValidation(relevant);
    }
}
