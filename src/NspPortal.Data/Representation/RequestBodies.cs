using System.Text.Json.Nodes;
using NspPortal.Data.Services;
using NspPortal.Engine.Validation;

namespace NspPortal.Data.Representation;

/// <summary>Reads ARM request bodies (and template resources) into service inputs. Only JSON kinds are checked here
/// (<c>InvalidRequestContent</c>); values are the engine's job. Read-only properties Azure echoes
/// (<c>provisioningState</c>, <c>perimeterGuid</c>, …) are ignored, as ARM ignores them; <c>location</c> and
/// <c>tags</c> on child resources are tolerated for 2024-07-01 clients.</summary>
public static class RequestBodies
{
    public static Result<PerimeterInput> Perimeter(PerimeterPath path, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Json.TryString(body, "location", out var location, out var error) || !Json.TryTags(body, "tags", out var tags, out error)
            || !Properties(body, out _, out error))
        {
            return error!;
        }

        return Result<PerimeterInput>.Ok(new PerimeterInput(path, location, tags));
    }

    /// <summary>PATCH body <c>{tags}</c> (<c>UpdateTagsRequest</c>); absent tags mean none.</summary>
    public static Result<IReadOnlyDictionary<string, string>> Tags(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Json.TryTags(body, "tags", out var tags, out var error)
            ? Result<IReadOnlyDictionary<string, string>>.Ok(tags ?? new Dictionary<string, string>())
            : error!;
    }

    public static Result<JsonObject> Profile(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Properties(body, out var properties, out var error) ? Result<JsonObject>.Ok(properties) : error!;
    }

    public static Result<AccessRuleInput> AccessRule(string name, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Properties(body, out var p, out var error)
            || !Json.TryString(p, "direction", out var direction, out error, "properties.")
            || !Json.TryStrings(p, "addressPrefixes", out var prefixes, out error)
            || !Json.TryIds(p, "subscriptions", out var subscriptions, out error)
            || !Json.TryStrings(p, "fullyQualifiedDomainNames", out var fqdns, out error)
            || !Json.TryStrings(p, "serviceTags", out var tags, out error)
            || !Json.TryStrings(p, "emailAddresses", out var emails, out error)
            || !Json.TryStrings(p, "phoneNumbers", out var phones, out error)
            || !Json.TryIds(p, "networkSecurityPerimeters", out var perimeters, out error))
        {
            return error!;
        }

        return Result<AccessRuleInput>.Ok(new AccessRuleInput
        {
            Name = name,
            Direction = direction,
            AddressPrefixes = prefixes,
            Subscriptions = subscriptions,
            FullyQualifiedDomainNames = fqdns,
            ServiceTags = tags,
            EmailAddresses = emails,
            PhoneNumbers = phones,
            NetworkSecurityPerimeters = perimeters,
        });
    }

    public static Result<AssociationInput> Association(string name, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Properties(body, out var p, out var error)
            || !Json.TrySubResourceId(p, "privateLinkResource", out var resource, out error)
            || !Json.TrySubResourceId(p, "profile", out var profile, out error)
            || !Json.TryString(p, "accessMode", out var mode, out error, "properties."))
        {
            return error!;
        }

        return Result<AssociationInput>.Ok(new AssociationInput(name, resource, profile, mode));
    }

    public static Result<LinkInput> Link(string name, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Properties(body, out var p, out var error)
            || !Json.TryString(p, "autoApprovedRemotePerimeterResourceId", out var remote, out error, "properties.")
            || !Json.TryStrings(p, "localInboundProfiles", out var local, out error)
            || !Json.TryStrings(p, "remoteInboundProfiles", out var remoteProfiles, out error)
            || !Json.TryString(p, "description", out var description, out error, "properties."))
        {
            return error!;
        }

        return Result<LinkInput>.Ok(new LinkInput(name, remote, local?.Select(s => s ?? "").ToList(), remoteProfiles?.Select(s => s ?? "").ToList(), description));
    }

    public static Result<LoggingConfigurationInput> LoggingConfiguration(string name, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Properties(body, out var p, out var error) || !Json.TryStrings(p, "enabledLogCategories", out var categories, out error))
        {
            return error!;
        }

        return Result<LoggingConfigurationInput>.Ok(new LoggingConfigurationInput(name, categories?.Select(c => c ?? "").ToList()));
    }

    private static bool Properties(JsonObject body, out JsonObject properties, out ServiceError? error)
    {
        error = null;
        properties = [];
        switch (body["properties"])
        {
            case null:
                return true;
            case JsonObject o:
                properties = o;
                return true;
            default:
                error = ArmErrors.InvalidRequestContent("The property 'properties' must be an object.", "properties");
                return false;
        }
    }
}
