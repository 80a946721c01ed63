using FsCheck;
using FsCheck.Fluent;
using NspPortal.Data.Security;

namespace NspPortal.Data.Tests.Security;

public class NspScopeTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/subscriptions/8F2B1C4E-5D6A-4B7C-9E0F-1A2B3C4D5E6F", "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f")]
    [InlineData("/SUBSCRIPTIONS/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp", "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f")]
    public void ParsesTheRootSubscriptionsAndIdsBelowThem(string text, string canonical)
    {
        Assert.True(NspScope.TryParse(text, out var scope));
        Assert.Equal(canonical, scope.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//")]
    [InlineData("subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f")]
    [InlineData("/subscriptions/not-a-guid")]
    [InlineData("/subscriptions/{8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f}")]
    [InlineData("/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f//x")]
    [InlineData("/resourceGroups/rg")]
    public void RefusesAnythingElse(string? text) => Assert.False(NspScope.TryParse(text, out _));

    [Fact]
    public void TheCanonicalTextParsesBackToTheSameScope()
    {
        Prop.ForAll(Arb.From(Gen.Fresh(Guid.NewGuid)), id =>
        {
            var scope = NspScope.Subscription(id);
            return NspScope.TryParse(scope.ToString(), out var back) && back == scope && NspScope.TryParse(scope.ToString().ToUpperInvariant(), out var upper) && upper == scope;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ArbitraryTextNeverThrowsAndOnlyParsesToACanonicalScope()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            if (!NspScope.TryParse(text, out var scope))
            {
                return true;
            }

            return NspScope.TryParse(scope.ToString(), out var again) && again == scope;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TheDefaultScopeIsTheRootTheStrictestToCheckAgainst() =>
        Assert.True(default(NspScope).IsRoot);
}
