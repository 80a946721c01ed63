using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Values;

public class IpPrefixTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0/24", true, 24)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true, 8)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", true, 0)]
    [InlineData("198.51.100.7", "198.51.100.7/32", true, 32)]
    [InlineData("2001:db8::/32", "2001:db8::/32", false, 32)]
    [InlineData("2001:DB8:0:0::/64", "2001:db8::/64", false, 64)]
    [InlineData("2001:db8::7", "2001:db8::7/128", false, 128)]
    [InlineData("::/0", "::/0", false, 0)]
    [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8", true, 8)]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7/32", true, 32)]
    public void ParsesAndNormalises(string text, string normalised, bool isIPv4, int length)
    {
        Assert.True(IpPrefix.TryParse(text, out var prefix, out var error), error?.Message);
        Assert.Equal(normalised, prefix.ToString());
        Assert.Equal(isIPv4, prefix.IsIPv4);
        Assert.Equal(length, prefix.PrefixLength);
    }

    [Theory]
    [InlineData("10.0.0.5/24", "10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?")]
    [InlineData("2001:db8::1/32", "2001:db8::1/32 has host bits set; did you mean 2001:db8::/32?")]
    public void ReportsHostBitsWithTheNormalisedPrefix(string text, string message)
    {
        Assert.False(IpPrefix.TryParse(text, out _, out var error));
        Assert.Equal(ErrorCodes.AddressPrefixHasHostBits, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.256/32")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::/129")]
    [InlineData("contoso.com")]
    public void RejectsMalformedPrefixes(string? text)
    {
        Assert.False(IpPrefix.TryParse(text, out _, out var error));
        Assert.Equal(ErrorCodes.InvalidAddressPrefix, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void ContainsOnlyAddressesOfItsOwnFamily()
    {
        var all6 = IpPrefix.Parse("::/0");
        var all4 = IpPrefix.Parse("0.0.0.0/0");
        var v4 = IpAddressKey.Parse("198.51.100.7");
        var v6 = IpAddressKey.Parse("2001:db8::7");
        Assert.False(all6.Contains(v4));
        Assert.True(all6.Contains(v6));
        Assert.True(all4.Contains(v4));
        Assert.False(all4.Contains(v6));
    }

    [Fact]
    public void ContainsAddressesInsideTheBlockOnly()
    {
        var prefix = IpPrefix.Parse("203.0.113.0/24");
        Assert.True(prefix.Contains(IpAddressKey.Parse("203.0.113.255")));
        Assert.False(prefix.Contains(IpAddressKey.Parse("203.0.114.0")));
    }

    [Fact]
    public void TreatsIPv4MappedCallersAsIPv4()
    {
        Assert.Equal(IpAddressKey.Parse("198.51.100.7"), IpAddressKey.Parse("::ffff:198.51.100.7"));
        Assert.True(IpAddressKey.Parse("::ffff:198.51.100.7").IsIPv4);
    }

    [Fact]
    public void ParseThrowsWithTheSameMessage()
    {
        var e = Assert.Throws<FormatException>(() => IpPrefix.Parse("10.0.0.5/24"));
        Assert.Contains("did you mean 10.0.0.0/24?", e.Message, StringComparison.Ordinal);
    }
}
