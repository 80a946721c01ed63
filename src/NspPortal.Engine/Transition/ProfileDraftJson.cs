using System.Text.Json;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>The stored form of a <see cref="ProfileDraft"/> (the profile draft's JSON column):
/// <c>{"profile":"default","rules":[{"name":"…","direction":"Inbound","addressPrefixes":[…],"subscriptions":[{"id":"/subscriptions/…"}],
/// "fullyQualifiedDomainNames":[…],"serviceTags":[…]}],"addResources":["/subscriptions/…"]}</c> — each rule in the ARM
/// property names of reference/nsp.md §1.3.</summary>
public static class ProfileDraftJson
{
    /// <summary>Writes a draft (indented: the text is also shown to people).</summary>
    public static string Write(ProfileDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("profile", draft.ProfileName);
            writer.WriteStartArray("rules");
            foreach (var rule in draft.Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("name", rule.Name);
                writer.WriteString("direction", rule.Direction.ToString());
                Strings(writer, "addressPrefixes", rule.AddressPrefixes.Select(p => p.ToString()));
                if (!rule.Subscriptions.IsEmpty)
                {
                    writer.WriteStartArray("subscriptions");
                    foreach (var subscription in rule.Subscriptions)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", subscription.ToString());
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                Strings(writer, "fullyQualifiedDomainNames", rule.FullyQualifiedDomainNames.Select(f => f.Value));
                Strings(writer, "serviceTags", rule.ServiceTags);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            Strings(writer, "addResources", draft.AddResources.Select(r => r.Value), always: true);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a stored draft; every rule is validated as an API request body would be. False with the first
    /// problem when the text is not a draft.</summary>
    public static bool TryRead(string? json, out ProfileDraft draft, out string? error)
    {
        draft = new ProfileDraft("");
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.String)
            {
                error = "A draft is an object with a 'profile' name.";
                return false;
            }

            var rules = new List<AccessRule>();
            if (root.TryGetProperty("rules", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    var input = new AccessRuleInput
                    {
                        Name = Text(item, "name"),
                        Direction = Text(item, "direction"),
                        AddressPrefixes = Array(item, "addressPrefixes"),
                        Subscriptions = Array(item, "subscriptions", "id"),
                        FullyQualifiedDomainNames = Array(item, "fullyQualifiedDomainNames"),
                        ServiceTags = Array(item, "serviceTags"),
                    };
                    var result = AccessRuleValidator.Validate(input, out var rule);
                    if (rule is null)
                    {
                        error = result.Errors.FirstOrDefault()?.Message ?? "A draft rule is not valid.";
                        return false;
                    }

                    rules.Add(rule);
                }
            }

            var resources = new List<ArmResourceId>();
            foreach (var text in Array(root, "addResources") ?? [])
            {
                if (!ArmResourceId.TryParse(text, out var id, out var idError))
                {
                    error = idError.Message;
                    return false;
                }

                resources.Add(id);
            }

            draft = new ProfileDraft(profile.GetString()!)
            {
                Rules = [.. rules.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
                AddResources = [.. resources],
            };
            return true;
        }
        catch (JsonException exception)
        {
            error = "The draft is not JSON: " + exception.Message;
            return false;
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values, bool always = false)
    {
        var list = values.ToList();
        if (list.Count == 0 && !always)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in list)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string?>? Array(JsonElement item, string name, string? inner = null)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return [.. value.EnumerateArray().Select(e => inner is null ? (e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()) : Text(e, inner))];
    }
}
