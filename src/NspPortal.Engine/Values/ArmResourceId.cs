using System.Diagnostics.CodeAnalysis;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Values;

/// <summary>An ARM resource id, parsed once: <c>/subscriptions/{guid}[/resourceGroups/{rg}][/providers/{namespace}/{type}/{name}[/{childType}/{childName}]…]</c>.
/// Equality and hashing are case-insensitive (ARM ids are), <see cref="ToString"/> keeps the casing given.</summary>
public sealed class ArmResourceId : IEquatable<ArmResourceId>
{
    private readonly string[] _types;
    private readonly string[] _names;
    private readonly int[] _levelEnds;

    private ArmResourceId(string value, SubscriptionId subscription, string? resourceGroup, string? providerNamespace,
        string[] types, string[] names, int[] levelEnds)
    {
        Value = value;
        SubscriptionId = subscription;
        ResourceGroupName = resourceGroup;
        ProviderNamespace = providerNamespace;
        _types = types;
        _names = names;
        _levelEnds = levelEnds;
    }

    /// <summary>The id as given (without a trailing slash).</summary>
    public string Value { get; }

    /// <summary>The subscription the resource lives in.</summary>
    public SubscriptionId SubscriptionId { get; }

    /// <summary>The resource group, or null for subscription-level ids.</summary>
    public string? ResourceGroupName { get; }

    /// <summary>The resource provider namespace (<c>Microsoft.Network</c>), or null for subscription and resource group ids.</summary>
    public string? ProviderNamespace { get; }

    /// <summary>The full type: <c>Microsoft.Network/networkSecurityPerimeters/profiles</c>; <c>Microsoft.Resources/subscriptions</c>
    /// and <c>Microsoft.Resources/resourceGroups</c> for those ids.</summary>
    public string ResourceType => ProviderNamespace is null
        ? ResourceGroupName is null ? "Microsoft.Resources/subscriptions" : "Microsoft.Resources/resourceGroups"
        : $"{ProviderNamespace}/{string.Join('/', _types)}";

    /// <summary>The last name: the resource's own name (the resource group or subscription GUID for those ids).</summary>
    public string Name => _names.Length > 0 ? _names[^1] : ResourceGroupName ?? SubscriptionId.Value.ToString("D");

    /// <summary>True for a resource directly under a provider (not a child resource, resource group or subscription).</summary>
    public bool IsTopLevelResource => _types.Length == 1;

    /// <summary>How many type/name pairs follow the provider namespace (0 for subscriptions and resource groups).</summary>
    public int Depth => _types.Length;

    /// <summary>The parent: the parent resource of a child, the resource group of a top-level resource, the
    /// subscription of a resource group; null for a subscription.</summary>
    public ArmResourceId? Parent => _levelEnds.Length < 2 ? null : Parse(Value[.._levelEnds[^2]]);

    /// <summary>The top-level resource this id is or belongs to (e.g. the storage account of
    /// <c>…/storageAccounts/acct/blobServices/default</c>); null for subscription and resource group ids.</summary>
    public ArmResourceId? TopLevelResource => _types.Length switch
    {
        0 => null,
        1 => this,
        _ => Parse(Value[.._levelEnds[_levelEnds.Length - _types.Length]]),
    };

    /// <summary>The child <c>{this}/{type}/{name}</c>; <paramref name="type"/> is the last type segment, e.g. <c>profiles</c>.</summary>
    public ArmResourceId Child(string type, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (ProviderNamespace is null)
        {
            throw new InvalidOperationException($"'{Value}' is not a provider resource; use a provider resource id as the parent.");
        }

        return Parse($"{Value}/{type}/{name}");
    }

