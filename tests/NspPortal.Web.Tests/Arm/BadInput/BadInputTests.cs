using System.Text.Json.Nodes;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Arm.BadInput;

/// <summary>The bad-input table (cases.json next to this file): each request gets ARM's status, error code and target
/// in a CloudError body, and the database is exactly as it was before — never a 500, nothing stored.</summary>
public class BadInputTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    private static readonly JsonArray Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Arm", "BadInput", "cases.json")))!["cases"]!.AsArray();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var item in Cases)
        {
            data.Add(item!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task RefusesWithArmsErrorAndStoresNothing(string name)
    {
        var item = Cases.Single(c => c!["name"]!.GetValue<string>() == name)!;
        var world = await World.CreateAsync(portal);
        string before;
        await using (var db = portal.Factory.CreateDbContext())
        {
            before = await DatabaseFingerprint.TakeAsync(db);
        }

        var path = world.Expand(item["path"]!.GetValue<string>());
        var version = item["apiVersion"]?.GetValue<string>();
        var url = version is null ? path : Api.Url(path, version);
        using var request = new HttpRequestMessage(new HttpMethod(item["method"]!.GetValue<string>()), url);
        if (item["body"] is { } body)
        {
            request.Content = new StringContent(world.Expand(body.GetValue<string>()), System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(item["contentType"]?.GetValue<string>() ?? "application/json");
        }

        foreach (var (header, value) in item["headers"]?.AsObject() ?? [])
        {
            request.Headers.TryAddWithoutValidation(header, value!.GetValue<string>());
        }

        using var client = portal.Factory.CreateClient();
        var authorization = item["authorization"]?.GetValue<string>() ?? $"Bearer {PortalFactory.BootstrapToken}";
        if (authorization != "none")
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        var error = (await response.BodyAsync())?["error"];

        Assert.True((int)response.StatusCode == item["status"]!.GetValue<int>(),
            $"{name}: expected {item["status"]}, got {(int)response.StatusCode}: {error?.ToJsonString()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(item["code"]!.GetValue<string>(), error?["code"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error?["message"]?.GetValue<string>()), $"{name}: the error has no message.");
        Assert.NotNull(error?["details"] as JsonArray);
        if (item["target"] is { } target)
        {
            Assert.Equal(target.GetValue<string>(), error?["target"]?.GetValue<string>());
        }

        await using var after = portal.Factory.CreateDbContext();
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(after));
    }

    /// <summary>The resources the cases refer to, in a subscription of the case's own.</summary>
    private sealed record World(Guid Subscription)
    {
        public static async Task<World> CreateAsync(ArmPortal portal)
        {
            var world = new World(await portal.NewSubscriptionAsync());
            var client = portal.Client;
            async Task Put(string path, string json, string version = Api.Version)
            {
                using var response = await client.PutJsonAsync(world.Expand(path), world.Expand(json), version);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await Put("{nsp1}", """{"location":"westus2"}""");
            await Put("{nsp2}", """{"location":"westus2"}""");
            await Put("{nsp1}/profiles/p1", """{"properties":{}}""");
            await Put("{nsp2}/profiles/p2", """{"properties":{}}""");
            await Put("{nsp1}/profiles/p1/accessRules/r0", """{"properties":{"direction":"Inbound","addressPrefixes":["203.0.113.0/24"]}}""");
            await Put("{kv1}", """{"location":"westus2","properties":{"publicNetworkAccess":"Enabled"}}""", "2023-07-01");
            await Put("{kv2}", """{"location":"westus2","properties":{"publicNetworkAccess":"Enabled"}}""", "2023-07-01");
            await Put("{nsp1}/resourceAssociations/a1", """{"properties":{"privateLinkResource":{"id":"{kv1}"},"profile":{"id":"{nsp1}/profiles/p1"},"accessMode":"Learning"}}""");
            return world;
        }

        public string Expand(string text) => text
            .Replace("{nsp1}", "{rg}/providers/Microsoft.Network/networkSecurityPerimeters/nsp1", StringComparison.Ordinal)
            .Replace("{nsp2}", "{rg}/providers/Microsoft.Network/networkSecurityPerimeters/nsp2", StringComparison.Ordinal)
            .Replace("{kv1}", "{rg}/providers/Microsoft.KeyVault/vaults/kv1", StringComparison.Ordinal)
            .Replace("{kv2}", "{rg}/providers/Microsoft.KeyVault/vaults/kv2", StringComparison.Ordinal)
            .Replace("{rg}", "/subscriptions/{sub}/resourceGroups/rg1", StringComparison.Ordinal)
            .Replace("{sub}", Subscription.ToString(), StringComparison.Ordinal);
    }
}
