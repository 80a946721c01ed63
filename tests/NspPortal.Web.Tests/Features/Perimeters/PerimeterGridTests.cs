using NspPortal.TestSupport;
using NspPortal.Web.Features.Perimeters;

namespace NspPortal.Web.Tests.Features.Perimeters;

public class PerimeterGridTests
{
    private static readonly Guid Subscription = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");

    private static Task<string> Render(PerimeterListResult result, PerimeterListQuery query) =>
        ComponentRenderer.RenderAsync<PerimeterGrid>(new Dictionary<string, object?> { ["Result"] = result, ["Query"] = query });

    [Fact]
    public async Task RendersOneRowPerPerimeterWithLinksToTheBladeAndTheResourceGroup()
    {
        var result = new PerimeterListResult(
            [new PerimeterRow("nsp-contoso-prod", "rg-prod-network", "eastus2", Subscription, "Contoso Production", 2, 6)],
            Total: 1, TotalUnfiltered: 1, Subscriptions: []);

        var html = await Render(result, new PerimeterListQuery(null, null, null, false, 1));

        Html.AssertEquivalent($$"""
            <p class="grid-summary" role="status">Showing 1 to 1 of 1 records.</p>
            <div class="grid-wrap">
              <table class="grid" aria-label="Network security perimeters">
                <thead><tr>
                  <th scope="col" aria-sort="ascending"><a href="/browse/Microsoft.Network/networkSecurityPerimeters?sort=name&amp;desc=true" hx-get="/browse/Microsoft.Network/networkSecurityPerimeters?sort=name&amp;desc=true">Name<span class="sort" aria-hidden="true">▲</span></a></th>
                  <th scope="col" aria-sort="none"><a href="/browse/Microsoft.Network/networkSecurityPerimeters?sort=resourceGroup" hx-get="/browse/Microsoft.Network/networkSecurityPerimeters?sort=resourceGroup">Resource group</a></th>
                  <th scope="col" aria-sort="none"><a href="/browse/Microsoft.Network/networkSecurityPerimeters?sort=location" hx-get="/browse/Microsoft.Network/networkSecurityPerimeters?sort=location">Location</a></th>
                  <th scope="col" aria-sort="none"><a href="/browse/Microsoft.Network/networkSecurityPerimeters?sort=subscription" hx-get="/browse/Microsoft.Network/networkSecurityPerimeters?sort=subscription">Subscription</a></th>
                  <th scope="col" class="num" aria-sort="none"><a href="/browse/Microsoft.Network/networkSecurityPerimeters?sort=profiles" hx-get="/browse/Microsoft.Network/networkSecurityPerimeters?sort=profiles">Profiles</a></th>
                  <th scope="col" class="num" aria-sort="none"><a href="/browse/Microsoft.Network/networkSecurityPerimeters?sort=associations" hx-get="/browse/Microsoft.Network/networkSecurityPerimeters?sort=associations">Associated resources</a></th>
                </tr></thead>
                <tbody>
                  <tr>
                    <td><span class="name-cell"><svg diff:ignore></svg><a href="/resource/subscriptions/{{Subscription}}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview">nsp-contoso-prod</a></span></td>
                    <td><a href="/browse/all?filter=rg-prod-network">rg-prod-network</a></td>
                    <td>East US 2</td>
                    <td>Contoso Production</td>
                    <td class="num">2</td>
                    <td class="num">6</td>
                  </tr>
                </tbody>
              </table>
            </div>
            """, html);
    }

    [Fact]
    public async Task OffersCreateWhenThereAreNoPerimetersAtAll()
    {
        var html = await Render(new PerimeterListResult([], 0, 0, []), new PerimeterListQuery(null, null, null, false, 1));

        Html.AssertEquivalent($$"""
            <div class="empty-state">
              <svg diff:ignore></svg>
              <h2>No network security perimeters to display</h2>
              <p>A network security perimeter groups PaaS resources such as storage accounts, SQL servers and key vaults behind one set of access rules. Create one to get started.</p>
              <a class="btn btn-primary" href="/create/Microsoft.Network/networkSecurityPerimeters">Create network security perimeter</a>
            </div>
            """, html);
    }

    [Fact]
    public async Task SaysNothingMatchesAndOffersToClearFiltersWhenAFilterHidesEverything()
    {
        var html = await Render(new PerimeterListResult([], 0, 5, []), new PerimeterListQuery("zzz", null, null, false, 1));
        var body = Html.ParseFragment(html);

        Assert.Equal("No perimeters match your filters", body.QuerySelector("h2")!.TextContent);
        Assert.Contains("all 5 perimeters", body.QuerySelector(".empty-state p")!.TextContent, StringComparison.Ordinal);
        Assert.Null(body.QuerySelector("table"));
    }

    [Fact]
    public async Task ShowsPagerLinksThatKeepTheFilterWhenThereIsMoreThanOnePage()
    {
        var rows = Enumerable.Range(1, PerimeterListQuery.PageSize)
            .Select(i => new PerimeterRow($"nsp-{i:000}", "rg", "westeurope", Subscription, "Sub", 1, 0)).ToList();
        var html = await Render(new PerimeterListResult(rows, 120, 120, []), new PerimeterListQuery("nsp", null, null, false, 2));
        var body = Html.ParseFragment(html);

        Assert.Equal("Showing 51 to 100 of 120 records.", body.QuerySelector(".grid-summary")!.TextContent);
        var links = body.QuerySelectorAll(".pager a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/browse/Microsoft.Network/networkSecurityPerimeters?filter=nsp", "/browse/Microsoft.Network/networkSecurityPerimeters?filter=nsp&page=3"], links);
    }
}
