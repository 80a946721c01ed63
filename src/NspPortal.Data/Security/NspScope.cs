using System.Diagnostics.CodeAnalysis;

namespace NspPortal.Data.Security;

/// <summary>Where a role applies: the root <c>/</c> (every subscription) or one subscription, which its resource
/// groups and resources inherit, as in Azure RBAC. <c>default</c> is the root, the strictest scope to be checked
/// against: an operation that forgot to say its scope needs a root assignment.</summary>
public readonly record struct NspScope
{
    private NspScope(Guid? subscriptionId) => SubscriptionId = subscriptionId;

    /// <summary>The subscription, or null for the root.</summary>
    public Guid? SubscriptionId { get; }

    /// <summary><c>/</c>: every subscription.</summary>
    public static NspScope Root { get; }

    public bool IsRoot => SubscriptionId is null;

    /// <summary>One subscription and everything in it.</summary>
    public static NspScope Subscription(Guid subscriptionId) => new(subscriptionId);

    /// <summary>True when a role assigned at this scope applies at <paramref name="other"/> (inheritance).</summary>
    public bool Contains(NspScope other) => IsRoot || SubscriptionId == other.SubscriptionId;

    /// <summary>The canonical text: <c>/</c> or <c>/subscriptions/{guid}</c> (lower case, as ARM ids).</summary>
    public override string ToString() => SubscriptionId is { } id ? $"/subscriptions/{id:D}" : "/";

    /// <summary>Parses <c>/</c>, <c>/subscriptions/{guid}</c> or any ARM id below a subscription (a resource group or
    /// resource: its subscription is the scope). Case-insensitive; anything else is refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NspScope scope)
    {
        scope = Root;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed == "/")
        {
            return true;
        }

        var segments = trimmed.Split('/');
        if (segments.Length >= 3 && segments[0].Length == 0
            && segments[1].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            && Guid.TryParseExact(segments[2], "D", out var id)
            && segments.Skip(3).All(s => s.Length > 0))
        {
            scope = Subscription(id);
            return true;
        }

        return false;
    }
}
