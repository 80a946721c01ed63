using NspPortal.Engine.Model;
using NspPortal.Engine.Tests.Support;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Validation;

public class ConfigurationValidatorTests
{
    private static readonly ArmResourceId Nsp1 = Ids.Perimeter("nsp1");
    private static readonly ArmResourceId Nsp2 = Ids.Perimeter("nsp2");

    private static Perimeter Perimeter(ArmResourceId id, params Profile[] profiles) =>
        new(id, Guid.NewGuid()) { Location = "westus2", Profiles = [.. profiles] };

    private static ValidationResult Validate(params Perimeter[] perimeters) =>
        ConfigurationValidator.Validate(new NspConfiguration { Perimeters = [.. perimeters] });

    [Fact]
    public void AcceptsAValidConfiguration()
    {
        var perimeter = Perimeter(Nsp1, new Profile("p1")
        {
            AccessRules = [new AccessRule("in", AccessRuleDirection.Inbound) { AddressPrefixes = [IpPrefix.Parse("10.0.0.0/8")] }],
        }) with
        {
            Associations = [new ResourceAssociation("a1", Ids.Storage("st1"), Nsp1.Child("profiles", "p1"), AccessMode.Enforced)],
        };
        var result = Validate(perimeter);
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void RejectsASecondAssociationOfTheSameResourceWithAzuresWording()
    {
        var first = Perimeter(Nsp1, new Profile("p1")) with
        {
            Associations = [new ResourceAssociation("st1-assoc", Ids.Storage("st1"), Nsp1.Child("profiles", "p1"), AccessMode.Learning)],
        };
        var second = Perimeter(Nsp2, new Profile("p2")) with
        {
            Associations = [new ResourceAssociation("again", Ids.Storage("ST1"), Nsp2.Child("profiles", "p2"), AccessMode.Enforced)],
        };
        var error = Assert.Single(Validate(first, second).Errors);
        Assert.Equal(ErrorCodes.ResourceAlreadyAssociated, error.Code);
        Assert.Equal("properties.privateLinkResource.id", error.Target);
        Assert.Equal(Nsp2.Child("resourceAssociations", "again").Value, error.ResourceId);
        Assert.StartsWith("Only a single association with access mode 'learning' is allowed. Association 'st1-assoc' already uses access mode 'learning'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAProfileOfAnotherPerimeter()
    {
        var perimeter = Perimeter(Nsp1, new Profile("p1")) with
        {
            Associations = [new ResourceAssociation("a1", Ids.Storage("st1"), Nsp2.Child("profiles", "p1"), AccessMode.Learning)],
        };
        var error = Assert.Single(Validate(perimeter).Errors);
        Assert.Equal((ErrorCodes.ProfileNotInPerimeter, "properties.profile.id"), (error.Code, error.Target));
    }

    [Fact]
    public void RejectsAMissingProfile()
    {
        var perimeter = Perimeter(Nsp1, new Profile("p1")) with
        {
            Associations = [new ResourceAssociation("a1", Ids.Storage("st1"), Nsp1.Child("profiles", "nope"), AccessMode.Learning)],
        };
        Assert.Equal(ErrorCodes.ProfileNotFound, Assert.Single(Validate(perimeter).Errors).Code);
    }

    [Fact]
    public void RejectsResourceTypesThatCannotBeAssociated()
    {
        var perimeter = Perimeter(Nsp1, new Profile("p1")) with
        {
            Associations = [new ResourceAssociation("a1", Ids.Resource("Microsoft.Compute/virtualMachines", "vm1"), Nsp1.Child("profiles", "p1"), AccessMode.Learning)],
        };
        Assert.Equal(ErrorCodes.ResourceTypeNotAssociable, Assert.Single(Validate(perimeter).Errors).Code);
    }

    [Fact]
    public void EnforcesTheHardRuleLimitPerDirection()
    {
        var inbound = Enumerable.Range(0, 201).Select(i => new AccessRule($"in{i}", AccessRuleDirection.Inbound) { AddressPrefixes = [IpPrefix.Parse($"10.0.{i}.0/24")] });
        var outbound = Enumerable.Range(0, 200).Select(i => new AccessRule($"out{i}", AccessRuleDirection.Outbound) { FullyQualifiedDomainNames = [Fqdn.Parse($"h{i}.contoso.com")] });
        var error = Assert.Single(Validate(Perimeter(Nsp1, new Profile("p1") { AccessRules = [.. inbound, .. outbound] })).Issues);
        Assert.Equal(ErrorCodes.LimitExceeded, error.Code);
        Assert.Equal(ValidationSeverity.Error, error.Severity);
        Assert.Contains("201 access rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsWhenARecommendedLimitIsExceeded()
    {
        var profiles = Enumerable.Range(0, 201).Select(i => new Profile($"p{i}")).ToArray();
        var warning = Assert.Single(Validate(Perimeter(Nsp1, profiles)).Issues);
        Assert.Equal((ErrorCodes.LimitExceeded, ValidationSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("recommended maximum is 200 profiles per perimeter", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitsLinksPerPerimeter()
    {
        var links = Enumerable.Range(0, 11).Select(i => new Link($"l{i}", Ids.Perimeter($"remote{i}"), null, LinkStatus.Approved));
        var error = Assert.Single(Validate(Perimeter(Nsp1) with { Links = [.. links] }).Errors);
        Assert.Equal(ErrorCodes.LimitExceeded, error.Code);
    }

    [Fact]
    public void ChecksLinkProfileListsAndTargets()
    {
        var link = new Link("self", Nsp1, null, LinkStatus.Approved) { LocalInboundProfiles = ["*", "p1"], RemoteInboundProfiles = ["bad name"] };
        var errors = Validate(Perimeter(Nsp1, new Profile("p1")) with { Links = [link] }).Errors.ToList();
        Assert.Equal([ErrorCodes.InvalidRemotePerimeter, ErrorCodes.InvalidLinkProfiles, ErrorCodes.InvalidLinkProfiles], errors.Select(e => e.Code));
        Assert.Equal("properties.remoteInboundProfiles[0]", errors[2].Target);
    }

    [Fact]
    public void ReportsDuplicateNamesAndGuids()
    {
        var guid = Guid.NewGuid();
        var a = new Perimeter(Nsp1, guid) { Profiles = [new Profile("p1"), new Profile("P1")] };
        var b = new Perimeter(Nsp2, guid);
        Assert.Equal([ErrorCodes.DuplicateResourceName, ErrorCodes.DuplicatePerimeterGuid], Validate(a, b).Errors.Select(e => e.Code));
    }

    [Fact]
    public void ValidatesEveryAccessRuleWithItsResourceId()
    {
        var rule = new AccessRule("mixed", AccessRuleDirection.Outbound) { AddressPrefixes = [IpPrefix.Parse("10.0.0.0/8")] };
        var error = Assert.Single(Validate(Perimeter(Nsp1, new Profile("p1") { AccessRules = [rule] })).Errors);
        Assert.Equal(ErrorCodes.AccessRuleInvalidDirection, error.Code);
        Assert.Equal(Nsp1.Value + "/profiles/p1/accessRules/mixed", error.ResourceId);
    }
}
