using System.Collections.Immutable;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Model;

/// <summary>An access rule (<c>profiles/accessRules</c>, reference/nsp.md §1.3). Rules only allow; a valid rule
/// uses exactly one rule type in a direction the matrix of §1.3 permits (see <see cref="Validation.AccessRuleValidator"/>).
/// The model can hold invalid combinations so that validation can report them.</summary>
/// <param name="Name">The rule name, unique (case-insensitively) in its profile.</param>
/// <param name="Direction">Inbound or Outbound.</param>
public sealed record AccessRule(string Name, AccessRuleDirection Direction)
{
    /// <summary>Inbound: caller IPv4/IPv6 prefixes.</summary>
    public ImmutableArray<IpPrefix> AddressPrefixes { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Inbound: subscriptions of Entra ID / managed-identity callers.</summary>
    public ImmutableArray<SubscriptionId> Subscriptions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Outbound: destination host names.</summary>
    public ImmutableArray<Fqdn> FullyQualifiedDomainNames { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Inbound (preview): service tags. Not evaluated: the engine has no tag-to-prefix data (docs/engine.md).</summary>
    public ImmutableArray<string> ServiceTags { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Read-only, link-generated: perimeters whose managed-identity callers (inbound) or destinations (outbound) the rule admits.</summary>
    public ImmutableArray<PerimeterReference> NetworkSecurityPerimeters { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Outbound e-mail addresses: unavailable in Azure; kept to echo the wire shape, never evaluated.</summary>
    public ImmutableArray<string> EmailAddresses { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Outbound phone numbers: unavailable in Azure; kept to echo the wire shape, never evaluated.</summary>
    public ImmutableArray<string> PhoneNumbers { get; init => field = value.IsDefault ? [] : value; } = [];
}