    /// <summary>True when the resource's type is <paramref name="resourceType"/> (case-insensitive).</summary>
    public bool IsOfType(string resourceType) =>
        string.Equals(ResourceType, resourceType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an ARM id. A trailing slash is dropped; empty segments, a missing subscription GUID or an odd
    /// number of type/name segments are errors.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ArmResourceId? id, [NotNullWhen(false)] out ValueError? error)
    {
        id = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = Invalid("A resource id is required, e.g. /subscriptions/{guid}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}.");
            return false;
        }

        var value = text.Length > 1 && text.EndsWith('/') ? text[..^1] : text;
        if (!value.StartsWith('/'))
        {
            error = Invalid($"'{text}' is not a resource id: it must start with /subscriptions/.");
            return false;
        }

        var segments = value[1..].Split('/');
        if (Array.IndexOf(segments, "") >= 0)
        {
            error = Invalid($"'{text}' is not a resource id: it has an empty segment ('//').");
            return false;
        }

        if (segments.Length < 2 || !segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) ||
            !SubscriptionId.TryParse(segments[1], out var subscription, out _))
        {
            error = Invalid($"'{text}' is not a resource id: it must start with /subscriptions/{{guid}}.");
            return false;
        }

        var levelEnds = new List<int>();
        var offset = 1 + segments[0].Length + 1 + segments[1].Length;
        levelEnds.Add(offset);
        var i = 2;
        string? resourceGroup = null;
        if (i < segments.Length && segments[i].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            if (i + 1 >= segments.Length)
            {
                error = Invalid($"'{text}' is not a resource id: the resource group name is missing.");
                return false;
            }

            resourceGroup = segments[i + 1];
            offset += 1 + segments[i].Length + 1 + segments[i + 1].Length;
            levelEnds.Add(offset);
            i += 2;
        }

        if (i == segments.Length)
        {
            id = new ArmResourceId(value, subscription, resourceGroup, null, [], [], [.. levelEnds]);
            return true;
        }

        if (!segments[i].Equals("providers", StringComparison.OrdinalIgnoreCase) || i + 1 >= segments.Length)
        {
            error = Invalid($"'{text}' is not a resource id: expected /providers/{{namespace}}/{{type}}/{{name}} after the {(resourceGroup is null ? "subscription" : "resource group")}.");
            return false;
        }

        var providerNamespace = segments[i + 1];
        offset += 1 + segments[i].Length + 1 + providerNamespace.Length;
        var pairs = segments.AsSpan(i + 2);
        if (pairs.Length == 0 || pairs.Length % 2 != 0)
        {
            error = Invalid($"'{text}' is not a resource id: types and names must come in pairs ({{type}}/{{name}}).");
            return false;
        }

        var types = new string[pairs.Length / 2];
        var names = new string[pairs.Length / 2];
        for (var p = 0; p < types.Length; p++)
        {
            types[p] = pairs[2 * p];
            names[p] = pairs[(2 * p) + 1];
            if (types[p].Equals("providers", StringComparison.OrdinalIgnoreCase))
            {
                error = Invalid($"'{text}': extension resource ids (a second /providers/ segment) are not supported here.");
                return false;
            }

            offset += 1 + types[p].Length + 1 + names[p].Length;
            levelEnds.Add(offset);
        }

        id = new ArmResourceId(value, subscription, resourceGroup, providerNamespace, types, names, [.. levelEnds]);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the message of <see cref="TryParse"/>.</summary>
    public static ArmResourceId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error.Message);

    /// <summary>Case-insensitive comparison of the whole id.</summary>
    public bool Equals(ArmResourceId? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ArmResourceId);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The id as given.</summary>
    public override string ToString() => Value;

    /// <summary>Case-insensitive equality; two nulls are equal.</summary>
    public static bool operator ==(ArmResourceId? left, ArmResourceId? right) => left?.Equals(right) ?? right is null;

    /// <summary>Negation of <c>==</c>.</summary>
    public static bool operator !=(ArmResourceId? left, ArmResourceId? right) => !(left == right);

    private static ValueError Invalid(string message) => new(ErrorCodes.InvalidResourceId, message);
}
