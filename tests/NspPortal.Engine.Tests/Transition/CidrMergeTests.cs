using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Transition;

public class CidrMergeTests
{
    private static IpPrefix[] P(params string[] prefixes) => [.. prefixes.Select(IpPrefix.Parse)];

    private static string[] Merge(CidrMergeOptions? options, params string[] prefixes) =>
        [.. CidrMerge.Merge(P(prefixes), options).Select(p => p.ToString())];

    [Fact]
    public void MergesSiblingHalvesIntoTheirParent() =>
        Assert.Equal(["10.0.0.0/24"], Merge(null, "10.0.0.128/25", "10.0.0.0/25"));

    [Fact]
    public void KeepsAddressesThatAreNotSiblingsApart() =>
        Assert.Equal(["10.0.0.1/32", "10.0.0.2/32"], Merge(null, "10.0.0.2/32", "10.0.0.1/32"));

    [Fact]
    public void MergesAlignedNeighboursAndDropsContainedInputs() =>
        Assert.Equal(["10.0.0.2/31", "10.0.1.0/24"], Merge(null, "10.0.0.3/32", "10.0.0.2/32", "10.0.1.0/24", "10.0.1.7/32", "10.0.0.3/32"));

    [Fact]
    public void DecomposesAnUnalignedRunIntoTheFewestBlocks() =>
        Assert.Equal(["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/30"], Merge(null, "10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32", "10.0.0.4/30"));

    [Fact]
    public void NeverMergesAcrossFamilies() =>
        Assert.Equal(["10.0.0.0/8", "2001:db8::/32"], Merge(null, "2001:db8::/32", "10.0.0.0/8"));

    [Fact]
    public void SplitsBlocksBroaderThanTheCap() =>
        Assert.Equal(["10.0.0.0/10", "10.64.0.0/10", "10.128.0.0/10", "10.192.0.0/10"],
            Merge(new CidrMergeOptions(BroadestIPv4: 10), "10.0.0.0/8"));

    [Fact]
    public void RoundsAddressesToTheirBlockFirstAndWeighsEachBlock()
    {
        var merged = CidrMerge.MergeWeighted(
            [(IpPrefix.Parse("203.0.113.7/32"), 3), (IpPrefix.Parse("203.0.113.200/32"), 2), (IpPrefix.Parse("198.51.100.1/32"), 1),
             (IpPrefix.Parse("2001:db8:0:1::5/128"), 4)],
            new CidrMergeOptions(RoundIPv4To: 24, RoundIPv6To: 64));
        Assert.Equal(
            [("198.51.100.0/24", 1L, 1), ("203.0.113.0/24", 5L, 2), ("2001:db8:0:1::/64", 4L, 1)],
            merged.Select(m => (m.Prefix.ToString(), m.Weight, m.Inputs)));
    }

    [Fact]
    public void MergesTheWholeIPv6SpaceWithoutOverflow() =>
        Assert.Equal(["::/0"], Merge(null, "::/1", "8000::/1"));

    [Fact]
    public void EmptyInputGivesNothing() => Assert.Empty(CidrMerge.Merge([]));
}
