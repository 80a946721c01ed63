using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Evaluation;

public class PrefixSetTests
{
    private static PrefixSet Build(params (string Prefix, int Value)[] entries) =>
        PrefixSet.Build(entries.Select(e => (IpPrefix.Parse(e.Prefix), e.Value)));

    private static int Find(PrefixSet set, string address) => set.Find(IpAddressKey.Parse(address).Value);

    [Fact]
    public void FindsNothingInAnEmptySet() => Assert.Equal(-1, Find(PrefixSet.Empty, "10.0.0.1"));

    [Fact]
    public void PrefersTheSmallestValueAmongNestedPrefixes()
    {
        var set = Build(("10.0.0.0/8", 5), ("10.1.0.0/16", 2), ("10.1.2.0/24", 7));
        Assert.Equal(5, Find(set, "10.0.0.1"));
        Assert.Equal(2, Find(set, "10.1.0.1"));
        Assert.Equal(2, Find(set, "10.1.2.3"));
        Assert.Equal(5, Find(set, "10.255.255.255"));
        Assert.Equal(-1, Find(set, "11.0.0.0"));
    }

    [Fact]
    public void KeepsIPv6RulesAwayFromIPv4Callers()
    {
        var set = Build(("::/0", 1), ("192.0.2.0/24", 3));
        Assert.Equal(1, Find(set, "2001:db8::1"));
        Assert.Equal(1, Find(set, "::1"));
        Assert.Equal(-1, Find(set, "198.51.100.7"));
        Assert.Equal(3, Find(set, "192.0.2.9"));
        Assert.Equal(1, Find(set, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    }

    [Fact]
    public void KeepsFamiliesApartWhenNeighbouringSegmentsShareAValue()
    {
        var set = Build(("::/64", 3), ("0.0.0.0/0", 3));
        Assert.Equal(3, Find(set, "198.51.100.7"));
        Assert.Equal(3, Find(set, "::1"));
        Assert.Equal(3, Find(set, "::1:0:0:1"));
        Assert.Equal(-1, Find(set, "2001:db8::1"));
        Assert.Equal(3, set.SegmentCount);
    }

    [Fact]
    public void UsesBucketsForLargeSetsWithTheSameAnswers()
    {
        var entries = Enumerable.Range(0, 2000).Select(i => ($"10.{i / 250}.{i % 250}.0/24", i)).Concat([("10.0.0.0/8", 5000), ("2001:db8::/32", 7)]).ToArray();
        var set = Build(entries);
        Assert.Equal(0, Find(set, "10.0.0.9"));
        Assert.Equal(1999, Find(set, "10.7.249.255"));
        Assert.Equal(5000, Find(set, "10.200.0.1"));
        Assert.Equal(-1, Find(set, "11.0.0.0"));
        Assert.Equal(7, Find(set, "2001:db8:ffff::1"));
        Assert.Equal(-1, Find(set, "2001:db9::"));
    }

    [Fact]
    public void MergesNeighboursWithTheSameValue()
    {
        var set = Build(("10.0.0.0/25", 1), ("10.0.0.128/25", 1));
        Assert.Equal(1, set.SegmentCount);
    }

    [Fact]
    public void HandlesTheWholeSpace()
    {
        var set = Build(("0.0.0.0/0", 0), ("::/0", 1));
        Assert.Equal(0, Find(set, "0.0.0.0"));
        Assert.Equal(0, Find(set, "255.255.255.255"));
        Assert.Equal(1, Find(set, "::"));
    }
}
