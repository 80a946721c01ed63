using System.Numerics;

namespace NspPortal.Engine.Evaluation;

/// <summary>Sorted disjoint segments of one address family with a bucket index: the bits right after the segments'
/// common prefix pick a bucket, which bounds the binary search to the few segments starting in that bucket.</summary>
/// <remarks>Plain binary search over 10,000 segments costs about 14 unpredictable branches per lookup; the bucket jump
/// turns that into one table read and, for typical rule sets, one to three comparisons. The table has about two
/// buckets per segment (at most 65,536), so small profiles stay small.</remarks>
internal sealed class SegmentTable
{
    private const int MinimumForBuckets = 16;
    private const int MaximumBucketBits = 16;

    // Start, end and value side by side: the final check reads one cache line instead of three.
    private readonly Segment[] _segments;
    private readonly UInt128 _low;
    private readonly UInt128 _high;
    private readonly int _shift;
    private readonly int[]? _buckets;

    public SegmentTable(UInt128[] starts, UInt128[] ends, int[] values)
    {
        _segments = [.. starts.Select((start, i) => new Segment(start, ends[i], values[i]))];
        if (starts.Length == 0)
        {
            return;
        }

        // The smallest aligned block [low, high] holding every segment: a key outside it matches nothing.
        var difference = UInt128.Zero;
        for (var i = 0; i < starts.Length; i++)
        {
            difference |= (starts[i] ^ starts[0]) | (ends[i] ^ starts[0]);
        }

        var spanBits = 128 - (int)UInt128.LeadingZeroCount(difference);
        var mask = spanBits == 0 ? UInt128.Zero : spanBits == 128 ? UInt128.MaxValue : (UInt128.One << spanBits) - 1;
        _low = starts[0] & ~mask;
        _high = _low | mask;
        if (starts.Length < MinimumForBuckets || spanBits == 0)
        {
            return;
        }

        var bits = Math.Min(Math.Min(MaximumBucketBits, BitOperations.Log2((uint)starts.Length) + 2), spanBits);
        _shift = spanBits - bits;
        var buckets = new int[(1 << bits) + 1];
        var segment = 0;
        for (var bucket = 0; bucket < buckets.Length - 1; bucket++)
        {
            while (segment < starts.Length && BucketOf(starts[segment]) < bucket)
            {
                segment++;
            }

            buckets[bucket] = segment;
        }

        buckets[^1] = starts.Length;
        _buckets = buckets;
    }

    public int Count => _segments.Length;

    /// <summary>The value of the segment containing <paramref name="key"/>, or -1.</summary>
    public int Find(UInt128 key)
    {
        var segments = _segments;
        if (segments.Length == 0 || key < _low || key > _high)
        {
            return -1;
        }

        // The answer is the last segment starting at or before key. Segments of later buckets start after key, and
        // every segment of earlier buckets starts before it, so it lies in [buckets[b] - 1, buckets[b + 1] - 1].
        int first, last;
        if (_buckets is { } buckets)
        {
            var bucket = BucketOf(key);
            first = Math.Max(buckets[bucket] - 1, 0);
            last = buckets[bucket + 1] - 1;
            if (last < first)
            {
                return -1;
            }
        }
        else
        {
            first = 0;
            last = segments.Length - 1;
        }

        while (first < last)
        {
            var mid = (int)((uint)(first + last + 1) >> 1);
            if (segments[mid].Start <= key)
            {
                first = mid;
            }
            else
            {
                last = mid - 1;
            }
        }

        ref readonly var candidate = ref segments[first];
        return candidate.Start <= key && key <= candidate.End ? candidate.Value : -1;
    }

    private int BucketOf(UInt128 key) => (int)((key - _low) >> _shift);

    private readonly record struct Segment(UInt128 Start, UInt128 End, int Value);
}
