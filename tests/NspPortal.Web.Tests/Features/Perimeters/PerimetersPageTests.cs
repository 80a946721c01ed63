using System.Net;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Perimeters;

public class PerimetersPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Url = "/browse/Microsoft.Network/networkSecurityPerimeters";

    [Fact]
    public async Task APlainGetRendersTheWholePortalPageWithTheGrid()
    {
        var response = await portal.Client().GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Network security perimeters - NspPortal", document.Title);
        Assert.NotNull(document.QuerySelector("header.topbar input#global-search"));
        Assert.Equal("page", document.QuerySelector("nav.leftnav a[href='" + Url + "']")!.GetAttribute("aria-current"));
        Assert.Equal("Network security perimeters", document.QuerySelector("h1#blade-title")!.TextContent);
        Assert.NotNull(document.QuerySelector(".commandbar a[href='/create/Microsoft.Network/networkSecurityPerimeters']"));
        var names = document.QuerySelectorAll("#perimeter-grid tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["nsp-contoso-dev", "nsp-contoso-prod"], names);
        Assert.Contains("HX-Request", response.Headers.Vary);
    }

    [Fact]
    public async Task AnHtmxRequestForTheGridGetsOnlyTheGridFragment()
    {
        var response = await portal.HtmxClient("perimeter-grid").GetAsync(Url + "?filter=DEV");
        var html = await response.Content.ReadAsStringAsync();
        var fragment = Html.ParseFragment(html);

        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(fragment.QuerySelector("header.topbar"));
        Assert.Null(fragment.QuerySelector("form.filterbar"));
        var rows = fragment.QuerySelectorAll("table.grid tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal("nsp-contoso-dev", row.QuerySelector("td")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheFragmentIsTheSameMarkupAsTheGridInsideTheFullPage()
    {
        var full = Html.Parse(await portal.Client().GetStringAsync(Url + "?sort=location"));
        var fragment = await portal.HtmxClient("perimeter-grid").GetStringAsync(Url + "?sort=location");

        Html.AssertEquivalent(full.QuerySelector("#perimeter-grid")!.InnerHtml, fragment);
    }

    [Fact]
    public async Task FiltersBySubscription()
    {
        var fragment = Html.ParseFragment(await portal.HtmxClient("perimeter-grid")
            .GetStringAsync($"{Url}?subscription={NspPortal.Data.Seeding.DemoTenant.Production}"));

        var names = fragment.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["nsp-contoso-prod"], names);
    }

    [Fact]
    public async Task SortsDescendingByAssociatedResources()
    {
        var fragment = Html.ParseFragment(await portal.HtmxClient("perimeter-grid").GetStringAsync($"{Url}?sort=associations&desc=true"));

        var counts = fragment.QuerySelectorAll("tbody tr td:last-child").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([6, 3], counts);
        Assert.Equal("descending", fragment.QuerySelector("th[aria-sort='descending']")?.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task WorksWithoutJavaScriptThroughAPlainGetForm()
    {
        var document = Html.Parse(await portal.Client().GetStringAsync(Url));
        var form = document.QuerySelector("form.filterbar")!;

        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(Url, form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("label[for='perimeter-filter']"));
        Assert.NotNull(form.QuerySelector("label[for='subscription-filter']"));
        Assert.Contains("<button type=\"submit\"", form.QuerySelector("noscript")!.InnerHtml, StringComparison.Ordinal);
    }
}
