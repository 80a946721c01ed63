using System.Net;
using System.Text.Json.Nodes;

namespace NspPortal.Web.Tests.Arm;

/// <summary>Perimeter links (reference/nsp.md §4.5): a link materialises its reference on the remote perimeter and
/// read-only perimeter-based rules on both sides; either side can end it.</summary>
public class LinkTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task ALinkCreatesTheReferenceOnTheRemotePerimeterAndReadOnlyPerimeterRulesOnBothSides()
    {
        var (nsp1, nsp2) = await TwoPerimetersAsync();
        var link = await portal.Client.PutJsonAsync($"{nsp1}/links/link1", $$$$"""{"properties":{"autoApprovedRemotePerimeterResourceId":"{{{{nsp2}}}}","localInboundProfiles":["p1"]}}""");
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);

        var references = (await (await portal.Client.GetAsync(Api.Url($"{nsp2}/linkReferences"))).BodyAsync())!["value"]!.AsArray();
        var reference = Assert.Single(references)!;
        Assert.StartsWith("link1-", reference["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Approved", reference["properties"]!["status"]!.GetValue<string>());
        Assert.Equal(nsp1, reference["properties"]!["remotePerimeterResourceId"]!.GetValue<string>());

        var localRules = await RulesAsync($"{nsp1}/profiles/p1");
        Assert.Equal(["link1-inbound", "link1-outbound"], localRules.Select(r => r["name"]!.GetValue<string>()).Order());
        var inbound = localRules.Single(r => r["name"]!.GetValue<string>() == "link1-inbound");
        Assert.Equal(nsp2, inbound["properties"]!["networkSecurityPerimeters"]![0]!["id"]!.GetValue<string>());
        Assert.Empty(inbound["properties"]!["addressPrefixes"]!.AsArray());
        Assert.Equal(["link1-outbound"], (await RulesAsync($"{nsp1}/profiles/other")).Select(r => r["name"]!.GetValue<string>()));
        Assert.Equal(2, (await RulesAsync($"{nsp2}/profiles/p2")).Count);

        var edit = await portal.Client.PutJsonAsync($"{nsp1}/profiles/p1/accessRules/link1-inbound", """{"properties":{"direction":"Inbound","addressPrefixes":["10.0.0.0/8"]}}""");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("AccessRuleManagedByLink", await edit.ErrorCodeAsync());
    }

    [Fact]
    public async Task DeletingTheReferenceDisconnectsTheLinkAndRemovesTheGeneratedRules()
    {
        var (nsp1, nsp2) = await TwoPerimetersAsync();
        (await portal.Client.PutJsonAsync($"{nsp1}/links/link1", $$$$"""{"properties":{"autoApprovedRemotePerimeterResourceId":"{{{{nsp2}}}}"}}""")).EnsureSuccessStatusCode();
        var name = (await (await portal.Client.GetAsync(Api.Url($"{nsp2}/linkReferences"))).BodyAsync())!["value"]![0]!["name"]!.GetValue<string>();

        var deleted = await portal.Client.DeleteAsync(Api.Url($"{nsp2}/linkReferences/{name}"));

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.NotNull(deleted.Headers.Location);
        var link = await (await portal.Client.GetAsync(Api.Url($"{nsp1}/links/link1"))).BodyAsync();
        Assert.Equal("Disconnected", link!["properties"]!["status"]!.GetValue<string>());
        Assert.Empty(await RulesAsync($"{nsp1}/profiles/p1"));
        Assert.Empty(await RulesAsync($"{nsp2}/profiles/p2"));
        var poll = await portal.Client.GetAsync(deleted.Headers.Location);
        Assert.Equal("Succeeded", (await poll.BodyAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForceDeletingAPerimeterTakesItsLinksDownOnTheOtherSide()
    {
        var (nsp1, nsp2) = await TwoPerimetersAsync();
        (await portal.Client.PutJsonAsync($"{nsp1}/links/link1", $$$$"""{"properties":{"autoApprovedRemotePerimeterResourceId":"{{{{nsp2}}}}"}}""")).EnsureSuccessStatusCode();

        var deleted = await portal.Client.DeleteAsync(Api.Url($"{nsp1}?forceDeletion=true"));

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Empty((await (await portal.Client.GetAsync(Api.Url($"{nsp2}/linkReferences"))).BodyAsync())!["value"]!.AsArray());
        Assert.Empty(await RulesAsync($"{nsp2}/profiles/p2"));
    }

    private async Task<(string, string)> TwoPerimetersAsync()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var nsp1 = Api.Perimeter(subscription, "nsp1");
        var nsp2 = Api.Perimeter(subscription, "nsp2");
        foreach (var path in new[] { nsp1, nsp2 })
        {
            (await portal.Client.PutJsonAsync(path, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        }

        foreach (var path in new[] { $"{nsp1}/profiles/p1", $"{nsp1}/profiles/other", $"{nsp2}/profiles/p2" })
        {
            (await portal.Client.PutJsonAsync(path, """{"properties":{}}""")).EnsureSuccessStatusCode();
        }

        return (nsp1, nsp2);
    }

    private async Task<List<JsonNode>> RulesAsync(string profile) =>
        [.. (await (await portal.Client.GetAsync(Api.Url($"{profile}/accessRules"))).BodyAsync())!["value"]!.AsArray().Select(r => r!)];
}
