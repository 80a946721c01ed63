using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Representation;

/// <summary>The ARM JSON of stored resources, in the shape of api-version 2025-05-01 (reference/nsp.md §1.3, §1.5):
/// Azure's property names and order, every array echoed (empty when unused), <c>systemData</c>. The API serves it
/// (adapted per api-version by the web host) and the activity log records it, so both always agree.</summary>
public static class ArmJson
{
    /// <summary>Compact JSON as ARM writes it: apostrophes and non-ASCII text are not escaped.</summary>
    public static JsonSerializerOptions WireOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON of any stored ARM resource. Parents must be loaded (see <see cref="ResourceIds"/>).</summary>
    public static JsonObject Of(ArmEntity entity, Func<Guid, ProfileEntity?>? profileLookup = null) => entity switch
    {
        ResourceGroupEntity x => ResourceGroup(x),
        PerimeterEntity x => Perimeter(x),
        ProfileEntity x => Profile(x),
        AccessRuleEntity x => AccessRule(x),
        ResourceAssociationEntity x => Association(x, profileLookup),
        LinkEntity x => Link(x),
        LinkReferenceEntity x => LinkReference(x),
        LoggingConfigurationEntity x => LoggingConfiguration(x),
        PaasResourceEntity x => PaasResourceJson.Write(x),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not an ARM resource.", nameof(entity)),
    };

    public static JsonObject ResourceGroup(ResourceGroupEntity group) => new()
    {
        ["id"] = ResourceIds.Of(group),
        ["name"] = group.Name,
        ["type"] = ResourceTypes.ResourceGroup,
        ["location"] = group.Location,
        ["tags"] = Tags(group.Tags),
        ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" },
    };

    public static JsonObject Perimeter(PerimeterEntity perimeter) => new()
    {
        ["id"] = ResourceIds.Of(perimeter),
        ["name"] = perimeter.Name,
        ["type"] = ResourceTypes.Perimeter,
        ["location"] = perimeter.Location,
        ["tags"] = Tags(perimeter.Tags),
        ["properties"] = new JsonObject
        {
            ["perimeterGuid"] = perimeter.PerimeterGuid.ToString("D"),
            ["provisioningState"] = perimeter.ProvisioningState.ToString(),
        },
        ["systemData"] = SystemData(perimeter),
    };

    public static JsonObject Profile(ProfileEntity profile) => Proxy(profile, ResourceTypes.Profile, ResourceIds.Of(profile), new JsonObject
    {
        ["accessRulesVersion"] = profile.AccessRulesVersion.ToString(CultureInfo.InvariantCulture),
        ["diagnosticSettingsVersion"] = profile.DiagnosticSettingsVersion.ToString(CultureInfo.InvariantCulture),
    });

