using System.Net;

namespace NspPortal.Web.Tests.Arm;

/// <summary>Resource groups and the PaaS inventory, as Microsoft.Resources and the PaaS providers serve them.</summary>
public class InventoryTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task StoresAPaasResourceWithItsNetworkSettingsInItsServicesShape()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var path = $"/subscriptions/{subscription}/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/stdata";
        var put = await portal.Client.PutJsonAsync(path, """
            {"location":"westus2","tags":{"env":"prod"},"properties":{"publicNetworkAccess":"SecuredByPerimeter",
             "networkAcls":{"bypass":"AzureServices, Logging","defaultAction":"Deny","ipRules":[{"value":"203.0.113.7"},{"value":"198.51.100.0/24"}]}}}
            """, "2023-05-01");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var body = (await (await portal.Client.GetAsync(Api.Url(path, "2023-05-01"))).BodyAsync())!;
        Assert.Equal("SecuredByPerimeter", body["properties"]!["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("AzureServices", body["properties"]!["networkAcls"]!["bypass"]!.GetValue<string>());
        Assert.Equal(["203.0.113.7/32", "198.51.100.0/24"], body["properties"]!["networkAcls"]!["ipRules"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ImportsAnAzureResourceGraphExportIntoOneTransaction()
    {
        var subscription = Guid.NewGuid();
        var export = $$$$"""
            {"count":3,"data":[
              {"id":"/subscriptions/{{{{subscription}}}}/resourceGroups/rg-graph/providers/Microsoft.KeyVault/vaults/kv-graph","name":"kv-graph","type":"microsoft.keyvault/vaults",
               "location":"westeurope","resourceGroup":"rg-graph","subscriptionId":"{{{{subscription}}}}","tags":{},
               "properties":{"publicNetworkAccess":"Disabled","networkAcls":{"bypass":"AzureServices","ipRules":[]}}},
              {"id":"/subscriptions/{{{{subscription}}}}/resourceGroups/rg-graph/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-graph","name":"cosmos-graph",
               "type":"microsoft.documentdb/databaseaccounts","location":"westeurope","properties":{"publicNetworkAccess":"Enabled","ipRules":[{"ipAddressOrRange":"192.0.2.0/24"}]}},
              {"id":"/subscriptions/{{{{subscription}}}}/resourceGroups/rg-graph/providers/Microsoft.Compute/virtualMachines/vm1","name":"vm1","type":"microsoft.compute/virtualmachines","location":"westeurope"}
            ],"skip_token":null,"total_records":3}
            """;

        var response = await portal.Client.PostAsync(Api.Url("/providers/NspPortal.Inventory/importResourceGraph"), Api.Json(export));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.BodyAsync())!;
        Assert.Equal(2, summary["created"]!.GetValue<int>());
        Assert.Equal(1, summary["skipped"]!.GetValue<int>());
        Assert.Equal(1, summary["subscriptionsCreated"]!.GetValue<int>());
        var cosmos = (await (await portal.Client.GetAsync(Api.Url($"/subscriptions/{subscription}/resourceGroups/rg-graph/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-graph"))).BodyAsync())!;
        Assert.Equal("192.0.2.0/24", cosmos["properties"]!["ipRules"]![0]!["ipAddressOrRange"]!.GetValue<string>());
        Assert.Equal("Microsoft.DocumentDB/databaseAccounts", cosmos["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingAResourceGroupDeletesItsPerimetersAndResources()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp1");
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();
        var vault = $"/subscriptions/{subscription}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1";
        (await portal.Client.PutJsonAsync(vault, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/resourceAssociations/a1", $$$$"""{"properties":{"privateLinkResource":{"id":"{{{{vault}}}}"},"profile":{"id":"{{{{perimeter}}}}/profiles/p1"}}}""")).EnsureSuccessStatusCode();

        var deleted = await portal.Client.DeleteAsync($"/subscriptions/{subscription}/resourcegroups/rg1?api-version=2021-04-01");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("ResourceGroupNotFound", await (await portal.Client.GetAsync(Api.Url(perimeter))).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync($"/subscriptions/{subscription}/resourcegroups/rg1?api-version=2021-04-01")).StatusCode);
    }
}
