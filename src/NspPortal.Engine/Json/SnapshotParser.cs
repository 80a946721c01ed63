using System.Text.Json;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Json;

/// <summary>Turns snapshot JSON into the model. Collects every finding instead of stopping at the first; an access
/// rule with an invalid value is left out of the model (its findings are reported), so validation does not repeat
/// them as missing rule types.</summary>
internal sealed partial class SnapshotParser(List<ValidationError> issues)
{
    private const string ProfileType = ArmIds.PerimeterType + "/profiles";
    private const string AccessRuleType = ArmIds.PerimeterType + "/profiles/accessRules";
    private const string AssociationType = ArmIds.PerimeterType + "/resourceAssociations";
    private const string LinkType = ArmIds.PerimeterType + "/links";
    private const string LinkReferenceType = ArmIds.PerimeterType + "/linkReferences";
    private const string LoggingConfigurationType = ArmIds.PerimeterType + "/loggingConfigurations";

    private readonly JsonFields _fields = new(issues);
    private readonly Dictionary<string, string> _locations = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PerimeterDraft> _perimeters = [];
    private readonly Dictionary<string, PerimeterDraft> _perimetersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ProfileDraft> _profilesById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ProfileDraft> _profiles = [];
    private readonly List<RuleDraft> _rules = [];
    private readonly List<ChildDraft<ResourceAssociation>> _associations = [];
    private readonly List<ChildDraft<LinkSide>> _links = [];
    private readonly List<PaasResource> _paasResources = [];

    public (NspConfiguration Configuration, IReadOnlyDictionary<string, string> Locations) Parse(JsonElement root)
    {
        if (_fields.Array(root, "resources", "resources", out var resources))
        {
            var i = 0;
            foreach (var item in resources.EnumerateArray())
            {
                ParseResource(item, $"resources[{i++}]");
            }
        }

        if (_fields.Array(root, "paasResources", "paasResources", out var paasResources))
        {
            var i = 0;
            foreach (var item in paasResources.EnumerateArray())
            {
                ParsePaasResource(item, $"paasResources[{i++}]");
            }
        }

        return (Assemble(), _locations);
    }

    private void ParseResource(JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            _fields.Wrong(at, "an ARM resource object {\"id\", \"type\", \"properties\"}");
            return;
        }

        var type = _fields.String(item, "type", $"{at}.type", required: true);
        var id = ParseId(_fields.String(item, "id", $"{at}.id", required: true), $"{at}.id");
        if (type is null || id is null)
        {
            return;
        }

        if (!id.IsOfType(type))
        {
            issues.Add(new ValidationError(ErrorCodes.InvalidResourceId, $"{at}.id", $"'{id}' is a {id.ResourceType} id, but type is '{type}'."));
            return;
        }

        if (!_locations.TryAdd(id.Value, at))
        {
            issues.Add(new ValidationError(ErrorCodes.DuplicateResource, $"{at}.id", $"'{id}' also appears at {_locations[id.Value]}; list each resource once."));
            return;
        }

