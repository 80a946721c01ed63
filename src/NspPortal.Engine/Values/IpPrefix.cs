using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Values;

/// <summary>An IPv4 or IPv6 CIDR prefix, normalised: <c>203.0.113.0/24</c>, <c>2001:db8::/32</c>. A bare address
/// means /32 or /128. Stored as a 128-bit network key with IPv4 in the IPv4-mapped block, so an IPv6 prefix inside
/// <c>::ffff:0:0/96</c> (e.g. <c>::ffff:10.0.0.0/104</c>) is the IPv4 prefix it denotes (<c>10.0.0.0/8</c>).</summary>
/// <remarks>Family rule: an IPv4 prefix contains only IPv4 addresses and an IPv6 prefix only IPv6 addresses, so
/// <c>::/0</c> does not admit IPv4 callers (docs/engine.md, "Address prefixes").</remarks>
public readonly record struct IpPrefix : IComparable<IpPrefix>
{
    private readonly byte _length;

    private IpPrefix(UInt128 network, int length)
    {
        Network = network;
        _length = (byte)length;
    }

    /// <summary>The network key (host bits are zero).</summary>
    public UInt128 Network { get; }

    /// <summary>True for IPv4 prefixes.</summary>
    public bool IsIPv4 => _length >= 96 && IpBits.IsMapped(Network);

    /// <summary>The prefix length in the prefix's own family: 0–32 for IPv4, 0–128 for IPv6.</summary>
    public int PrefixLength => IsIPv4 ? _length - 96 : _length;

    /// <summary>The first key the prefix covers.</summary>
    internal UInt128 First => Network;

    /// <summary>The last key the prefix covers.</summary>
    internal UInt128 Last => Network | IpBits.HostMask(_length);

    /// <summary>True when the address is in this prefix and of the same family.</summary>
    public bool Contains(IpAddressKey address) =>
        IsIPv4 == address.IsIPv4 && (address.Value & ~IpBits.HostMask(_length)) == Network;

    /// <summary>True when this prefix covers all of <paramref name="inner"/> and both are of the same family.</summary>
    public bool Contains(IpPrefix inner) => IsIPv4 == inner.IsIPv4 && First <= inner.First && inner.Last <= Last;

    /// <summary>The host prefix of one address (/32 or /128).</summary>
    public static IpPrefix Host(IpAddressKey address) => new(address.Value, 128);

    /// <summary>Parses CIDR text strictly: no spaces, no leading zeros in IPv4 octets or lengths, no host bits.</summary>
    /// <returns>False with <see cref="ErrorCodes.InvalidAddressPrefix"/>, or <see cref="ErrorCodes.AddressPrefixHasHostBits"/>
    /// whose message names the normalised prefix ("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?").</returns>
    public static bool TryParse(string? text, out IpPrefix prefix, [NotNullWhen(false)] out ValueError? error)
    {
        prefix = default;
        if (string.IsNullOrEmpty(text))
        {
            error = Invalid("An address prefix is required, e.g. 203.0.113.0/24 or 2001:db8::/32.");
            return false;
        }

        if (text.AsSpan().ContainsAny(" \t\r\n"))
        {
            error = Invalid($"'{text}' contains spaces; remove them.");
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        if (!IpBits.TryParseAddress(addressText, out var key, out var leadingZero))
        {
            error = Invalid($"'{text}' is not an IPv4 or IPv6 address prefix; use CIDR notation such as 203.0.113.0/24 or 2001:db8::/32.");
            return false;
        }

        if (leadingZero)
        {
            error = Invalid($"'{text}' has an IPv4 octet with a leading zero; write each octet without leading zeros.");
            return false;
        }

        var textIsIPv4 = !addressText.Contains(':');
        var maxLength = textIsIPv4 ? 32 : 128;
        var length = maxLength;
        if (slash >= 0)
        {
            var lengthText = text.AsSpan(slash + 1);
            if (lengthText.Length is 0 or > 3 || (lengthText.Length > 1 && lengthText[0] == '0') ||
                !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > maxLength)
            {
                error = Invalid($"'{text}': the prefix length must be a number from 0 to {maxLength} for {(textIsIPv4 ? "IPv4" : "IPv6")}.");
                return false;
            }
        }

        var length128 = textIsIPv4 ? 96 + length : length;
        var network = key & ~IpBits.HostMask(length128);
        if (network != key)
        {
            var normalised = new IpPrefix(network, length128);
            error = new ValueError(ErrorCodes.AddressPrefixHasHostBits,
                $"{text} has host bits set; did you mean {normalised}?");
            return false;
        }

        prefix = new IpPrefix(network, length128);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the message of <see cref="TryParse"/>.</summary>
    public static IpPrefix Parse(string text) =>
        TryParse(text, out var prefix, out var error) ? prefix : throw new FormatException(error.Message);

    /// <summary>Builds the prefix of <paramref name="address"/> with <paramref name="prefixLength"/> bits (in the
    /// address's family), clearing host bits.</summary>
    public static IpPrefix Create(IpAddressKey address, int prefixLength)
    {
        var max = address.IsIPv4 ? 32 : 128;
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, max);
        var length128 = address.IsIPv4 ? 96 + prefixLength : prefixLength;
        return new IpPrefix(address.Value & ~IpBits.HostMask(length128), length128);
    }

    /// <summary>Orders by network key, then shorter (wider) prefixes first.</summary>
    public int CompareTo(IpPrefix other)
    {
        var byNetwork = Network.CompareTo(other.Network);
        return byNetwork != 0 ? byNetwork : _length.CompareTo(other._length);
    }

    /// <summary>Normalised CIDR text: <c>203.0.113.0/24</c>, <c>2001:db8::/32</c> (RFC 5952 lower case).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{IpBits.Format(Network)}/{PrefixLength}");

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator <(IpPrefix left, IpPrefix right) => left.CompareTo(right) < 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator >(IpPrefix left, IpPrefix right) => left.CompareTo(right) > 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator <=(IpPrefix left, IpPrefix right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator >=(IpPrefix left, IpPrefix right) => left.CompareTo(right) >= 0;

    private static ValueError Invalid(string message) => new(ErrorCodes.InvalidAddressPrefix, message);
}
