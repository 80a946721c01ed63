using System.Diagnostics.CodeAnalysis;
using System.Net;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Values;

/// <summary>An IPv4 or IPv6 address as a 128-bit key, parsed once at the edge. IPv4 addresses are stored in the
/// IPv4-mapped block <c>::ffff:0:0/96</c>, and IPv4-mapped IPv6 text (<c>::ffff:198.51.100.7</c>, what dual-stack
/// sockets report) is the same key as the IPv4 address: a caller is IPv4 or IPv6, never both.</summary>
public readonly record struct IpAddressKey
{
    private IpAddressKey(UInt128 value) => Value = value;

    /// <summary>The 128-bit key.</summary>
    public UInt128 Value { get; }

    /// <summary>True for IPv4 addresses (including IPv4-mapped IPv6 input).</summary>
    public bool IsIPv4 => IpBits.IsMapped(Value);

    /// <summary>Creates the key of an address; IPv4-mapped IPv6 addresses become IPv4.</summary>
    public static IpAddressKey From(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new IpAddressKey(IpBits.FromAddress(address));
    }

    internal static IpAddressKey FromKey(UInt128 value) => new(value);

    /// <summary>Parses a dotted-quad IPv4 address (no leading zeros) or an IPv6 address (no scope id).</summary>
    /// <returns>False with an <see cref="ErrorCodes.InvalidIpAddress"/> error naming the text.</returns>
    public static bool TryParse(string? text, out IpAddressKey address, [NotNullWhen(false)] out ValueError? error)
    {
        address = default;
        if (string.IsNullOrEmpty(text))
        {
            error = new ValueError(ErrorCodes.InvalidIpAddress, "An IP address is required, e.g. 198.51.100.7 or 2001:db8::7.");
            return false;
        }

        if (!IpBits.TryParseAddress(text, out var key, out var leadingZero) || leadingZero)
        {
            error = new ValueError(ErrorCodes.InvalidIpAddress, leadingZero
                ? $"'{text}' has an octet with a leading zero; write each IPv4 octet without leading zeros."
                : $"'{text}' is not an IPv4 or IPv6 address, e.g. 198.51.100.7 or 2001:db8::7.");
            return false;
        }

        address = new IpAddressKey(key);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the same message as <see cref="TryParse"/>.</summary>
    public static IpAddressKey Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error.Message);

    /// <summary>The address as a <see cref="IPAddress"/> (IPv4 for IPv4 keys).</summary>
    public IPAddress ToIPAddress() => IpBits.ToAddress(Value);

    /// <summary>Dotted quad for IPv4, RFC 5952 text for IPv6.</summary>
    public override string ToString() => IpBits.Format(Value);
}
