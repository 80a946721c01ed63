using System.Globalization;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Hygiene;

/// <summary>One line of a pasted list that is not a valid value: its 1-based line number, the text as typed, why,
/// and the value to use instead when there is an obvious one (host bits cleared, spaces removed).</summary>
public sealed record ValueLineError(int Line, string Text, string Message, string? Suggestion);

/// <summary>A pasted list parsed line by line: the normalised values in order (duplicates removed) and the lines in error.</summary>
public sealed record ValueListResult(IReadOnlyList<string> Values, IReadOnlyList<ValueLineError> Errors)
{
    /// <summary>True when every line parsed.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>True when at least one error comes with a suggestion the user can accept.</summary>
    public bool HasSuggestions => Errors.Any(e => e.Suggestion is not null);
}

/// <summary>Parses the multi-line lists the rule editor takes (one value per line; commas and semicolons also separate;
/// blank lines ignored), with the engine's value types, so each line's error is the one the API would give.</summary>
public static class ValueList
{
    private static readonly char[] Separators = [',', ';'];

    /// <summary>Address prefixes. A line with host bits set gets the network prefix as its suggestion
    /// ("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?"); a line with spaces the same text without them
    /// when that parses.</summary>
    public static ValueListResult AddressPrefixes(string? text) => Parse(text, line =>
    {
        if (IpPrefix.TryParse(line, out var prefix, out var error))
        {
            return (prefix.ToString(), null, null);
        }

        return (null, error.Message, SuggestPrefix(line, error));
    });

    /// <summary>Fully qualified domain names, normalised as <see cref="Fqdn"/> does.</summary>
    public static ValueListResult Fqdns(string? text) => Parse(text, line =>
        Fqdn.TryParse(line, out var fqdn, out var error) ? (fqdn.ToString(), null, null)
        : (null, error.Message, line.Contains(' ', StringComparison.Ordinal) && Fqdn.TryParse(line.Replace(" ", "", StringComparison.Ordinal), out var fixedName, out _)
            ? fixedName.ToString() : null));

    /// <summary>Subscription ids: a GUID or <c>/subscriptions/{guid}</c>, normalised to the ARM form.</summary>
    public static ValueListResult Subscriptions(string? text) => Parse(text, line =>
        SubscriptionId.TryParse(line, out var id, out var error) ? (id.ToString(), null, null)
        : Guid.TryParse(line, out var guid) ? (SubscriptionId.Parse($"/subscriptions/{guid}").ToString(), null, null)
        : (null, error.Message, null));

    /// <summary>Replaces each line that has a suggestion by the suggestion; the other lines stay as typed.</summary>
    public static string ApplySuggestions(string? text, ValueListResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = Lines(text);
        var byLine = result.Errors.Where(e => e.Suggestion is not null).ToDictionary(e => e.Line, e => e.Suggestion!);
        return string.Join('\n', lines.Select((l, i) => byLine.TryGetValue(i + 1, out var s) ? s : l.Trim()).Where(l => l.Length > 0));
    }

    private static ValueListResult Parse(string? text, Func<string, (string? Value, string? Error, string? Suggestion)> parse)
    {
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ValueLineError>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var item in lines[i].Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var (value, error, suggestion) = parse(item);
                if (value is not null)
                {
                    if (seen.Add(value))
                    {
                        values.Add(value);
                    }
                }
                else
                {
                    errors.Add(new ValueLineError(i + 1, item, error ?? "Not a valid value.", suggestion));
                }
            }
        }

        return new ValueListResult(values, errors);
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];

    private static string? SuggestPrefix(string line, ValueError error)
    {
        if (error.Code == ErrorCodes.AddressPrefixHasHostBits)
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && IpAddressKey.TryParse(line[..slash], out var address, out _)
                && int.TryParse(line.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return IpPrefix.Create(address, length).ToString();
            }

            return null;
        }

        var compact = string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
        if (compact == line || compact.Length == 0)
        {
            return null;
        }

        return IpPrefix.TryParse(compact, out var prefix, out var compactError) ? prefix.ToString() : SuggestPrefix(compact, compactError);
    }
}
