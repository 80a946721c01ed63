using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NspPortal.Engine.Values;

/// <summary>Shared parsing and formatting of 128-bit address keys. IPv4 addresses live in the IPv4-mapped block
/// <c>::ffff:0:0/96</c>, so one key space (and one sorted interval array) serves both families.</summary>
internal static class IpBits
{
    /// <summary><c>::ffff:0:0</c>, the first IPv4-mapped key.</summary>
    public static readonly UInt128 MappedFirst = (UInt128)0xFFFF << 32;

    /// <summary><c>::ffff:255.255.255.255</c>, the last IPv4-mapped key.</summary>
    public static readonly UInt128 MappedLast = MappedFirst | 0xFFFF_FFFF;

    public static bool IsMapped(UInt128 key) => (key >> 32) == 0xFFFF;

    /// <summary>The bits after a prefix of <paramref name="length"/> bits (of 128).</summary>
    public static UInt128 HostMask(int length) =>
        length == 0 ? UInt128.MaxValue : (UInt128.One << (128 - length)) - UInt128.One;

    /// <summary>Strict dotted quad: four decimal octets 0–255 without signs, spaces or leading zeros
    /// (<see cref="IPAddress.TryParse(string?, out IPAddress?)"/> also accepts "10.1" and octal-looking "010.0.0.1").</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out uint value, out bool leadingZero)
    {
        value = 0;
        leadingZero = false;
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            uint octet = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9' && i - start < 3)
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || octet > 255)
            {
                return false;
            }

            leadingZero |= digits > 1 && text[start] == '0';
            value = (value << 8) | octet;
            octets++;
            if (octets == 4)
            {
                return i == text.Length;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>Parses an IPv4 or IPv6 address (no scope id) into a key; IPv4-mapped IPv6 text lands on the IPv4 key.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, out UInt128 key, out bool leadingZero)
    {
        key = default;
        leadingZero = false;
        if (text.Contains(':'))
        {
            if (text.Contains('%') || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            key = FromIPv6(address);
            return true;
        }

        if (!TryParseIPv4(text, out var v4, out leadingZero))
        {
            return false;
        }

        key = MappedFirst | v4;
        return true;
    }

    public static UInt128 FromIPv6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static UInt128 FromAddress(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => MappedFirst | BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()),
        AddressFamily.InterNetworkV6 => FromIPv6(address),
        _ => throw new ArgumentException($"'{address}' is neither IPv4 nor IPv6.", nameof(address)),
    };

    public static IPAddress ToAddress(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (IsMapped(key))
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)key);
            return new IPAddress(bytes[..4]);
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return new IPAddress(bytes);
    }

    public static string Format(UInt128 key)
    {
        if (IsMapped(key))
        {
            var v4 = (uint)key;
            return string.Create(CultureInfo.InvariantCulture, $"{v4 >> 24}.{(v4 >> 16) & 0xFF}.{(v4 >> 8) & 0xFF}.{v4 & 0xFF}");
        }

        return ToAddress(key).ToString();
    }
}
