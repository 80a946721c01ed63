using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Tests.Validation;

public class FieldValidatorTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("profile-1")]
    [InlineData("defaultProfile")]
    [InlineData("allow_corp.v2_")]
    public void AcceptsNamesOfSection11(string name) =>
        Assert.Null(FieldValidator.Name(NspResourceKind.Profile, name));

    [Theory]
    [InlineData("", "required")]
    [InlineData("-profile", "start with a letter or digit")]
    [InlineData("profile-", "end with a letter, digit or '_'")]
    [InlineData("profile.", "end with a letter, digit or '_'")]
    [InlineData("my profile", "contains ' '")]
    [InlineData("prøfile", "contains 'ø'")]
    public void RejectsNamesWithAReason(string name, string reason)
    {
        var error = FieldValidator.Name(NspResourceKind.Profile, name);
        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.InvalidResourceName, error.Code);
        Assert.Equal("name", error.Target);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitsNamesTo80Characters()
    {
        Assert.Null(FieldValidator.Name(NspResourceKind.Perimeter, new string('a', 80)));
        Assert.Contains("at most 80", FieldValidator.Name(NspResourceKind.Perimeter, new string('a', 81))!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresTheLoggingConfigurationToBeNamedInstance()
    {
        Assert.Null(FieldValidator.Name(NspResourceKind.LoggingConfiguration, "instance"));
        Assert.NotNull(FieldValidator.Name(NspResourceKind.LoggingConfiguration, "default"));
    }

    [Fact]
    public void ValidatesOnePrefixWithItsTarget()
    {
        var error = FieldValidator.AddressPrefix("10.0.0.5/24", "properties.addressPrefixes[2]");
        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.AddressPrefixHasHostBits, error.Code);
        Assert.Equal("properties.addressPrefixes[2]", error.Target);
        Assert.Equal("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?", error.Message);
    }

    [Fact]
    public void WarnsAboutWildcardFqdns()
    {
        var warning = FieldValidator.Fqdn("*.contoso.com", "properties.fullyQualifiedDomainNames[0]");
        Assert.NotNull(warning);
        Assert.Equal(ErrorCodes.FqdnWildcardNotSupported, warning.Code);
        Assert.Equal(ValidationSeverity.Warning, warning.Severity);
        Assert.Null(FieldValidator.Fqdn("www.contoso.com", "x"));
    }

    [Fact]
    public void ValidatesSubscriptionIds()
    {
        Assert.Null(FieldValidator.SubscriptionId("/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "x"));
        Assert.Equal(ErrorCodes.InvalidSubscriptionId, FieldValidator.SubscriptionId("sub-1", "x")?.Code);
    }

    [Fact]
    public void ExplainsThatTransitionIsSpelledLearningInTheApi()
    {
        var error = FieldValidator.AccessMode("Transition", "properties.accessMode", out _);
        Assert.NotNull(error);
        Assert.Contains("'Learning'", error.Message, StringComparison.Ordinal);
        Assert.Null(FieldValidator.AccessMode("enforced", "properties.accessMode", out var mode));
        Assert.Equal(AccessMode.Enforced, mode);
        Assert.NotNull(FieldValidator.AccessMode("1", "properties.accessMode", out _));
    }

    [Fact]
    public void ChecksTheResourceTypeOfAnId()
    {
        var storage = Support.Ids.Storage("st1").Value;
        Assert.Null(FieldValidator.ResourceId(storage, "x", "Microsoft.Storage/storageAccounts"));
        Assert.Equal(ErrorCodes.InvalidResourceId, FieldValidator.ResourceId(storage, "x", ArmIds.PerimeterType)?.Code);
    }

    [Fact]
    public void LimitsLinkDescriptionsTo140Characters()
    {
        Assert.Null(FieldValidator.LinkDescription(new string('d', 140), "properties.description"));
        Assert.Equal(ErrorCodes.LimitExceeded, FieldValidator.LinkDescription(new string('d', 141), "properties.description")?.Code);
    }
}
