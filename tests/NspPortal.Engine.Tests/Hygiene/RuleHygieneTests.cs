using NspPortal.Engine.Hygiene;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Hygiene;

public class RuleHygieneTests
{
    private static HygieneRule Rule(string name, params string[] prefixes) => new(name, [.. prefixes.Select(IpPrefix.Parse)]);

    [Fact]
    public void CleanRulesHaveNoWarnings()
    {
        var warnings = RuleHygiene.Analyze([Rule("corp", "203.0.113.0/24", "2001:db8:1000::/48"), Rule("partner", "198.51.100.0/24")]);

        Assert.Empty(warnings);
    }

    [Fact]
    public void APrefixInsideAnotherRulesPrefixIsRedundant()
    {
        var warning = Assert.Single(RuleHygiene.Analyze([Rule("wide", "203.0.113.0/24"), Rule("narrow", "203.0.113.64/26")]));

        Assert.Equal(HygieneKind.ContainedIn, warning.Kind);
        Assert.Equal("narrow", warning.RuleName);
        Assert.Equal("wide", warning.OtherRuleName);
        Assert.Equal("203.0.113.64/26 is inside 203.0.113.0/24 of rule 'wide'; it adds nothing and can be removed.", warning.Message);
    }

    [Fact]
    public void ContainmentWithinOneRuleIsReported()
    {
        var warning = Assert.Single(RuleHygiene.Analyze([Rule("corp", "198.51.100.10/32", "198.51.100.0/24")]));

        Assert.Equal(HygieneKind.ContainedIn, warning.Kind);
        Assert.Equal(IpPrefix.Parse("198.51.100.10/32"), warning.Prefix);
        Assert.Contains("of this rule", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateIsReportedOnceOnTheLaterCopy()
    {
        var warning = Assert.Single(RuleHygiene.Analyze([Rule("a", "203.0.113.0/24"), Rule("b", "203.0.113.0/24")]));

        Assert.Equal(HygieneKind.Duplicate, warning.Kind);
        Assert.Equal("b", warning.RuleName);
        Assert.Equal("203.0.113.0/24 is also in rule 'a'.", warning.Message);
    }

    [Fact]
    public void ADuplicateInsideOneRuleSaysSo()
    {
        var warning = Assert.Single(RuleHygiene.Analyze([Rule("a", "203.0.113.0/24", "203.0.113.0/24")]));

        Assert.Equal("203.0.113.0/24 is listed twice in this rule.", warning.Message);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("20.0.0.0/8")]
    [InlineData("2000::/3")]
    [InlineData("2001::/16")]
    public void VeryBroadRangesAreFlagged(string prefix)
    {
        Assert.Contains(RuleHygiene.Analyze([Rule("broad", prefix)]), w => w.Kind == HygieneKind.VeryBroad);
    }

    [Theory]
    [InlineData("20.0.0.0/9")]
    [InlineData("2001:db8::/32")]
    public void OrdinaryRangesAreNotBroad(string prefix)
    {
        Assert.DoesNotContain(RuleHygiene.Analyze([Rule("ok", prefix)]), w => w.Kind == HygieneKind.VeryBroad);
    }

    [Fact]
    public void TheBroadMessageCountsTheAddresses()
    {
        var warning = Assert.Single(RuleHygiene.Analyze([Rule("broad", "20.0.0.0/8")]));

        Assert.Equal("20.0.0.0/8 is very broad (16,777,216 addresses); narrow it to the networks that need access.", warning.Message);
    }

    [Theory]
    [InlineData("10.1.0.0/16", "private (RFC 1918)")]
    [InlineData("172.20.0.0/16", "private (RFC 1918)")]
    [InlineData("192.168.1.0/24", "private (RFC 1918)")]
    [InlineData("100.64.1.0/24", "shared address space")]
    [InlineData("127.0.0.1/32", "loopback")]
    [InlineData("169.254.169.254/32", "link-local")]
    [InlineData("fd00:1::/64", "unique local")]
    [InlineData("fe80::/64", "link-local")]
    public void PrivateAndReservedRangesInAPublicRuleAreFlagged(string prefix, string label)
    {
        var warning = Assert.Single(RuleHygiene.Analyze([Rule("internal", prefix)]), w => w.Kind == HygieneKind.PrivateOrReserved);

        Assert.Contains(label, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.0/24")]
    [InlineData("198.51.100.0/24")]
    [InlineData("203.0.113.0/24")]
    [InlineData("2001:db8::/32")]
    [InlineData("0.0.0.0/0")]
    public void DocumentationRangesAndRangesMerelyContainingPrivateOnesAreNotFlaggedAsPrivate(string prefix)
    {
        Assert.DoesNotContain(RuleHygiene.Analyze([Rule("docs", prefix)]), w => w.Kind == HygieneKind.PrivateOrReserved);
    }

    [Fact]
    public void IPv4AndIPv6PrefixesNeverContainEachOther()
    {
        Assert.DoesNotContain(RuleHygiene.Analyze([Rule("v6", "::/0"), Rule("v4", "203.0.113.0/24")]), w => w.Kind == HygieneKind.ContainedIn);
    }

    [Fact]
    public void OneWarningPerRedundantPrefixEvenWhenSeveralWiderOnesExist()
    {
        var warnings = RuleHygiene.Analyze([Rule("a", "203.0.0.0/16"), Rule("b", "203.0.113.0/24"), Rule("c", "203.0.113.7/32")]);

        Assert.Equal(2, warnings.Count(w => w.Kind == HygieneKind.ContainedIn));
        Assert.Equal(["b", "c"], warnings.Select(w => w.RuleName));
    }
}
