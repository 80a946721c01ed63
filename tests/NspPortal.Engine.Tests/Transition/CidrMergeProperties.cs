using FsCheck;
using FsCheck.Fluent;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Transition;

/// <summary>Merged CIDRs cover exactly the inputs' addresses (no cap), are never broader than the cap, and rounding
/// only ever adds the rounded blocks. Inputs live in 10.0.0.0/22 (1,024 addresses) so that every address can be checked.</summary>
public class CidrMergeProperties
{
    private const uint Base = 0x0A000000; // 10.0.0.0
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static Gen<IpPrefix> SmallPrefixes =>
        Gen.Zip(Gen.Choose(0, 1023), Gen.Choose(22, 32))
            .Select(t => IpPrefix.Create(IpAddressKey.Parse(new System.Net.IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Base + (uint)t.Item1)).ToString()), t.Item2));

    private static Gen<IpPrefix[]> Inputs => Gen.ArrayOf(SmallPrefixes).Where(a => a.Length <= 40);

    private static IEnumerable<IpAddressKey> AllAddresses() =>
        Enumerable.Range(0, 1024).Select(i => IpAddressKey.Parse($"10.0.{i / 256}.{i % 256}"));

    private static bool Covers(IEnumerable<IpPrefix> prefixes, IpAddressKey address) => prefixes.Any(p => p.Contains(address));

    [Fact]
    public void WithoutACapTheOutputCoversExactlyTheInputsAddresses() =>
        Check.One(Config, Prop.ForAll(Inputs.ToArbitrary(), inputs =>
        {
            var merged = CidrMerge.Merge(inputs);
            return AllAddresses().All(a => Covers(inputs, a) == Covers(merged, a));
        }));

    [Fact]
    public void OutputsAreSortedDisjointAndHoldNoMergeableSiblings() =>
        Check.One(Config, Prop.ForAll(Inputs.ToArbitrary(), inputs =>
        {
            var merged = CidrMerge.Merge(inputs);
            for (var i = 1; i < merged.Count; i++)
            {
                var (a, b) = (merged[i - 1], merged[i]);
                var disjoint = a.Last < b.First;
                var siblings = a.PrefixLength == b.PrefixLength && a.PrefixLength > 0 &&
                    IpPrefix.Create(IpAddressKey.FromKey(a.Network), a.PrefixLength - 1) == IpPrefix.Create(IpAddressKey.FromKey(b.Network), b.PrefixLength - 1);
                if (!disjoint || siblings)
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void WithACapNothingIsBroaderThanItAndCoverageStaysExact() =>
        Check.One(Config, Prop.ForAll(Inputs.ToArbitrary(), Gen.Choose(0, 32).ToArbitrary(), (inputs, cap) =>
        {
            var merged = CidrMerge.Merge(inputs, new CidrMergeOptions(BroadestIPv4: cap));
            return merged.All(p => p.PrefixLength >= cap) && AllAddresses().All(a => Covers(inputs, a) == Covers(merged, a));
        }));

    [Fact]
    public void RoundingCoversEveryInputAndOnlyTheirRoundedBlocks() =>
        Check.One(Config, Prop.ForAll(Inputs.ToArbitrary(), Gen.Choose(22, 32).ToArbitrary(), (inputs, round) =>
        {
            var merged = CidrMerge.Merge(inputs, new CidrMergeOptions(RoundIPv4To: round));
            var rounded = inputs.Select(p => p.PrefixLength > round ? IpPrefix.Create(IpAddressKey.FromKey(p.Network), round) : p).ToList();
            return AllAddresses().All(a => Covers(rounded, a) == Covers(merged, a));
        }));

    [Fact]
    public void WeightsAddUpToTheInputs() =>
        Check.One(Config, Prop.ForAll(Inputs.ToArbitrary(), inputs =>
        {
            var merged = CidrMerge.MergeWeighted(inputs.Select((p, i) => (p, (long)i + 1)), CidrMergeOptions.Suggested);
            return merged.Sum(m => m.Weight) == inputs.Select((_, i) => (long)i + 1).Sum() && merged.Sum(m => m.Inputs) == inputs.Length;
        }));
}
