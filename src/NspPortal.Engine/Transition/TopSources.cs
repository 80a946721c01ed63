using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>One source group behind would-be-denied traffic.</summary>
public sealed record SourceTotal(string Source, long Connections);

/// <summary>The top sources behind would-be-denied traffic (peers.md A.6 #1).</summary>
public sealed record TopSourceSet(IReadOnlyList<SourceTotal> Networks, IReadOnlyList<SourceTotal> Subscriptions,
    IReadOnlyList<SourceTotal> Resources, IReadOnlyList<SourceTotal> Fqdns)
{
    /// <summary>Nothing would be denied.</summary>
    public static TopSourceSet Empty { get; } = new([], [], [], []);
}

/// <summary>Aggregates would-be-denied rows by source: IPv4 addresses to their /24, IPv6 to their /64, caller
/// subscriptions (the token's, else the calling resource's), calling resources, and outbound host names.</summary>
public static class TopSources
{
    /// <summary>Length IPv4 sources are aggregated to.</summary>
    public const int IPv4Aggregate = 24;

    /// <summary>Length IPv6 sources are aggregated to.</summary>
    public const int IPv6Aggregate = 64;

    /// <summary>The /24 (IPv4) or /64 (IPv6) of an address.</summary>
    public static IpPrefix AggregateAddress(IpAddressKey address) =>
        IpPrefix.Create(address, address.IsIPv4 ? IPv4Aggregate : IPv6Aggregate);

    /// <summary>The <paramref name="take"/> largest groups of each kind (ties by name), from the would-be-denied rows only.</summary>
    public static TopSourceSet Compute(IEnumerable<ReplayRow> rows, int take = 10)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var networks = new Dictionary<IpPrefix, long>();
        var subscriptions = new Dictionary<SubscriptionId, long>();
        var resources = new Dictionary<ArmResourceId, long>();
        var fqdns = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!row.IsWouldBeDenied)
            {
                continue;
            }

            if (row.SourceIp is { } ip)
            {
                Bump(networks, AggregateAddress(ip), row.Weight);
            }

            if (row.CallerSubscription is { } subscription)
            {
                Bump(subscriptions, subscription, row.Weight);
            }

            if (row.SourceResourceId is { } resource)
            {
                Bump(resources, resource, row.Weight);
            }

            if (row.DestinationFqdn is { } fqdn)
            {
                Bump(fqdns, fqdn.Value, row.Weight);
            }
        }

        return new TopSourceSet(Top(networks, take, n => n.ToString()), Top(subscriptions, take, s => s.Value.ToString("D")),
            Top(resources, take, r => r.Value), Top(fqdns, take, f => f));
    }

    private static void Bump<TKey>(Dictionary<TKey, long> totals, TKey key, long weight)
        where TKey : notnull => totals[key] = totals.GetValueOrDefault(key) + weight;

    private static List<SourceTotal> Top<TKey>(Dictionary<TKey, long> totals, int take, Func<TKey, string> text)
        where TKey : notnull =>
        [.. totals.Select(t => new SourceTotal(text(t.Key), t.Value))
            .OrderByDescending(t => t.Connections).ThenBy(t => t.Source, StringComparer.OrdinalIgnoreCase).Take(take)];
}
