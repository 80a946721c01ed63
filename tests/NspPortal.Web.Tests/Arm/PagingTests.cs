using System.Net;
using System.Text.Json.Nodes;

namespace NspPortal.Web.Tests.Arm;

/// <summary>Lists page with <c>$top</c> and follow <c>nextLink</c> (<c>$skipToken</c>) to the end, as Azure's SDKs do.</summary>
public class PagingTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task FollowsNextLinkThroughEveryPerimeterOfTheSubscription()
    {
        var subscription = await portal.NewSubscriptionAsync();
        foreach (var name in new[] { "nsp-c", "nsp-a", "nsp-e", "nsp-b", "nsp-d" })
        {
            (await portal.Client.PutJsonAsync(Api.Perimeter(subscription, name), """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        }

        var names = new List<string>();
        var pages = 0;
        string? next = Api.Url($"/subscriptions/{subscription}/providers/Microsoft.Network/networkSecurityPerimeters?$top=2");
        while (next is not null)
        {
            var response = await portal.Client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.BodyAsync())!;
            names.AddRange(body["value"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            next = body["nextLink"]?.GetValue<string>();
            Assert.True(++pages <= 3, "more pages than perimeters");
        }

        Assert.Equal(["nsp-a", "nsp-b", "nsp-c", "nsp-d", "nsp-e"], names);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ALastPageHasNoNextLink()
    {
        var subscription = await portal.NewSubscriptionAsync();
        (await portal.Client.PutJsonAsync(Api.Perimeter(subscription, "nsp-only"), """{"location":"westus2"}""")).EnsureSuccessStatusCode();

        var body = await (await portal.Client.GetAsync(Api.Url($"/subscriptions/{subscription}/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityPerimeters"))).BodyAsync();

        Assert.Single(body!["value"]!.AsArray());
        Assert.Null(body["nextLink"]);
        Assert.IsType<JsonObject>(body);
    }
}
