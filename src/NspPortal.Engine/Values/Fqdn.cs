using System.Diagnostics.CodeAnalysis;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Values;

/// <summary>A fully qualified domain name, normalised to lower case without the trailing dot, so comparing two
/// <see cref="Fqdn"/> values is an ordinal comparison (DNS names are case-insensitive; <c>contoso.com.</c> is
/// <c>contoso.com</c>). ASCII only: internationalised names are written in their punycode (<c>xn--</c>) form.</summary>
/// <remarks>A leading <c>*.</c> label is accepted (<see cref="IsWildcard"/>) because Azure does not document whether
/// it rejects it; the engine matches such an entry literally, so it admits no real host (docs/engine.md,
/// "Wildcard FQDNs"). Validation reports it as the warning <see cref="ErrorCodes.FqdnWildcardNotSupported"/>.</remarks>
public readonly record struct Fqdn
{
    /// <summary>Longest name without the trailing dot (RFC 1035: 255 octets on the wire).</summary>
    public const int MaxLength = 253;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private Fqdn(string value) => Value = value;

    /// <summary>The normalised name: lower case, no trailing dot.</summary>
    public string Value { get; }

    /// <summary>True when the first label is <c>*</c>.</summary>
    public bool IsWildcard => Value is not null && Value.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>Parses a host name of at least two labels; each label 1–63 letters, digits or hyphens, not starting
    /// or ending with a hyphen; the last label not all digits (that would be an IP address).</summary>
    public static bool TryParse(string? text, out Fqdn fqdn, [NotNullWhen(false)] out ValueError? error)
    {
        fqdn = default;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        var value = text!.EndsWith('.') ? text[..^1] : text;
        fqdn = new Fqdn(value.ToLowerInvariant());
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the message of <see cref="TryParse"/>.</summary>
    public static Fqdn Parse(string text) =>
        TryParse(text, out var fqdn, out var error) ? fqdn : throw new FormatException(error.Message);

    /// <summary>The normalised name.</summary>
    public override string ToString() => Value ?? "";

    private static ValueError? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Invalid("A domain name is required, e.g. api.contoso.com.");
        }

        var name = text.EndsWith('.') ? text.AsSpan(0, text.Length - 1) : text.AsSpan();
        if (name.Length > MaxLength)
        {
            return Invalid($"'{text}' is {name.Length} characters long; a domain name has at most {MaxLength}.");
        }

        if (name.Contains("://", StringComparison.Ordinal) || name.Contains('/'))
        {
            return Invalid($"'{text}' is a URL; enter only the host name, e.g. api.contoso.com.");
        }

        if (System.Net.IPAddress.TryParse(name, out _))
        {
            return Invalid($"'{text}' is an IP address; outbound rules take domain names (inbound rules take address prefixes).");
        }

        var labels = 0;
        var lastLabelAllDigits = false;
        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            labels++;
            if (label.Length == 0)
            {
                return Invalid($"'{text}' has an empty label (two dots in a row, or a leading dot).");
            }

            if (label is "*")
            {
                if (labels != 1)
                {
                    return Invalid($"'{text}': '*' is allowed only as the whole first label, e.g. *.contoso.com.");
                }

                continue;
            }

            if (label.Length > 63)
            {
                return Invalid($"'{text}' has a label of {label.Length} characters; each label has at most 63.");
            }

            foreach (var c in label)
            {
                if (c > 127)
                {
                    return Invalid($"'{text}' contains '{c}'; write internationalised names in their punycode (xn--) form.");
                }

                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return Invalid($"'{text}' contains '{c}'; domain names use letters, digits, hyphens and dots.");
                }
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return Invalid($"'{text}' has a label that starts or ends with a hyphen.");
            }

            lastLabelAllDigits = !label.ContainsAnyExcept(Digits);
        }

        if (labels < 2)
        {
            return Invalid($"'{text}' is a single label; enter a fully qualified name such as {text.TrimEnd('.')}.contoso.com.");
        }

        return lastLabelAllDigits
            ? Invalid($"'{text}' ends in a numeric label; top-level domains are never all digits.")
            : null;
    }

    private static ValueError Invalid(string message) => new(ErrorCodes.InvalidFqdn, message);
}
