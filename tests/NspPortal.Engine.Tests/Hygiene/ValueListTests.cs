using NspPortal.Engine.Hygiene;

namespace NspPortal.Engine.Tests.Hygiene;

public class ValueListTests
{
    [Fact]
    public void ParsesOnePrefixPerLineNormalisedAndWithoutDuplicates()
    {
        var result = ValueList.AddressPrefixes("203.0.113.0/24\r\n\n  198.51.100.7 \n2001:DB8::/32\n203.0.113.0/24");

        Assert.True(result.IsValid);
        Assert.Equal(["203.0.113.0/24", "198.51.100.7/32", "2001:db8::/32"], result.Values);
    }

    [Fact]
    public void CommasAndSemicolonsAlsoSeparate()
    {
        Assert.Equal(["203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24"], ValueList.AddressPrefixes("203.0.113.0/24, 198.51.100.0/24;192.0.2.0/24").Values);
    }

    [Fact]
    public void HostBitsGetTheNetworkPrefixAsSuggestion()
    {
        var error = Assert.Single(ValueList.AddressPrefixes("203.0.113.0/24\n10.0.0.5/24").Errors);

        Assert.Equal(2, error.Line);
        Assert.Equal("10.0.0.5/24", error.Text);
        Assert.Equal("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?", error.Message);
        Assert.Equal("10.0.0.0/24", error.Suggestion);
    }

    [Fact]
    public void SpacesInsideAPrefixAreSuggestedAway()
    {
        var error = Assert.Single(ValueList.AddressPrefixes("198.51.100.0 /24").Errors);

        Assert.Equal("198.51.100.0/24", error.Suggestion);
    }

    [Fact]
    public void GarbageHasNoSuggestion()
    {
        var errors = ValueList.AddressPrefixes("not-an-ip\n300.1.1.1/24\n10.0.0.0/33").Errors;

        Assert.Equal([1, 2, 3], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Null(e.Suggestion));
    }

    [Fact]
    public void ApplyingSuggestionsFixesOnlyTheLinesThatHaveOne()
    {
        const string text = "203.0.113.0/24\n10.0.0.5/24\nnot-an-ip\n\n192.0.2.9/24";
        var fixedText = ValueList.ApplySuggestions(text, ValueList.AddressPrefixes(text));

        Assert.Equal("203.0.113.0/24\n10.0.0.0/24\nnot-an-ip\n192.0.2.0/24", fixedText);
    }

    [Fact]
    public void FqdnsAreValidated()
    {
        var result = ValueList.Fqdns("api.contoso.com\nnot a name\n*.blob.core.windows.net");

        Assert.Equal(2, result.Values.Count);
        Assert.Equal(2, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void SubscriptionsAcceptABareGuid()
    {
        var result = ValueList.Subscriptions("3c9d7e21-4f5a-4e8b-a1c2-d3e4f5a6b7c8\n/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f\nnope");

        Assert.Equal(["/subscriptions/3c9d7e21-4f5a-4e8b-a1c2-d3e4f5a6b7c8", "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f"], result.Values);
        Assert.Single(result.Errors);
    }
}
