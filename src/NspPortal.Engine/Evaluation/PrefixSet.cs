using NspPortal.Engine.Values;

namespace NspPortal.Engine.Evaluation;

/// <summary>A compiled set of IPv4 and IPv6 prefixes: sorted, disjoint intervals over the 128-bit key space (IPv4 in
/// the IPv4-mapped block), each carrying the smallest value (rule position) of the prefixes covering it. Lookup is a
/// bucket jump plus a binary search inside the bucket (<see cref="SegmentTable"/>): O(log n) worst case, usually a
/// couple of comparisons, no allocation.</summary>
/// <remarks>CIDR blocks are nested or disjoint, so one sweep with a stack splits them into disjoint segments. IPv6
/// prefixes that contain the IPv4-mapped block (e.g. <c>::/0</c>) lose that block, so IPv6 rules never admit IPv4
/// callers (<see cref="IpPrefix.Contains(IpAddressKey)"/> has the same family rule).</remarks>
internal sealed class PrefixSet
{
    public static readonly PrefixSet Empty = new([], [], []);

    private readonly SegmentTable _ipv4;
    private readonly SegmentTable _ipv6;

    private PrefixSet(UInt128[] starts, UInt128[] ends, int[] values)
    {
        // Segments never straddle the IPv4-mapped block (IPv6 intervals are clipped around it), so each family gets
        // its own table: IPv4 keys then share their upper 96 bits and the bucket index works on the useful bits.
        var ipv4 = Enumerable.Range(0, starts.Length).Where(i => IpBits.IsMapped(starts[i])).ToArray();
        var ipv6 = Enumerable.Range(0, starts.Length).Where(i => !IpBits.IsMapped(starts[i])).ToArray();
        _ipv4 = new SegmentTable([.. ipv4.Select(i => starts[i])], [.. ipv4.Select(i => ends[i])], [.. ipv4.Select(i => values[i])]);
        _ipv6 = new SegmentTable([.. ipv6.Select(i => starts[i])], [.. ipv6.Select(i => ends[i])], [.. ipv6.Select(i => values[i])]);
    }

    /// <summary>Number of disjoint segments.</summary>
    public int SegmentCount => _ipv4.Count + _ipv6.Count;

    /// <summary>The smallest value of the prefixes containing <paramref name="key"/>, or -1.</summary>
    public int Find(UInt128 key) => IpBits.IsMapped(key) ? _ipv4.Find(key) : _ipv6.Find(key);

    /// <summary>Compiles prefixes; when several contain an address, the smallest value wins.</summary>
    public static PrefixSet Build(IEnumerable<(IpPrefix Prefix, int Value)> entries)
    {
        var intervals = new List<(UInt128 First, UInt128 Last, int Value)>();
        foreach (var (prefix, value) in entries)
        {
            var first = prefix.First;
            var last = prefix.Last;
            if (!prefix.IsIPv4 && first <= IpBits.MappedFirst && last >= IpBits.MappedLast)
            {
                if (first < IpBits.MappedFirst)
                {
                    intervals.Add((first, IpBits.MappedFirst - 1, value));
                }

                if (last > IpBits.MappedLast)
                {
                    intervals.Add((IpBits.MappedLast + 1, last, value));
                }
            }
            else
            {
                intervals.Add((first, last, value));
            }
        }

        if (intervals.Count == 0)
        {
            return Empty;
        }

        // Wider first among equal starts, so a parent is on the stack before its children.
        intervals.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last));
        var segments = new Segments();
        var stack = new Stack<(UInt128 Last, int Value)>();
        var cursor = UInt128.Zero;
        foreach (var (first, last, value) in intervals)
        {
            while (stack.Count > 0 && stack.Peek().Last < first)
            {
                var top = stack.Pop();
                segments.Add(cursor, top.Last, top.Value);
                cursor = top.Last + 1;
            }

            if (stack.Count > 0 && cursor < first)
            {
                segments.Add(cursor, first - 1, stack.Peek().Value);
            }

            cursor = first;
            stack.Push((last, stack.Count > 0 ? Math.Min(stack.Peek().Value, value) : value));
        }

        var exhausted = false;
        while (stack.Count > 0)
        {
            var top = stack.Pop();
            if (!exhausted)
            {
                segments.Add(cursor, top.Last, top.Value);
                exhausted = top.Last == UInt128.MaxValue;
                cursor = exhausted ? cursor : top.Last + 1;
            }
        }

        return new PrefixSet([.. segments.Starts], [.. segments.Ends], [.. segments.Values]);
    }

    /// <summary>Appends segments in order, skipping empty ones and merging neighbours with the same value.</summary>
    private sealed class Segments
    {
        public List<UInt128> Starts { get; } = [];

        public List<UInt128> Ends { get; } = [];

        public List<int> Values { get; } = [];

        public void Add(UInt128 first, UInt128 last, int value)
        {
            if (first > last)
            {
                return;
            }

            var n = Starts.Count;
            // Merge with the previous segment, but never across the IPv4-mapped boundary (each family has its own table).
            if (n > 0 && Values[n - 1] == value && Ends[n - 1] + 1 == first && IpBits.IsMapped(Starts[n - 1]) == IpBits.IsMapped(first))
            {
                Ends[n - 1] = last;
                return;
            }

            Starts.Add(first);
            Ends.Add(last);
            Values.Add(value);
        }
    }
}
