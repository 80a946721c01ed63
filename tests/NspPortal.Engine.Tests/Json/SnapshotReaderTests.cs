using NspPortal.Engine.Json;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Tests.Json;

public class SnapshotReaderTests
{
    private const string Sub = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Nsp = "/subscriptions/" + Sub + "/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp1";
    private const string Storage = "/subscriptions/" + Sub + "/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1";

    private static string Perimeter(string extra = "") =>
        J("""{"id":"@NSP@","name":"nsp1","type":"Microsoft.Network/networkSecurityPerimeters","location":"westus2","tags":{},"properties":{"perimeterGuid":"11111111-1111-4111-8111-111111111111","provisioningState":"Succeeded"}@EXTRA@}""").Replace("@EXTRA@", extra, StringComparison.Ordinal);

    private static readonly string Profile = J("""{"id":"@NSP@/profiles/p1","name":"p1","type":"Microsoft.Network/networkSecurityPerimeters/profiles","location":"westus2","tags":{},"properties":{"accessRulesVersion":"4","diagnosticSettingsVersion":"0"}}""");

    private static string Rule(string properties) =>
        J("""{"id":"@NSP@/profiles/p1/accessRules/r1","name":"r1","type":"microsoft.network/networksecurityperimeters/profiles/accessrules","properties":@PROPERTIES@}""").Replace("@PROPERTIES@", properties, StringComparison.Ordinal);

    private static string J(string json) =>
        json.Replace("@NSP@", Nsp, StringComparison.Ordinal).Replace("@STORAGE@", Storage, StringComparison.Ordinal).Replace("@SUB@", Sub, StringComparison.Ordinal);

    private static SnapshotReadResult Read(string resources, string paas = "[]") =>
        SnapshotReader.Read(J("""{"resources":[@RESOURCES@],"paasResources":@PAAS@}""").Replace("@RESOURCES@", resources, StringComparison.Ordinal).Replace("@PAAS@", paas, StringComparison.Ordinal));

    [Fact]
    public void ReadsTheArmShapes()
    {
        var result = Read(string.Join(',', Perimeter(), Profile,
            Rule("""{"direction":"Inbound","addressPrefixes":["10.11.0.0/16"],"fullyQualifiedDomainNames":[],"subscriptions":[],"networkSecurityPerimeters":[],"emailAddresses":[],"phoneNumbers":[],"serviceTags":[],"provisioningState":"Succeeded"}"""),
            J("""{"id":"@NSP@/resourceAssociations/a1","type":"Microsoft.Network/networkSecurityPerimeters/resourceAssociations","properties":{"privateLinkResource":{"id":"@STORAGE@"},"profile":{"id":"@NSP@/profiles/p1"},"accessMode":"Enforced","provisioningState":"Succeeded","hasProvisioningIssues":"no"}}""")),
            J("""[{"id":"@STORAGE@","publicNetworkAccess":"Disabled","firewall":{"ipRules":["203.0.113.0/24",{"value":"198.51.100.7","action":"Allow"}],"allowTrustedServices":true}}]"""));
        Assert.True(result.Validation.IsValid, string.Join("\n", result.Validation.Issues));
        var perimeter = Assert.Single(result.Configuration!.Perimeters);
        Assert.Equal("westus2", perimeter.Location);
        var profile = Assert.Single(perimeter.Profiles);
        Assert.Equal(4, profile.AccessRulesVersion);
        Assert.Equal("10.11.0.0/16", Assert.Single(Assert.Single(profile.AccessRules).AddressPrefixes).ToString());
        Assert.Equal(AccessMode.Enforced, Assert.Single(perimeter.Associations).AccessMode);
        var resource = Assert.Single(result.Configuration.PaasResources);
        Assert.Equal(PublicNetworkAccess.Disabled, resource.PublicNetworkAccess);
        Assert.Equal(["203.0.113.0/24", "198.51.100.7/32"], resource.FirewallIpRules.Select(p => p.ToString()));
        Assert.True(resource.AllowTrustedServices);
    }

    [Fact]
    public void TargetsValueErrorsByResourceIndex()
    {
        var result = Read(string.Join(',', Perimeter(), Profile, Rule("""{"direction":"Inbound","addressPrefixes":["10.0.0.0/8","x","10.0.0.5/24"]}""")));
        Assert.Null(result.Configuration);
        Assert.Equal(
            [("InvalidAddressPrefix", "resources[2].properties.addressPrefixes[1]"), ("AddressPrefixHasHostBits", "resources[2].properties.addressPrefixes[2]")],
            result.Validation.Errors.Select(e => (e.Code, e.Target)));
    }

    [Fact]
    public void MapsConfigurationFindingsToTheirResource()
    {
        var result = Read(string.Join(',', Perimeter(), Profile, Rule("""{"direction":"Outbound","addressPrefixes":["10.0.0.0/8"]}""")));
        var error = Assert.Single(result.Validation.Errors);
        Assert.Equal((ErrorCodes.AccessRuleInvalidDirection, "resources[2].properties.addressPrefixes"), (error.Code, error.Target));
    }