        JsonFields.TryGet(item, "properties", out var properties);
        var props = $"{at}.properties";
        if (Is(type, ArmIds.PerimeterType))
        {
            ParsePerimeter(item, id, properties, at);
        }
        else if (Is(type, ProfileType))
        {
            ParseProfile(id, properties, props, at);
        }
        else if (Is(type, AccessRuleType))
        {
            ParseAccessRule(id, properties, props, at);
        }
        else if (Is(type, AssociationType))
        {
            ParseAssociation(id, properties, props, at);
        }
        else if (Is(type, LinkType) || Is(type, LinkReferenceType))
        {
            ParseLink(id, properties, props, at, isReference: Is(type, LinkReferenceType));
        }
        else if (!Is(type, LoggingConfigurationType))
        {
            issues.Add(new ValidationError(ErrorCodes.UnsupportedResourceType, $"{at}.type", $"Resources of type '{type}' do not affect evaluation and are ignored.")
            {
                Severity = ValidationSeverity.Warning,
            });
        }
    }

    private static bool Is(string type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);

    private void ParsePerimeter(JsonElement item, ArmResourceId id, JsonElement properties, string at)
    {
        var props = $"{at}.properties";
        var guidText = _fields.String(properties, "perimeterGuid", $"{props}.perimeterGuid", required: true);
        var guid = Guid.Empty;
        if (guidText is not null && !Guid.TryParse(guidText, out guid))
        {
            _fields.Wrong($"{props}.perimeterGuid", "a GUID");
        }

        var draft = new PerimeterDraft(id, guid, _fields.String(item, "location", $"{at}.location") ?? "");
        _perimeters.Add(draft);
        _perimetersById.Add(id.Value, draft);
    }

    private void ParseProfile(ArmResourceId id, JsonElement properties, string props, string at)
    {
        long version = 0;
        if (JsonFields.TryGet(properties, "accessRulesVersion", out var value) &&
            !(value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out version)) &&
            !(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out version)))
        {
            _fields.Wrong($"{props}.accessRulesVersion", "a number or a numeric string");
        }

        var draft = new ProfileDraft(id, version, at);
        _profiles.Add(draft);
        _profilesById.Add(id.Value, draft);
    }

    private void ParseAssociation(ArmResourceId id, JsonElement properties, string props, string at)
    {
        ArmResourceId? resource = null, profile = null;
        if (_fields.Object(properties, "privateLinkResource", $"{props}.privateLinkResource", out var resourceRef, required: true))
        {
            resource = ParseId(_fields.String(resourceRef, "id", $"{props}.privateLinkResource.id", required: true), $"{props}.privateLinkResource.id");
        }

        if (_fields.Object(properties, "profile", $"{props}.profile", out var profileRef, required: true))
        {
            profile = ParseId(_fields.String(profileRef, "id", $"{props}.profile.id", required: true), $"{props}.profile.id");
        }

        var mode = AccessMode.Learning;
        if (_fields.String(properties, "accessMode", $"{props}.accessMode") is { } modeText)
        {
            _fields.Add(FieldValidator.AccessMode(modeText, $"{props}.accessMode", out mode));
        }

        if (resource is not null && profile is not null)
        {
            _associations.Add(new ChildDraft<ResourceAssociation>(id, at, new ResourceAssociation(id.Name, resource, profile, mode)));
        }
    }

    private void ParseLink(ArmResourceId id, JsonElement properties, string props, string at, bool isReference)
    {
        var remoteField = isReference ? "remotePerimeterResourceId" : "autoApprovedRemotePerimeterResourceId";
        var remoteText = _fields.String(properties, remoteField, $"{props}.{remoteField}");
        var remote = remoteText is null ? null : ParseId(remoteText, $"{props}.{remoteField}");
        Guid? remoteGuid = null;
        if (_fields.String(properties, "remotePerimeterGuid", $"{props}.remotePerimeterGuid") is { } guidText)
        {
            if (Guid.TryParse(guidText, out var guid))
            {
                remoteGuid = guid;
            }
            else
            {
                _fields.Wrong($"{props}.remotePerimeterGuid", "a GUID");
            }
        }

        var status = LinkStatus.Approved;
        if (_fields.String(properties, "status", $"{props}.status") is { } statusText &&
            (!Enum.TryParse(statusText, ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _)))
        {
            _fields.Wrong($"{props}.status", "one of Approved, Pending, Rejected, Disconnected");
            status = LinkStatus.Pending;
        }

        LinkSide side = isReference ? new LinkReference(id.Name, remote, remoteGuid, status) : new Link(id.Name, remote, remoteGuid, status);
        side = side with
        {
            RemotePerimeterLocation = _fields.String(properties, "remotePerimeterLocation", $"{props}.remotePerimeterLocation"),
            LocalInboundProfiles = ProfileList(properties, "localInboundProfiles", props),
            LocalOutboundProfiles = ProfileList(properties, "localOutboundProfiles", props),
            RemoteInboundProfiles = ProfileList(properties, "remoteInboundProfiles", props),
            RemoteOutboundProfiles = ProfileList(properties, "remoteOutboundProfiles", props),
            Description = _fields.String(properties, "description", $"{props}.description"),
        };
        _links.Add(new ChildDraft<LinkSide>(id, at, side));
    }

    private System.Collections.Immutable.ImmutableArray<string> ProfileList(JsonElement properties, string name, string props) =>
        _fields.Strings(properties, name, $"{props}.{name}") is { } list ? [.. list.Select(p => p ?? "")] : ["*"];

    private ArmResourceId? ParseId(string? text, string target)
    {
        if (text is null)
        {
            return null;
        }

        if (ArmResourceId.TryParse(text, out var id, out var error))
        {
            return id;
        }

        issues.Add(ValidationError.From(error, target));
        return null;
    }
}
