using System.Text.Json;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Json;

/// <summary>Reads properties of a <see cref="JsonElement"/> leniently (case-insensitive names, null = absent) and
/// records a finding with an exact target when a value has the wrong kind.</summary>
internal sealed class JsonFields(List<ValidationError> issues)
{
    public List<ValidationError> Issues { get; } = issues;

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
            }
        }

        return false;
    }

    /// <summary>A string property; null when absent; a finding when present but not a string (or absent and required).</summary>
    public string? String(JsonElement obj, string name, string target, bool required = false)
    {
        if (!TryGet(obj, name, out var value))
        {
            if (required)
            {
                Missing(target);
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Wrong(target, "a string");
        return null;
    }

    public bool? Boolean(JsonElement obj, string name, string target)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Wrong(target, "true or false");
        return null;
    }

    public bool Object(JsonElement obj, string name, string target, out JsonElement value, bool required = false)
    {
        if (!TryGet(obj, name, out value))
        {
            if (required)
            {
                Missing(target);
            }

            return false;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Wrong(target, "an object");
        return false;
    }

    public bool Array(JsonElement obj, string name, string target, out JsonElement value)
    {
        if (!TryGet(obj, name, out value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Wrong(target, "an array");
        return false;
    }

    /// <summary>An array of strings; null when absent. Non-string items are findings and come back as null entries.</summary>
    public List<string?>? Strings(JsonElement obj, string name, string target)
    {
        if (!Array(obj, name, target, out var array))
        {
            return null;
        }

        var values = new List<string?>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                values.Add(item.GetString());
            }
            else
            {
                Wrong($"{target}[{i}]", "a string");
                values.Add(null);
            }

            i++;
        }

        return values;
    }

    /// <summary>The <c>id</c> of each object of an array of <c>{id}</c> (ARM SubResource lists); null when absent.</summary>
    public List<string?>? Ids(JsonElement obj, string name, string target)
    {
        if (!Array(obj, name, target, out var array))
        {
            return null;
        }

        var values = new List<string?>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.Object ? String(item, "id", $"{target}[{i}].id", required: true) : WrongNull($"{target}[{i}]", "an object {\"id\": …}"));
            i++;
        }

        return values;
    }

    public void Missing(string target) =>
        Issues.Add(new ValidationError(ErrorCodes.MissingProperty, target, $"{target} is required."));

    public void Wrong(string target, string expected) =>
        Issues.Add(new ValidationError(ErrorCodes.InvalidPropertyValue, target, $"{target} must be {expected}."));

    public void Add(ValidationError? issue)
    {
        if (issue is not null)
        {
            Issues.Add(issue);
        }
    }

    private string? WrongNull(string target, string expected)
    {
        Wrong(target, expected);
        return null;
    }
}
