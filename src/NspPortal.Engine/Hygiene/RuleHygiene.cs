using NspPortal.Engine.Values;

namespace NspPortal.Engine.Hygiene;

/// <summary>What kind of hygiene problem an address prefix of an access rule has.</summary>
public enum HygieneKind
{
    /// <summary>The same prefix appears twice (in one rule or in two rules of the profile).</summary>
    Duplicate,

    /// <summary>The prefix is inside a wider prefix of the profile: it admits nothing the wider one does not.
    /// Two CIDR prefixes either are disjoint or one contains the other, so this also covers every overlap.</summary>
    ContainedIn,

    /// <summary>A very wide range (IPv4 /0–/8, IPv6 /0–/16): most of the Internet.</summary>
    VeryBroad,

    /// <summary>A private, loopback, link-local, shared (CGNAT) or reserved range in a public inbound rule: traffic
    /// judged by public inbound rules never comes from it.</summary>
    PrivateOrReserved,
}

/// <summary>One finding: the rule and prefix it is about, and the other rule/prefix involved (for duplicates and
/// containment).</summary>
public sealed record HygieneWarning(HygieneKind Kind, string RuleName, IpPrefix Prefix, string Message)
{
    /// <summary>The rule holding the wider or identical prefix, for <see cref="HygieneKind.Duplicate"/> and
    /// <see cref="HygieneKind.ContainedIn"/>.</summary>
    public string? OtherRuleName { get; init; }

    /// <summary>The wider or identical prefix.</summary>
    public IpPrefix? OtherPrefix { get; init; }
}

/// <summary>The address prefixes of one inbound rule, as the hygiene analysis takes them.</summary>
public sealed record HygieneRule(string Name, IReadOnlyList<IpPrefix> Prefixes);

/// <summary>Hygiene of a profile's inbound IP rules: duplicates, prefixes contained in others (redundant), very broad
/// ranges and private or reserved ranges in public rules. Pure and deterministic; shown next to the rules by the portal's
/// rule editor and never blocking a save (Azure accepts all of these).</summary>
public static class RuleHygiene
{
    /// <summary>IPv4 prefixes this short or shorter are "very broad" (a /8 is 16.7 million addresses).</summary>
    public const int BroadIPv4Length = 8;

    /// <summary>IPv6 prefixes this short or shorter are "very broad".</summary>
    public const int BroadIPv6Length = 16;

    private static readonly (IpPrefix Prefix, string Label)[] Reserved =
    [
        (IpPrefix.Parse("0.0.0.0/8"), "'this network' (RFC 1122)"),
        (IpPrefix.Parse("10.0.0.0/8"), "private (RFC 1918)"),
        (IpPrefix.Parse("100.64.0.0/10"), "shared address space (RFC 6598, carrier-grade NAT)"),
        (IpPrefix.Parse("127.0.0.0/8"), "loopback"),
        (IpPrefix.Parse("169.254.0.0/16"), "link-local"),
        (IpPrefix.Parse("172.16.0.0/12"), "private (RFC 1918)"),
        (IpPrefix.Parse("192.168.0.0/16"), "private (RFC 1918)"),
        (IpPrefix.Parse("224.0.0.0/4"), "multicast"),
        (IpPrefix.Parse("240.0.0.0/4"), "reserved (RFC 1112)"),
        (IpPrefix.Parse("::1/128"), "loopback"),
        (IpPrefix.Parse("fc00::/7"), "unique local (RFC 4193)"),
        (IpPrefix.Parse("fe80::/10"), "link-local"),
        (IpPrefix.Parse("ff00::/8"), "multicast"),
    ];

    /// <summary>Analyses the rules of one profile. Each warning is about one prefix of one rule; a prefix is reported
    /// as a duplicate or as contained in the first wider prefix found (rules in the given order), never both.
    /// Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are not flagged: they are
    /// what examples use.</summary>
    public static IReadOnlyList<HygieneWarning> Analyze(IReadOnlyList<HygieneRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var all = rules.SelectMany((r, ri) => r.Prefixes.Select((p, pi) => (Rule: r.Name, Prefix: p, Order: (ri, pi)))).ToList();
        var warnings = new List<HygieneWarning>();
        for (var i = 0; i < all.Count; i++)
        {
            var (rule, prefix, _) = all[i];
            if (Redundancy(all, i) is { } redundancy)
            {
                warnings.Add(redundancy);
            }

            if (prefix.PrefixLength <= (prefix.IsIPv4 ? BroadIPv4Length : BroadIPv6Length))
            {
                warnings.Add(new HygieneWarning(HygieneKind.VeryBroad, rule, prefix,
                    $"{prefix} is very broad ({Describe(prefix)}); narrow it to the networks that need access."));
            }

            if (Reserved.FirstOrDefault(r => r.Prefix.Contains(prefix)) is { Label: not null } reserved)
            {
                warnings.Add(new HygieneWarning(HygieneKind.PrivateOrReserved, rule, prefix,
                    $"{prefix} is in a {reserved.Label} range; public inbound rules judge traffic from the Internet, which never comes from it. Private traffic reaches the resource through private endpoints."));
            }
        }

        return warnings;
    }

    private static HygieneWarning? Redundancy(List<(string Rule, IpPrefix Prefix, (int, int) Order)> all, int index)
    {
        var (rule, prefix, _) = all[index];
        for (var j = 0; j < all.Count; j++)
        {
            if (j == index)
            {
                continue;
            }

            var (otherRule, other, _) = all[j];
            if (other == prefix)
            {
                // Only the later copy is reported, so a pair gives one warning.
                if (j < index)
                {
                    return new HygieneWarning(HygieneKind.Duplicate, rule, prefix,
                        otherRule == rule ? $"{prefix} is listed twice in this rule." : $"{prefix} is also in rule '{otherRule}'.")
                    { OtherRuleName = otherRule, OtherPrefix = other };
                }

                continue;
            }

            if (other.Contains(prefix))
            {
                return new HygieneWarning(HygieneKind.ContainedIn, rule, prefix,
                    otherRule == rule
                        ? $"{prefix} is inside {other} of this rule; it adds nothing and can be removed."
                        : $"{prefix} is inside {other} of rule '{otherRule}'; it adds nothing and can be removed.")
                { OtherRuleName = otherRule, OtherPrefix = other };
            }
        }

        return null;
    }

    private static string Describe(IpPrefix prefix)
    {
        var hostBits = (prefix.IsIPv4 ? 32 : 128) - prefix.PrefixLength;
        return prefix.IsIPv4
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{1L << hostBits:N0} addresses")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"2^{hostBits} addresses");
    }
}
