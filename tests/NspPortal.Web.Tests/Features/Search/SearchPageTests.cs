using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Search;

public class SearchPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task TheTopBarGetsGroupedHitsAsAFragment()
    {
        var fragment = Html.ParseFragment(await portal.HtmxClient("search-results").GetStringAsync("/search?q=contoso-prod"));

        var groups = fragment.QuerySelectorAll(".group").Select(g => g.TextContent).ToList();
        Assert.Equal(["Network security perimeters", "Resources"], groups);
        Assert.Contains(fragment.QuerySelectorAll("a"), a => a.TextContent.Contains("kv-contoso-prod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutJavaScriptTheSearchFormOpensAResultsPage()
    {
        var document = Html.Parse(await portal.Client().GetStringAsync("/search?q=rg-dev"));

        Assert.Equal("Search results for 'rg-dev'", document.QuerySelector("h1")!.TextContent);
        Assert.Contains(document.QuerySelectorAll(".search-page a"), a => a.TextContent.Contains("rg-dev-apps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaysSoWhenNothingMatches()
    {
        var fragment = Html.ParseFragment(await portal.HtmxClient("search-results").GetStringAsync("/search?q=nothing-like-this"));

        Assert.Equal("No results for 'nothing-like-this'.", fragment.TextContent.Trim());
    }
}
