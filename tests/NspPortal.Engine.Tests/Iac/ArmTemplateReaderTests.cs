using System.Text.Json.Nodes;
using NspPortal.Engine.Iac;

namespace NspPortal.Engine.Tests.Iac;

public class ArmTemplateReaderTests
{
    private static readonly Guid Subscription = Guid.Parse("6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    [Fact]
    public void ReadsNestedChildResourcesVariablesAndSuppliedParameters()
    {
        const string template = """
            {
              "parameters": { "name": { "type": "string" }, "location": { "type": "string", "defaultValue": "westus2" } },
              "variables": { "profile": "[concat('p-', parameters('name'))]" },
              "resources": [
                { "type": "Microsoft.Network/networkSecurityPerimeters", "apiVersion": "2025-05-01", "name": "[parameters('name')]", "location": "[parameters('location')]",
                  "resources": [
                    { "type": "profiles", "apiVersion": "2025-05-01", "name": "[variables('profile')]", "properties": {},
                      "resources": [ { "type": "accessRules", "name": "r1", "properties": { "direction": "Inbound", "addressPrefixes": ["10.0.0.0/8"] } } ] }
                  ] },
                { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv", "location": "westus2" },
                { "condition": false, "type": "Microsoft.Network/networkSecurityPerimeters/profiles", "name": "nsp/skipped" }
              ]
            }
            """;

        var read = ArmTemplateReader.Read(template, Subscription, "rg1", new Dictionary<string, JsonNode?> { ["NAME"] = JsonValue.Create("nsp1") });

        Assert.Empty(read.Errors);
        Assert.Equal(
            ["Microsoft.Network/networkSecurityPerimeters nsp1", "Microsoft.Network/networkSecurityPerimeters/profiles nsp1/p-nsp1",
             "Microsoft.Network/networkSecurityPerimeters/profiles/accessRules nsp1/p-nsp1/r1"],
            read.Resources.Select(r => $"{r.Type} {string.Join('/', r.Names)}"));
        Assert.Equal("westus2", read.Resources[0].Location);
        Assert.Equal("UnsupportedResourceType", Assert.Single(read.Warnings).Code);
    }

    [Fact]
    public void ReadsTheArrayAzCliPrintsTakingNamesFromIds()
    {
        const string listed = """
            [ { "id": "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-src/providers/Microsoft.Network/networkSecurityPerimeters/nsp1/profiles/p1/accessRules/r1",
                "name": "r1", "type": "Microsoft.Network/networkSecurityPerimeters/profiles/accessRules",
                "properties": { "direction": "Outbound", "fullyQualifiedDomainNames": ["contoso.com"], "provisioningState": "Succeeded" } } ]
            """;

        var read = ArmTemplateReader.Read(listed, Subscription, "rg1");

        var rule = Assert.Single(read.Resources);
        Assert.Equal(["nsp1", "p1", "r1"], rule.Names);
        Assert.Equal("Outbound", rule.Properties["direction"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"resources":[{"type":"Microsoft.Network/networkSecurityPerimeters","name":"[parameters('x')]"}],"parameters":{"x":{"type":"string"}}}""", "UnsupportedTemplateExpression", "resources[0].name")]
    [InlineData("""{"resources":[{"type":"Microsoft.Network/networkSecurityPerimeters","name":"n","copy":{"name":"c","count":2}}]}""", "UnsupportedTemplateFeature", "resources[0].copy")]
    [InlineData("""{"resources":[{"type":"Microsoft.Network/networkSecurityPerimeters/profiles","name":"only-one-name"}]}""", "InvalidTemplate", "resources[0].name")]
    [InlineData("""{"resources": 5}""", "InvalidTemplate", "")]
    [InlineData("""not json""", "InvalidTemplate", "")]
    public void ReportsWhatItCannotReadWithWhere(string document, string code, string target)
    {
        var read = ArmTemplateReader.Read(document, Subscription, "rg1");

        var error = Assert.Single(read.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(target, error.Target);
    }
}
