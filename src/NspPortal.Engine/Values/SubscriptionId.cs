using System.Diagnostics.CodeAnalysis;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Values;

/// <summary>An Azure subscription id. Parses a GUID (<c>00000000-0000-0000-0000-000000000000</c>) or the ARM form
/// <c>/subscriptions/{guid}</c>; <see cref="ToString"/> gives the ARM form access rules use (reference/nsp.md §1.3).</summary>
public readonly record struct SubscriptionId(Guid Value)
{
    private const string Prefix = "/subscriptions/";

    /// <summary>Parses a GUID or <c>/subscriptions/{guid}</c> (case-insensitive, one optional trailing slash).</summary>
    public static bool TryParse(string? text, out SubscriptionId subscription, [NotNullWhen(false)] out ValueError? error)
    {
        subscription = default;
        error = null;
        var span = (text ?? "").AsSpan();
        if (span.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[Prefix.Length..];
            if (span.EndsWith("/"))
            {
                span = span[..^1];
            }
        }

        if (Guid.TryParseExact(span, "D", out var guid))
        {
            subscription = new SubscriptionId(guid);
            return true;
        }

        error = new ValueError(ErrorCodes.InvalidSubscriptionId, string.IsNullOrEmpty(text)
            ? "A subscription id is required: a GUID or /subscriptions/{guid}."
            : $"'{text}' is not a subscription id; expected a GUID such as 00000000-0000-0000-0000-000000000000 or /subscriptions/{{guid}}.");
        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the message of <see cref="TryParse"/>.</summary>
    public static SubscriptionId Parse(string text) =>
        TryParse(text, out var subscription, out var error) ? subscription : throw new FormatException(error.Message);

    /// <summary><c>/subscriptions/{guid}</c> with the GUID in lower-case "D" format.</summary>
    public override string ToString() => Prefix + Value.ToString("D");
}
