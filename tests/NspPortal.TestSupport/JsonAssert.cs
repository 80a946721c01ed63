using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace NspPortal.TestSupport;

/// <summary>Semantic JSON comparison for API tests: object members in any order, arrays in order, and a list of
/// every difference with its path. <see cref="Normalise"/> makes generated values comparable.</summary>
public static partial class JsonAssert
{
    /// <summary>Fails with every difference unless the two documents mean the same JSON.</summary>
    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        Assert.True(differences.Count == 0,
            $"JSON differs ({differences.Count}):\n{string.Join('\n', differences)}\n--- actual ---\n{actual?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })}");
    }

    /// <summary>Replaces what is generated per run: <paramref name="subscriptionId"/> becomes <c>subId</c> (as in Azure's
    /// examples), every other GUID <c>guid</c>, and the values of <c>systemData</c>, <c>startTime</c> and <c>endTime</c>
    /// <c>*</c> (presence still counts). <c>nextLink</c> is dropped.</summary>
    public static JsonNode? Normalise(JsonNode? node, Guid subscriptionId)
    {
        if (node is null)
        {
            return null;
        }

        var text = node.ToJsonString().Replace(subscriptionId.ToString("D"), "subId", StringComparison.OrdinalIgnoreCase);
        text = Guids().Replace(text, "guid");
        var normalised = JsonNode.Parse(text);
        Mask(normalised);
        return normalised;
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("nextLink");
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "systemData" && value is JsonObject systemData)
                    {
                        foreach (var field in systemData.Select(f => f.Key).ToList())
                        {
                            systemData[field] = "*";
                        }
                    }
                    else if (key is "startTime" or "endTime")
                    {
                        obj[key] = "*";
                    }
                    else
                    {
                        Mask(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: missing");
                    }
                    else
                    {
                        Compare(value, a[key], $"{path}.{key}", differences);
                    }
                }

                foreach (var key in a.Select(p => p.Key).Where(k => !e.ContainsKey(k)))
                {
                    differences.Add($"{path}.{key}: unexpected ({a[key]?.ToJsonString()})");
                }

                return;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: expected {e.Count} items, got {a.Count}");
                }

                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                }

                return;
            default:
                var expectedText = expected?.ToJsonString();
                var actualText = actual?.ToJsonString();
                if (expectedText != actualText)
                {
                    differences.Add($"{path}: expected {expectedText ?? "null"}, got {actualText ?? "null"}");
                }

                return;
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
