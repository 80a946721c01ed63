using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Validation;

public class AccessRuleValidatorTests
{
    private const string Sub = "/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    [Fact]
    public void BuildsAValidInboundPrefixRule()
    {
        var result = AccessRuleValidator.Validate(new AccessRuleInput { Name = "allow-corp", Direction = "Inbound", AddressPrefixes = ["10.11.0.0/16", "2001:DB8::/32"] }, out var rule);
        Assert.True(result.IsValid);
        Assert.NotNull(rule);
        Assert.Equal(AccessRuleDirection.Inbound, rule.Direction);
        Assert.Equal(["10.11.0.0/16", "2001:db8::/32"], rule.AddressPrefixes.Select(p => p.ToString()));
    }

    [Fact]
    public void TargetsEachBadValueByIndex()
    {
        var result = AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "Inbound", AddressPrefixes = ["10.0.0.0/8", "x", "10.0.0.5/24"] }, out var rule);
        Assert.Null(rule);
        Assert.Collection(result.Errors,
            e => Assert.Equal((ErrorCodes.InvalidAddressPrefix, "properties.addressPrefixes[1]"), (e.Code, e.Target)),
            e => Assert.Equal((ErrorCodes.AddressPrefixHasHostBits, "properties.addressPrefixes[2]"), (e.Code, e.Target)));
    }

    [Fact]
    public void RejectsMoreThanOneRuleType()
    {
        var result = AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "Inbound", AddressPrefixes = ["10.0.0.0/8"], Subscriptions = [Sub] }, out _);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.AccessRuleMultipleRuleTypes, error.Code);
        Assert.Contains("addressPrefixes and subscriptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsARuleWithoutAType() =>
        Assert.Equal(ErrorCodes.AccessRuleMissingRuleType, Assert.Single(AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "Outbound" }, out _).Errors).Code);

    [Theory]
    [InlineData("Outbound", "addressPrefixes")]
    [InlineData("Outbound", "subscriptions")]
    [InlineData("Outbound", "serviceTags")]
    [InlineData("Inbound", "fullyQualifiedDomainNames")]
    public void EnforcesTheDirectionMatrix(string direction, string field)
    {
        var input = new AccessRuleInput
        {
            Name = "r",
            Direction = direction,
            AddressPrefixes = field == "addressPrefixes" ? ["10.0.0.0/8"] : null,
            Subscriptions = field == "subscriptions" ? [Sub] : null,
            ServiceTags = field == "serviceTags" ? ["AzureMonitor"] : null,
            FullyQualifiedDomainNames = field == "fullyQualifiedDomainNames" ? ["contoso.com"] : null,
        };
        var error = Assert.Single(AccessRuleValidator.Validate(input, out _).Errors);
        Assert.Equal(ErrorCodes.AccessRuleInvalidDirection, error.Code);
        Assert.Equal($"properties.{field}", error.Target);
    }

    [Theory]
    [InlineData("emailAddresses")]
    [InlineData("phoneNumbers")]
    public void RejectsUnavailableRuleTypes(string field)
    {
        var input = new AccessRuleInput
        {
            Name = "r",
            Direction = "Outbound",
            EmailAddresses = field == "emailAddresses" ? ["a@contoso.com"] : null,
            PhoneNumbers = field == "phoneNumbers" ? ["+15555550100"] : null,
        };
        var error = Assert.Single(AccessRuleValidator.Validate(input, out _).Errors);
        Assert.Equal((ErrorCodes.AccessRuleTypeUnavailable, $"properties.{field}"), (error.Code, error.Target));
    }

    [Fact]
    public void RejectsNetworkSecurityPerimetersInARequestBody()
    {
        var input = new AccessRuleInput { Name = "r", Direction = "Inbound", AddressPrefixes = ["10.0.0.0/8"], NetworkSecurityPerimeters = [Support.Ids.Perimeter("nsp2").Value] };
        var error = Assert.Single(AccessRuleValidator.Validate(input, out _).Errors);
        Assert.Equal((ErrorCodes.ReadOnlyProperty, "properties.networkSecurityPerimeters"), (error.Code, error.Target));
    }

    [Fact]
    public void AcceptsLinkGeneratedPerimeterRulesInTheModel()
    {
        var rule = new AccessRule("link-rule", AccessRuleDirection.Inbound) { NetworkSecurityPerimeters = [new PerimeterReference(Guid.NewGuid())] };
        Assert.True(AccessRuleValidator.Validate(rule).IsValid);
    }

    [Fact]
    public void ReportsAnInvalidDirection()
    {
        var error = Assert.Single(AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "Both", AddressPrefixes = ["10.0.0.0/8"] }, out _).Errors);
        Assert.Equal((ErrorCodes.AccessRuleInvalidDirection, "properties.direction"), (error.Code, error.Target));
    }

    [Fact]
    public void WarnsAboutDuplicatesAndWildcardsWithoutFailing()
    {
        var result = AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "Outbound", FullyQualifiedDomainNames = ["a.contoso.com", "A.contoso.com.", "*.contoso.com"] }, out var rule);
        Assert.True(result.IsValid);
        Assert.NotNull(rule);
        Assert.Equal([ErrorCodes.DuplicateValue, ErrorCodes.FqdnWildcardNotSupported], result.Warnings.Select(w => w.Code));
        Assert.Equal("properties.fullyQualifiedDomainNames[1]", result.Warnings.First().Target);
    }

    [Fact]
    public void TargetsSubscriptionIdsInsideTheirObjects()
    {
        var error = Assert.Single(AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "Inbound", Subscriptions = [Sub, "nope"] }, out _).Errors);
        Assert.Equal((ErrorCodes.InvalidSubscriptionId, "properties.subscriptions[1].id"), (error.Code, error.Target));
    }

    [Fact]
    public void NormalisesValuesOfTheBuiltRule()
    {
        AccessRuleValidator.Validate(new AccessRuleInput { Name = "r", Direction = "inbound", Subscriptions = ["8A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"] }, out var rule);
        Assert.Equal(Sub, Assert.Single(rule!.Subscriptions).ToString());
        Assert.Equal(SubscriptionId.Parse(Sub), rule.Subscriptions[0]);
    }
}
