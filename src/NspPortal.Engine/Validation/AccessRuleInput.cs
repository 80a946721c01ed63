namespace NspPortal.Engine.Validation;

/// <summary>An access rule as a request body carries it (ARM PUT <c>properties</c>, or the portal's form), before
/// parsing: strings as typed, null for an absent property. <see cref="AccessRuleValidator.Validate(AccessRuleInput, out Model.AccessRule?)"/>
/// turns it into a <see cref="Model.AccessRule"/> or findings.</summary>
public sealed record AccessRuleInput
{
    /// <summary>The rule name (from the URL).</summary>
    public string? Name { get; init; }

    /// <summary><c>properties.direction</c>.</summary>
    public string? Direction { get; init; }

    /// <summary><c>properties.addressPrefixes</c>.</summary>
    public IReadOnlyList<string?>? AddressPrefixes { get; init; }

    /// <summary><c>properties.subscriptions[].id</c>.</summary>
    public IReadOnlyList<string?>? Subscriptions { get; init; }

    /// <summary><c>properties.fullyQualifiedDomainNames</c>.</summary>
    public IReadOnlyList<string?>? FullyQualifiedDomainNames { get; init; }

    /// <summary><c>properties.serviceTags</c>.</summary>
    public IReadOnlyList<string?>? ServiceTags { get; init; }

    /// <summary><c>properties.emailAddresses</c> (unavailable).</summary>
    public IReadOnlyList<string?>? EmailAddresses { get; init; }

    /// <summary><c>properties.phoneNumbers</c> (unavailable).</summary>
    public IReadOnlyList<string?>? PhoneNumbers { get; init; }

    /// <summary><c>properties.networkSecurityPerimeters[].id</c> (read-only: any entry is an error in a request body).</summary>
    public IReadOnlyList<string?>? NetworkSecurityPerimeters { get; init; }
}
