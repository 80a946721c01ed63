namespace NspPortal.Web.Features.Perimeters.Tags;

/// <summary>Azure's rules for resource tags: at most 50 per resource; names 1–512 characters without
/// <c>&lt; &gt; % &amp; \ ? /</c> and unique regardless of case; values up to 256 characters.</summary>
public static class TagRules
{
    public const int MaxTags = 50;
    public const int MaxNameLength = 512;
    public const int MaxValueLength = 256;
    private static readonly System.Buffers.SearchValues<char> ForbiddenInName = System.Buffers.SearchValues.Create("<>%&\\?/");

    /// <summary>Pairs with an empty name are dropped (a cleared row removes the tag); the rest are validated.
    /// Returns the tags, or the problems (each names the row).</summary>
    public static (Dictionary<string, string>? Tags, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string?> names, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<string>();
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim() ?? "";
            var value = i < values.Count ? values[i]?.Trim() ?? "" : "";
            if (name.Length == 0)
            {
                if (value.Length > 0)
                {
                    problems.Add($"Row {i + 1}: a tag needs a name.");
                }

                continue;
            }

            if (name.Length > MaxNameLength || name.IndexOfAny(ForbiddenInName) >= 0 || name.Any(char.IsControl))
            {
                problems.Add($"Row {i + 1}: a tag name has 1 to {MaxNameLength} characters and none of < > % & \\ ? /.");
            }
            else if (value.Length > MaxValueLength || value.Any(char.IsControl))
            {
                problems.Add($"Row {i + 1}: a tag value has at most {MaxValueLength} characters.");
            }
            else if (!tags.TryAdd(name, value))
            {
                problems.Add($"Row {i + 1}: the tag name '{name}' is used twice (names ignore case).");
            }
        }

        if (tags.Count > MaxTags)
        {
            problems.Add($"A resource has at most {MaxTags} tags.");
        }

        return problems.Count > 0 ? (null, problems) : (tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal), []);
    }
}
