using System.Buffers.Binary;
using System.Net;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Benchmarks;

/// <summary>Deterministic configurations and requests for the benchmarks (fixed seeds).</summary>
internal static class BenchmarkData
{
    /// <summary>Requests per benchmark invocation; results are reported per request (OperationsPerInvoke).</summary>
    public const int Batch = 1024;

    public static readonly Guid Subscription = Guid.Parse("8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    public static readonly ArmResourceId PerimeterId = ArmResourceId.Parse(ArmIds.Perimeter(Subscription, "rg-bench", "nsp-bench"));

    public static readonly ArmResourceId Storage = ArmResourceId.Parse(ArmIds.Resource(Subscription, "rg-bench", "Microsoft.Storage/storageAccounts", "stbench"));

    /// <summary>Distinct prefixes, half IPv4 (/16–/28 in 1.0.0.0–223.255.255.255), half IPv6 (/40–/64 in 2001:db8::/32).</summary>
    public static List<IpPrefix> Prefixes(int count, Random random)
    {
        var prefixes = new HashSet<IpPrefix>();
        while (prefixes.Count < count)
        {
            prefixes.Add(prefixes.Count % 2 == 0
                ? IpPrefix.Create(IpAddressKey.From(V4((uint)random.NextInt64(0x0100_0000, 0xE000_0000))), random.Next(16, 29))
                : IpPrefix.Create(IpAddressKey.From(V6(RandomIPv6(random))), random.Next(40, 65)));
        }

        return [.. prefixes];
    }

    /// <summary>Caller addresses: half inside a random prefix, half random (mostly misses); both families.</summary>
    public static IPAddress[] Addresses(List<IpPrefix> prefixes, Random random) =>
        [.. Enumerable.Range(0, Batch).Select(i => (i % 4) switch
        {
            0 or 2 => Inside(prefixes[random.Next(prefixes.Count)], random),
            1 => V4((uint)random.NextInt64(0x0100_0000, 0xE000_0000)),
            _ => V6(RandomIPv6(random)),
        })];

    public static Guid[] Guids(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        })];

    /// <summary>One perimeter, one profile, one Enforced association of a storage account.</summary>
    public static NspConfiguration Configuration(Profile profile) => new()
    {
        Perimeters =
        [
            new Perimeter(PerimeterId, Guid.NewGuid())
            {
                Profiles = [profile],
                Associations = [new ResourceAssociation("stbench-assoc", Storage, PerimeterId.Child("profiles", profile.Name), AccessMode.Enforced)],
            },
        ],
        PaasResources = [new PaasResource(Storage) { PublicNetworkAccess = PublicNetworkAccess.SecuredByPerimeter }],
    };

    private static UInt128 RandomIPv6(Random random) =>
        ((UInt128)0x2001_0db8 << 96) | ((UInt128)(ulong)random.NextInt64() << 32) | (uint)random.Next();

    private static IPAddress Inside(IpPrefix prefix, Random random)
    {
        var hostBits = (prefix.IsIPv4 ? 32 : 128) - prefix.PrefixLength;
        var offset = hostBits == 0 ? UInt128.Zero : (UInt128)(ulong)random.Next(0, 1 << Math.Min(hostBits, 16));
        var key = prefix.Network + offset;
        return prefix.IsIPv4 ? V4((uint)key) : V6(key);
    }

    private static IPAddress V4(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    private static IPAddress V6(UInt128 value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