    [Fact]
    public void ReportsChildrenWhoseParentIsMissing()
    {
        var result = Read(string.Join(',', Perimeter(), Rule("""{"direction":"Inbound","addressPrefixes":["10.0.0.0/8"]}""")));
        var error = Assert.Single(result.Validation.Errors);
        Assert.Equal((ErrorCodes.ParentResourceNotFound, "resources[1].id"), (error.Code, error.Target));
    }

    [Fact]
    public void ReportsMissingAndMistypedProperties()
    {
        var result = SnapshotReader.Read(J("""{"resources":[{"id":"@NSP@","type":"Microsoft.Network/networkSecurityPerimeters","properties":{}}, {"type":"x"}, 5],"paasResources":[{"id":"@STORAGE@","publicNetworkAccess":"Open","firewall":{"ipRules":"10.0.0.0/8"}}]}"""));
        Assert.Equal(
            [
                (ErrorCodes.MissingProperty, "resources[0].properties.perimeterGuid"),
                (ErrorCodes.MissingProperty, "resources[1].id"),
                (ErrorCodes.InvalidPropertyValue, "resources[2]"),
                (ErrorCodes.InvalidPublicNetworkAccess, "paasResources[0].publicNetworkAccess"),
                (ErrorCodes.InvalidPropertyValue, "paasResources[0].firewall.ipRules"),
            ],
            result.Validation.Errors.Select(e => (e.Code, e.Target)));
    }

    [Fact]
    public void RejectsTextThatIsNotJson()
    {
        var result = SnapshotReader.Read("{\"resources\": [");
        Assert.Equal(ErrorCodes.InvalidJson, Assert.Single(result.Validation.Errors).Code);
    }

    [Fact]
    public void ToleratesLocationAndTagsOnChildrenAndIgnoresLoggingConfiguration()
    {
        var logging = J("""{"id":"@NSP@/loggingConfigurations/instance","type":"Microsoft.Network/networkSecurityPerimeters/loggingConfigurations","properties":{"enabledLogCategories":[]}}""");
        var result = Read(string.Join(',', Perimeter(), Profile, logging));
        Assert.Empty(result.Validation.Issues);
    }

    [Fact]
    public void WarnsAboutUnknownResourceTypes()
    {
        var vm = J("""{"id":"/subscriptions/@SUB@/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1","type":"Microsoft.Compute/virtualMachines"}""");
        var result = Read(string.Join(',', Perimeter(), vm));
        Assert.True(result.Validation.IsValid);
        Assert.Equal(ErrorCodes.UnsupportedResourceType, Assert.Single(result.Validation.Warnings).Code);
    }

    [Fact]
    public void ReadsLinksAndLinkReferences()
    {
        var remote = Nsp.Replace("nsp1", "nsp2", StringComparison.Ordinal);
        var link = J("""{"id":"@NSP@/links/l1","type":"Microsoft.Network/networkSecurityPerimeters/links","properties":{"autoApprovedRemotePerimeterResourceId":"@REMOTE@","remotePerimeterGuid":"22222222-2222-4222-8222-222222222222","localInboundProfiles":["p1"],"remoteInboundProfiles":["*"],"description":"Auto Approved","status":"Approved"}}""").Replace("@REMOTE@", remote, StringComparison.Ordinal);
        var reference = J("""{"id":"@NSP@/linkreferences/l2-guid","type":"Microsoft.Network/networkSecurityPerimeters/linkreferences","properties":{"remotePerimeterResourceId":"@REMOTE@","status":"Pending"}}""").Replace("@REMOTE@", remote, StringComparison.Ordinal);
        var result = Read(string.Join(',', Perimeter(), Profile, link, reference));
        Assert.True(result.Validation.IsValid, string.Join("\n", result.Validation.Issues));
        var perimeter = result.Configuration!.Perimeters[0];
        Assert.Equal(["p1"], Assert.Single(perimeter.Links).LocalInboundProfiles.ToArray());
        Assert.Equal(LinkStatus.Pending, Assert.Single(perimeter.LinkReferences).Status);
        Assert.Equal(["*"], perimeter.LinkReferences[0].LocalInboundProfiles.ToArray());
    }

    [Fact]
    public void TakesAPerimeterRuleGuidFromTheSnapshotWhenOnlyTheIdIsGiven()
    {
        var result = Read(string.Join(',', Perimeter(), Profile, Rule(J("""{"direction":"Inbound","networkSecurityPerimeters":[{"id":"@NSP@"}]}"""))));
        Assert.True(result.Validation.IsValid, string.Join("\n", result.Validation.Issues));
        var rule = result.Configuration!.Perimeters[0].Profiles[0].AccessRules[0];
        Assert.Equal(Guid.Parse("11111111-1111-4111-8111-111111111111"), Assert.Single(rule.NetworkSecurityPerimeters).PerimeterGuid);
    }

    [Fact]
    public void RejectsDuplicateResources()
    {
        var result = Read(string.Join(',', Perimeter(), Perimeter()));
        Assert.Equal((ErrorCodes.DuplicateResource, "resources[1].id"), Assert.Single(result.Validation.Errors) is var e ? (e.Code, e.Target) : default);
    }
}
