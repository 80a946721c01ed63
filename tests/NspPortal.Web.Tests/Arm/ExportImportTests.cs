using System.Net;
using System.Text.Json.Nodes;

namespace NspPortal.Web.Tests.Arm;

/// <summary>Export template (ARM, Bicep, Terraform) and import through the API, and the round trip: export → import into
/// an empty group → export gives the same document.</summary>
public class ExportImportTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task AnExportedTemplateImportedIntoAnEmptyGroupExportsTheSameDocument()
    {
        var subscription = await portal.NewSubscriptionAsync();
        (await portal.Client.PutAsync($"/subscriptions/{subscription}/resourcegroups/rg-copy?api-version=2021-04-01", Api.Json("""{"location":"westus2"}"""))).EnsureSuccessStatusCode();
        var source = await BuildPerimeterAsync(subscription);
        var exported = await ExportAsync(source, "arm");

        // The PaaS resources are associated with the source; free them before the copy takes them over.
        (await portal.Client.DeleteAsync(Api.Url($"{source}?forceDeletion=true"))).EnsureSuccessStatusCode();
        var imported = await portal.Client.PostAsync(Api.Url($"/subscriptions/{subscription}/resourceGroups/rg-copy/importNsp"), Api.Json(exported));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var again = await ExportAsync(Api.Perimeter(subscription, "nsp-app", "rg-copy"), "arm");
        Assert.Equal(exported, again);
        var kinds = (await imported.BodyAsync())!["value"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).Distinct().Count();
        Assert.Equal(5, kinds); // perimeter, profile, rules, logging configuration, associations
    }

    [Fact]
    public async Task ImportsTheArrayThatAzCliListsPrint()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp-list");
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();
        var rules = new JsonArray();
        foreach (var (name, body) in new[] { ("in1", """{"direction":"Inbound","addressPrefixes":["10.0.0.0/8"]}"""), ("out1", """{"direction":"Outbound","fullyQualifiedDomainNames":["contoso.com"]}""") })
        {
            var created = await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1/accessRules/{name}", $$$$"""{"properties":{{{{body}}}}}""");
            rules.Add((await created.BodyAsync())!);
        }

        (await portal.Client.PutAsync($"/subscriptions/{subscription}/resourcegroups/rg2?api-version=2021-04-01", Api.Json("""{"location":"westus2"}"""))).EnsureSuccessStatusCode();
        var list = new JsonArray(
            (await (await portal.Client.GetAsync(Api.Url(perimeter))).BodyAsync())!,
            (await (await portal.Client.GetAsync(Api.Url($"{perimeter}/profiles/p1"))).BodyAsync())!,
            rules[0]!.DeepClone(), rules[1]!.DeepClone());

        var imported = await portal.Client.PostAsync(Api.Url($"/subscriptions/{subscription}/resourceGroups/rg2/importNsp"), Api.Json(list));

        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var copied = (await (await portal.Client.GetAsync(Api.Url($"{Api.Perimeter(subscription, "nsp-list", "rg2")}/profiles/p1/accessRules"))).BodyAsync())!["value"]!.AsArray();
        Assert.Equal(["in1", "out1"], copied.Select(r => r!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ExportsBicepAndTerraform()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var source = await BuildPerimeterAsync(subscription);

        var bicep = await ExportAsync(source, "bicep");
        var terraform = await ExportAsync(source, "terraform");

        Assert.Contains("resource nsp 'Microsoft.Network/networkSecurityPerimeters@2025-05-01'", bicep, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules@2025-05-01'", bicep, StringComparison.Ordinal);
        Assert.Contains("resource \"azurerm_network_security_perimeter_access_rule\"", terraform, StringComparison.Ordinal);
        Assert.Contains("version = \">= 4.57.0\"", terraform, StringComparison.Ordinal);
        var unknown = await portal.Client.GetAsync(Api.Url($"{source}/exportTemplate?format=pulumi"));
        Assert.Equal("InvalidParameter", await unknown.ErrorCodeAsync());
    }

    private async Task<string> BuildPerimeterAsync(Guid subscription)
    {
        var perimeter = Api.Perimeter(subscription, "nsp-app");
        var vault = $"/subscriptions/{subscription}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv-app";
        var sql = $"/subscriptions/{subscription}/resourceGroups/rg1/providers/Microsoft.Sql/servers/sql-app";
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2","tags":{"env":"prod","owner":"network"}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/defaultProfile", """{"properties":{}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/defaultProfile/accessRules/allow-corp", """{"properties":{"direction":"Inbound","addressPrefixes":["203.0.113.0/24","2001:db8::/32"]}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/defaultProfile/accessRules/allow-sub", $$$$"""{"properties":{"direction":"Inbound","subscriptions":[{"id":"/subscriptions/{{{{subscription}}}}"}]}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/defaultProfile/accessRules/allow-contoso", """{"properties":{"direction":"Outbound","fullyQualifiedDomainNames":["contoso.com"]}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/loggingConfigurations/instance", """{"properties":{"enabledLogCategories":["NspPublicInboundPerimeterRulesDenied"]}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync(vault, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync(sql, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/resourceAssociations/kv-app-assoc", $$$$"""{"properties":{"privateLinkResource":{"id":"{{{{vault}}}}"},"profile":{"id":"{{{{perimeter}}}}/profiles/defaultProfile"},"accessMode":"Enforced"}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/resourceAssociations/sql-app-assoc", $$$$"""{"properties":{"privateLinkResource":{"id":"{{{{sql}}}}"},"profile":{"id":"{{{{perimeter}}}}/profiles/defaultProfile"}}}""")).EnsureSuccessStatusCode();
        return perimeter;
    }

    private async Task<string> ExportAsync(string perimeter, string format)
    {
        var response = await portal.Client.GetAsync(Api.Url($"{perimeter}/exportTemplate?format={format}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
