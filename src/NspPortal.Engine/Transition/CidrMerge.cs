using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>Options of <see cref="CidrMerge"/>. Lengths are in each family's own terms (0–32, 0–128).</summary>
/// <param name="RoundIPv4To">Widen every IPv4 input narrower than this to its /N block first (32: exact).</param>
/// <param name="RoundIPv6To">Widen every IPv6 input narrower than this to its /N block first (128: exact).</param>
/// <param name="BroadestIPv4">No IPv4 output is broader (shorter) than /N (0: no cap).</param>
/// <param name="BroadestIPv6">No IPv6 output is broader than /N (0: no cap).</param>
public sealed record CidrMergeOptions(int RoundIPv4To = 32, int RoundIPv6To = 128, int BroadestIPv4 = 0, int BroadestIPv6 = 0)
{
    /// <summary>Exact merging, no cap (what <c>net.cidr_merge</c> does).</summary>
    public static CidrMergeOptions Exact { get; } = new();

    /// <summary>The defaults of the transition view: sources grouped by /24 and /64, never broader than /16 and /48.</summary>
    public static CidrMergeOptions Suggested { get; } = new(24, 64, 16, 48);
}

/// <summary>One merged prefix with the weight (logged connections) and number of inputs it covers.</summary>
public sealed record MergedPrefix(IpPrefix Prefix, long Weight, int Inputs);

/// <summary>Merges address prefixes into the fewest CIDR blocks that cover them. Contract: with
/// <see cref="CidrMergeOptions.Exact"/> the output covers exactly the addresses of the inputs (no more, no fewer);
/// the output prefixes are disjoint, sorted, and no two are mergeable siblings; every output is at least as long as
/// the family's <c>Broadest…</c> cap (a wider block is split into blocks of the cap's length). Rounding widens inputs
/// first, so the output then covers a superset: each input's /N block. IPv4 and IPv6 never merge with each other.</summary>
public static class CidrMerge
{
    /// <summary>Merges unweighted prefixes.</summary>
    public static IReadOnlyList<IpPrefix> Merge(IEnumerable<IpPrefix> inputs, CidrMergeOptions? options = null) =>
        [.. MergeWeighted(inputs.Select(p => (p, 1L)), options).Select(m => m.Prefix)];

    /// <summary>Merges prefixes carrying a weight each; each output reports the sum of the weights of the inputs it covers.</summary>
    public static IReadOnlyList<MergedPrefix> MergeWeighted(IEnumerable<(IpPrefix Prefix, long Weight)> inputs, CidrMergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= CidrMergeOptions.Exact;
        var rounded = inputs.Select(i => (Prefix: Round(i.Prefix, options), i.Weight)).ToList();
        rounded.Sort((a, b) => a.Prefix.First.CompareTo(b.Prefix.First));

        var blocks = new List<IpPrefix>();
        var index = 0;
        while (index < rounded.Count)
        {
            // One run of overlapping or adjacent inputs of the same family is one interval.
            var first = rounded[index].Prefix.First;
            var last = rounded[index].Prefix.Last;
            var ipv4 = rounded[index].Prefix.IsIPv4;
            index++;
            while (index < rounded.Count && rounded[index].Prefix.IsIPv4 == ipv4 && last != UInt128.MaxValue && rounded[index].Prefix.First <= last + 1)
            {
                if (rounded[index].Prefix.Last > last)
                {
                    last = rounded[index].Prefix.Last;
                }

                index++;
            }

            Decompose(first, last, ipv4 ? 96 + options.BroadestIPv4 : options.BroadestIPv6, blocks);
        }

        return Weigh(blocks, rounded);
    }

    private static IpPrefix Round(IpPrefix prefix, CidrMergeOptions options)
    {
        var roundTo = Math.Clamp(prefix.IsIPv4 ? options.RoundIPv4To : options.RoundIPv6To, 0, prefix.IsIPv4 ? 32 : 128);
        return prefix.PrefixLength > roundTo ? IpPrefix.Create(IpAddressKey.FromKey(prefix.Network), roundTo) : prefix;
    }

    /// <summary>Splits [first, last] into aligned blocks, largest first, none shorter than <paramref name="minLength128"/>.</summary>
    private static void Decompose(UInt128 first, UInt128 last, int minLength128, List<IpPrefix> blocks)
    {
        var ipv4 = first >= Values.IpBits.MappedFirst && last <= Values.IpBits.MappedLast;
        var current = first;
        while (true)
        {
            // The widest block aligned at `current` that ends at or before `last` and respects the cap.
            var length = Math.Max(128 - TrailingZeros(current), minLength128);
            while (length < 128 && (current | Values.IpBits.HostMask(length)) > last)
            {
                length++;
            }

            if (ipv4 && length < 96)
            {
                length = 96;
            }

            var end = current | Values.IpBits.HostMask(length);
            if (ipv4)
            {
                blocks.Add(IpPrefix.Create(IpAddressKey.FromKey(current), length - 96));
            }
            else if (length < 96 || !Values.IpBits.IsMapped(current))
            {
                blocks.Add(IpPrefix.Create(IpAddressKey.FromKey(current), length));
            }

            // else: an IPv6 input that spans ::ffff:0:0/96, split by a cap; an IPv6 prefix admits no IPv4 caller
            // (docs/engine.md), so that piece covers no address and is left out.
            if (end >= last)
            {
                return;
            }

            current = end + 1;
        }
    }

    private static int TrailingZeros(UInt128 value) => value == 0 ? 128 : (int)UInt128.TrailingZeroCount(value);

    private static List<MergedPrefix> Weigh(List<IpPrefix> blocks, List<(IpPrefix Prefix, long Weight)> inputs)
    {
        if (blocks.Count == 0)
        {
            return [];
        }

        var weights = new long[blocks.Count];
        var counts = new int[blocks.Count];
        var block = 0;
        foreach (var (prefix, weight) in inputs)
        {
            // Inputs are sorted by first address and every input lies inside the blocks; a cap may split one input
            // over several blocks, in which case it counts in the block holding its first address.
            while (block < blocks.Count - 1 && blocks[block].Last < prefix.First)
            {
                block++;
            }

            weights[block] += weight;
            counts[block]++;
        }

        return [.. blocks.Select((b, i) => new MergedPrefix(b, weights[i], counts[i]))];
    }
}
