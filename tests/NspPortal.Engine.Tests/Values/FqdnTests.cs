using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Values;

public class FqdnTests
{
    [Theory]
    [InlineData("api.contoso.com", "api.contoso.com")]
    [InlineData("API.Contoso.COM", "api.contoso.com")]
    [InlineData("api.contoso.com.", "api.contoso.com")]
    [InlineData("mystorageaccount.blob.core.windows.net", "mystorageaccount.blob.core.windows.net")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("*.contoso.com", "*.contoso.com")]
    public void NormalisesCaseAndTrailingDot(string text, string value)
    {
        Assert.True(Fqdn.TryParse(text, out var fqdn, out var error), error?.Message);
        Assert.Equal(value, fqdn.Value);
    }

    [Fact]
    public void ComparesCaseInsensitivelyAndIgnoresTheTrailingDot() =>
        Assert.Equal(Fqdn.Parse("WWW.Contoso.com."), Fqdn.Parse("www.contoso.com"));

    [Fact]
    public void FlagsWildcards()
    {
        Assert.True(Fqdn.Parse("*.contoso.com").IsWildcard);
        Assert.False(Fqdn.Parse("www.contoso.com").IsWildcard);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("contoso", "single label")]
    [InlineData("https://contoso.com/api", "URL")]
    [InlineData("10.0.0.1", "IP address")]
    [InlineData("a..b.com", "empty label")]
    [InlineData("-a.contoso.com", "hyphen")]
    [InlineData("a_b.contoso.com", "'_'")]
    [InlineData("bücher.example", "punycode")]
    [InlineData("www.*.contoso.com", "first label")]
    [InlineData("contoso.123", "numeric")]
    public void RejectsWithAnActionableMessage(string text, string hint)
    {
        Assert.False(Fqdn.TryParse(text, out _, out var error));
        Assert.Equal(ErrorCodes.InvalidFqdn, error.Code);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsLabelsLongerThan63()
    {
        Assert.False(Fqdn.TryParse(new string('a', 64) + ".com", out _, out var error));
        Assert.Contains("63", error.Message, StringComparison.Ordinal);
    }
}