    public static JsonObject AccessRule(AccessRuleEntity rule) => Proxy(rule, ResourceTypes.AccessRule, ResourceIds.Of(rule), new JsonObject
    {
        ["provisioningState"] = rule.ProvisioningState.ToString(),
        ["direction"] = rule.Direction.ToString(),
        ["addressPrefixes"] = Strings(rule.AddressPrefixes),
        ["fullyQualifiedDomainNames"] = Strings(rule.FullyQualifiedDomainNames),
        ["subscriptions"] = new JsonArray([.. rule.Subscriptions.Select(s => (JsonNode)new JsonObject { ["id"] = s })]),
        ["networkSecurityPerimeters"] = new JsonArray([.. rule.NetworkSecurityPerimeters.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["perimeterGuid"] = p.PerimeterGuid.ToString("D"),
            ["location"] = p.Location,
        })]),
        ["emailAddresses"] = Strings(rule.EmailAddresses),
        ["phoneNumbers"] = Strings(rule.PhoneNumbers),
        ["serviceTags"] = Strings(rule.ServiceTags),
    });

    /// <param name="association">The association with its perimeter chain and PaaS resource (with its group) loaded.</param>
    /// <param name="profileLookup">Finds the profile when the navigation is not loaded (the activity log's "before" copy).</param>
    public static JsonObject Association(ResourceAssociationEntity association, Func<Guid, ProfileEntity?>? profileLookup = null)
    {
        var profile = association.Profile is { } p && p.Id == association.ProfileId ? p : profileLookup?.Invoke(association.ProfileId);
        return Proxy(association, ResourceTypes.ResourceAssociation, ResourceIds.Of(association), new JsonObject
        {
            ["provisioningState"] = association.ProvisioningState.ToString(),
            ["privateLinkResource"] = new JsonObject { ["id"] = association.PaasResource is null ? null : ResourceIds.Of(association.PaasResource) },
            ["profile"] = new JsonObject { ["id"] = profile is null ? null : ResourceIds.Of(profile) },
            ["accessMode"] = association.AccessMode.ToString(),
            ["hasProvisioningIssues"] = association.HasProvisioningIssues ? "yes" : "no",
        });
    }

    public static JsonObject Link(LinkEntity link) => Proxy(link, ResourceTypes.Link, ResourceIds.Of(link), new JsonObject
    {
        ["provisioningState"] = link.ProvisioningState.ToString(),
        ["autoApprovedRemotePerimeterResourceId"] = link.RemotePerimeterResourceId,
        ["remotePerimeterGuid"] = link.RemotePerimeterGuid?.ToString("D"),
        ["remotePerimeterLocation"] = link.RemotePerimeterLocation,
        ["localInboundProfiles"] = Strings(link.LocalInboundProfiles),
        ["localOutboundProfiles"] = new JsonArray("*"),
        ["remoteInboundProfiles"] = Strings(link.RemoteInboundProfiles),
        ["remoteOutboundProfiles"] = new JsonArray("*"),
        ["description"] = link.Description,
        ["status"] = link.Status.ToString(),
    });

    public static JsonObject LinkReference(LinkReferenceEntity reference) => Proxy(reference, ResourceTypes.LinkReference, ResourceIds.Of(reference), new JsonObject
    {
        ["provisioningState"] = reference.ProvisioningState.ToString(),
        ["remotePerimeterResourceId"] = reference.RemotePerimeterResourceId,
        ["remotePerimeterGuid"] = reference.RemotePerimeterGuid?.ToString("D"),
        ["remotePerimeterLocation"] = reference.RemotePerimeterLocation,
        ["localInboundProfiles"] = Strings(reference.LocalInboundProfiles),
        ["localOutboundProfiles"] = new JsonArray("*"),
        ["remoteInboundProfiles"] = Strings(reference.RemoteInboundProfiles),
        ["remoteOutboundProfiles"] = new JsonArray("*"),
        ["description"] = reference.Description,
        ["status"] = reference.Status.ToString(),
    });

    public static JsonObject LoggingConfiguration(LoggingConfigurationEntity configuration) =>
        Proxy(configuration, ResourceTypes.LoggingConfiguration, ResourceIds.Of(configuration), new JsonObject
        {
            ["enabledLogCategories"] = Strings(configuration.EnabledLogCategories),
            ["version"] = configuration.Version.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>ARM's <c>systemData</c> of a stored resource.</summary>
    public static JsonObject SystemData(ArmEntity entity) => new()
    {
        ["createdBy"] = entity.CreatedBy,
        ["createdByType"] = entity.CreatedByType,
        ["createdAt"] = Timestamp(entity.CreatedAt),
        ["lastModifiedBy"] = entity.LastModifiedBy,
        ["lastModifiedByType"] = entity.LastModifiedByType,
        ["lastModifiedAt"] = Timestamp(entity.LastModifiedAt),
    };

    /// <summary>ISO 8601 in UTC with seven fractional digits, as ARM writes times (stored times are UTC).</summary>
    public static string Timestamp(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Tags(IReadOnlyDictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var (key, value) in tags)
        {
            json[key] = value;
        }

        return json;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Proxy(ArmEntity entity, string type, string id, JsonObject properties) => new()
    {
        ["id"] = id,
        ["name"] = entity.Name,
        ["type"] = type,
        ["properties"] = properties,
        ["systemData"] = SystemData(entity),
    };
}
