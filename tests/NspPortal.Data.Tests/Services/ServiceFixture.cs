using NspPortal.Data.Entities;
using NspPortal.Data.Services;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Services;

/// <summary>A fresh database with one subscription, resource group <c>rg1</c> (westus2) and key vaults kv1–kv3 in
/// the inventory, for each test.</summary>
public abstract class ServiceTestBase : IAsyncLifetime
{
    protected static readonly Guid Subscription = Guid.Parse("6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    protected static readonly Caller Alice = new("alice@contoso.com", "User");

    protected TestDatabase Database { get; private set; } = null!;

    protected static PerimeterPath Nsp(string name) => new(Subscription, "rg1", name);

    protected static string Vault(string name) => $"/subscriptions/{Subscription}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/{name}";

    protected static string Profile(string perimeter, string name) =>
        $"/subscriptions/{Subscription}/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityPerimeters/{perimeter}/profiles/{name}";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await using var db = Database.CreateContext();
        db.Subscriptions.Add(new SubscriptionEntity { Id = Subscription, DisplayName = "Service tests" });
        await db.SaveChangesAsync();
        Assert.True((await new ResourceGroupService(db).CreateOrUpdateAsync(Subscription, "rg1", "westus2", null, Alice)).Succeeded);
        foreach (var vault in new[] { "kv1", "kv2", "kv3" })
        {
            var put = await new InventoryService(db).CreateOrUpdateAsync(Subscription, "rg1", "Microsoft.KeyVault/vaults", vault,
                new PaasResourceInput("westus2", null, null, "Enabled", [], true), Alice);
            Assert.True(put.Succeeded, put.Error?.Message);
        }
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
