using NspPortal.Data.Services;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Tests.Services;

public class InventoryServiceTests : ServiceTestBase
{
    [Fact]
    public async Task ConfiguringPublicNetworkAccessKeepsTheFirewall()
    {
        await using var db = Database.CreateContext();
        var inventory = new InventoryService(db);
        Assert.True((await inventory.CreateOrUpdateAsync(Subscription, "rg1", "Microsoft.Storage/storageAccounts", "st1",
            new PaasResourceInput("westus2", null, null, "Enabled", [("203.0.113.0/24", "t")], true), Alice)).Succeeded);

        var changed = await inventory.SetPublicNetworkAccessAsync(Subscription, "rg1", "Microsoft.Storage/storageAccounts", "st1", PublicNetworkAccess.SecuredByPerimeter, Alice);

        Assert.True(changed.Succeeded, changed.Error?.Message);
        Assert.Equal(PublicNetworkAccess.SecuredByPerimeter, changed.Value!.PublicNetworkAccess);
        Assert.Equal(["203.0.113.0/24"], changed.Value.FirewallIpRules);
        Assert.True(changed.Value.AllowTrustedServices);
    }

    [Fact]
    public async Task ImportsResourceGraphRowsAndRejectsTheWholeImportForOneBadRow()
    {
        await using var db = Database.CreateContext();
        var rows = $$$$"""
            [{"id":"/subscriptions/{{{{Subscription}}}}/resourceGroups/rg1/providers/Microsoft.Search/searchServices/srch1","location":"westus2",
              "properties":{"publicNetworkAccess":"Enabled","networkRuleSet":{"ipRules":[{"value":"198.51.100.0/24"}]}}},
             {"id":"/subscriptions/{{{{Subscription}}}}/resourceGroups/rg1/providers/Microsoft.Sql/servers/sql1","location":"westus2",
              "properties":{"publicNetworkAccess":"Maybe"}}]
            """;

        var result = await new InventoryService(db).ImportResourceGraphAsync(rows, Alice);

        Assert.Equal("InvalidPublicNetworkAccess", result.Error!.Code);
        Assert.Equal("data[1].properties.publicNetworkAccess", result.Error.Target);
        await using var check = Database.CreateContext();
        Assert.DoesNotContain(check.PaasResources, r => r.NameKey == "SRCH1");
    }
}
