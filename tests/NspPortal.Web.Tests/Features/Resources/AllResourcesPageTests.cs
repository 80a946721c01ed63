using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Resources;

public class AllResourcesPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task ListsEveryPaasResourceAndPerimeter()
    {
        var document = Html.Parse(await portal.Client().GetStringAsync("/browse/all"));

        Assert.Equal(14, document.QuerySelectorAll("#resource-grid tbody tr").Length);
        Assert.Equal("Showing 1 to 14 of 14 records.", document.QuerySelector(".grid-summary")!.TextContent);
    }

    [Fact]
    public async Task FiltersByTypeAndShowsTheResourcesPerimeter()
    {
        var client = portal.HtmxClient("resource-grid");
        var fragment = Html.ParseFragment(await client.GetStringAsync("/browse/all?type=Microsoft.KeyVault/vaults"));

        var rows = fragment.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Key vault", r[1]));
        Assert.Contains(rows, r => r[0] == "kv-contoso-prod" && r[5] == "nsp-contoso-prod");
    }

    [Fact]
    public async Task OpensAResourceFromTheGrid()
    {
        var client = portal.Client();
        var grid = Html.Parse(await client.GetStringAsync("/browse/all?filter=stcontosoorders"));
        var href = grid.QuerySelector("#resource-grid tbody a")!.GetAttribute("href")!;
        var blade = Html.Parse(await client.GetStringAsync(href));

        Assert.Equal("stcontosoorders", blade.QuerySelector("h1")!.TextContent);
        Assert.Contains("Transition (Learning)", blade.QuerySelector(".essentials + h2 + .essentials")!.TextContent, StringComparison.Ordinal);
    }
}
