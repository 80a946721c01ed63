using System.Text.Json;
using System.Text.Json.Nodes;
using NspPortal.Data.Services;

namespace NspPortal.Data.Representation;

/// <summary>Small readers for request bodies: a property of the wrong JSON kind is an <c>InvalidRequestContent</c>
/// error naming the property, never an exception.</summary>
public static class Json
{
    public static bool TryString(JsonObject json, string name, out string? value, out ServiceError? error, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(json);
        value = null;
        error = null;
        var node = json[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        error = ArmErrors.InvalidRequestContent($"The property '{prefix}{name}' must be a string.", prefix + name);
        return false;
    }

    /// <summary>An array of strings; null when absent or JSON null.</summary>
    public static bool TryStrings(JsonObject json, string name, out List<string?>? values, out ServiceError? error, string prefix = "properties.")
    {
        ArgumentNullException.ThrowIfNull(json);
        values = null;
        error = null;
        var node = json[name];
        if (node is null)
        {
            return true;
        }

        if (node is not JsonArray array)
        {
            error = ArmErrors.InvalidRequestContent($"The property '{prefix}{name}' must be an array of strings.", prefix + name);
            return false;
        }

        values = [];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                values.Add(v.GetValue<string>());
            }
            else
            {
                error = ArmErrors.InvalidRequestContent($"The property '{prefix}{name}[{i}]' must be a string.", $"{prefix}{name}[{i}]");
                return false;
            }
        }

        return true;
    }

    /// <summary>An array of <c>{id}</c> objects (subscriptions, networkSecurityPerimeters); null when absent.</summary>
    public static bool TryIds(JsonObject json, string name, out List<string?>? ids, out ServiceError? error, string prefix = "properties.")
    {
        ArgumentNullException.ThrowIfNull(json);
        ids = null;
        error = null;
        var node = json[name];
        if (node is null)
        {
            return true;
        }

        if (node is not JsonArray array)
        {
            error = ArmErrors.InvalidRequestContent($"The property '{prefix}{name}' must be an array of objects with an 'id'.", prefix + name);
            return false;
        }

        ids = [];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o && TryString(o, "id", out var id, out _))
            {
                ids.Add(id);
            }
            else
            {
                error = ArmErrors.InvalidRequestContent($"The property '{prefix}{name}[{i}]' must be an object with a string 'id'.", $"{prefix}{name}[{i}]");
                return false;
            }
        }

        return true;
    }

    /// <summary>A <c>{id}</c> sub-resource (<c>privateLinkResource</c>, <c>profile</c>); null when absent.</summary>
    public static bool TrySubResourceId(JsonObject json, string name, out string? id, out ServiceError? error, string prefix = "properties.")
    {
        ArgumentNullException.ThrowIfNull(json);
        id = null;
        error = null;
        var node = json[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonObject o && TryString(o, "id", out id, out _))
        {
            return true;
        }

        error = ArmErrors.InvalidRequestContent($"The property '{prefix}{name}' must be an object with a string 'id'.", prefix + name);
        return false;
    }

    /// <summary>ARM tags: an object of string values; null when absent.</summary>
    public static bool TryTags(JsonObject json, string name, out Dictionary<string, string>? tags, out ServiceError? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        tags = null;
        error = null;
        var node = json[name];
        if (node is null)
        {
            return true;
        }

        if (node is not JsonObject o)
        {
            error = ArmErrors.InvalidRequestContent($"The property '{name}' must be an object of string values.", name);
            return false;
        }

        tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in o)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                tags[key] = v.GetValue<string>();
            }
            else
            {
                error = ArmErrors.InvalidRequestContent($"The tag '{key}' must have a string value.", $"{name}.{key}");
                return false;
            }
        }

        return true;
    }
}
