using FsCheck;
using FsCheck.Fluent;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Values;

public class IpPrefixProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static Gen<UInt128> Bits128 =>
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue).Two(), Gen.Choose(int.MinValue, int.MaxValue).Two())
            .Select(t => ((UInt128)(((ulong)(uint)t.Item1.Item1 << 32) | (uint)t.Item1.Item2) << 64) | (((ulong)(uint)t.Item2.Item1 << 32) | (uint)t.Item2.Item2));

    private static Gen<IpPrefix> IPv4Prefixes =>
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(0, 32))
            .Select(t => IpPrefix.Create(IpAddressKey.Parse(new System.Net.IPAddress((uint)t.Item1).ToString()), t.Item2));

    private static Gen<IpPrefix> IPv6Prefixes =>
        Gen.Zip(Bits128.Where(b => (b >> 32) != 0xFFFF), Gen.Choose(0, 128))
            .Select(t => IpPrefix.Create(IpAddressKey.FromKey(t.Item1), t.Item2))
            .Where(p => !p.IsIPv4);

    [Fact]
    public void IPv4PrefixesRoundTripThroughText() =>
        Check.One(Config, Prop.ForAll(IPv4Prefixes.ToArbitrary(), p =>
            IpPrefix.TryParse(p.ToString(), out var parsed, out _) && parsed == p && parsed.ToString() == p.ToString() && p.IsIPv4));

    [Fact]
    public void IPv6PrefixesRoundTripThroughText() =>
        Check.One(Config, Prop.ForAll(IPv6Prefixes.ToArbitrary(), p =>
            IpPrefix.TryParse(p.ToString(), out var parsed, out _) && parsed == p && parsed.ToString() == p.ToString()));

    [Fact]
    public void UncompressedIPv6TextNormalisesToTheSamePrefix() =>
        Check.One(Config, Prop.ForAll(IPv6Prefixes.ToArbitrary(), p =>
        {
            var bytes = p.ToString().Split('/');
            var full = string.Join(':', System.Net.IPAddress.Parse(bytes[0]).GetAddressBytes().Chunk(2).Select(c => $"{c[0]:X2}{c[1]:X2}"));
            return IpPrefix.TryParse($"{full}/{bytes[1]}", out var parsed, out _) && parsed == p;
        }));

    [Fact]
    public void HostBitErrorsNameAPrefixThatParses() =>
        Check.One(Config, Prop.ForAll(Gen.Zip(Bits128, Gen.Choose(0, 127)).ToArbitrary(), t =>
        {
            var address = IpAddressKey.FromKey(t.Item1);
            var length = address.IsIPv4 ? t.Item2 % 32 : t.Item2;
            var text = $"{address}/{length}";
            if (IpPrefix.TryParse(text, out var prefix, out var error))
            {
                return prefix == IpPrefix.Create(address, length);
            }

            var suggestion = error.Message[(error.Message.LastIndexOf(' ') + 1)..^1];
            return IpPrefix.Parse(suggestion) == IpPrefix.Create(address, length);
        }));
}
