using System.Net;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Shell;

public class ShellTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task UnknownAddressesGetTheNotFoundBladeWithStatus404()
    {
        var response = await portal.Client().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Not found", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ServesTheBundledScriptsStylesAndIcons()
    {
        var client = portal.Client();
        var document = Html.Parse(await client.GetStringAsync("/"));
        var assets = new[]
        {
            document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!,
            document.QuerySelector("script[type=module]")!.GetAttribute("src")!,
            document.QuerySelector("svg use")!.GetAttribute("href")!.Split('#')[0],
        };

        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, asset);
        }
    }

    [Fact]
    public async Task EveryPageCarriesTheAntiforgeryTokenForHtmxAndNoInlineScript()
    {
        var document = Html.Parse(await portal.Client().GetStringAsync("/"));

        Assert.Contains("RequestVerificationToken", document.Body!.GetAttribute("hx-headers"), StringComparison.Ordinal);
        Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "inline script found"));
    }

    [Fact]
    public async Task ThePerimeterOverviewShowsEssentials()
    {
        var prod = NspPortal.Data.Seeding.DemoTenant.Production;
        var document = Html.Parse(await portal.Client().GetStringAsync(
            $"/resource/subscriptions/{prod}/resourceGroups/RG-PROD-NETWORK/providers/Microsoft.Network/networkSecurityPerimeters/NSP-CONTOSO-PROD/overview"));

        Assert.Equal("nsp-contoso-prod", document.QuerySelector("h1")!.TextContent);
        var essentials = document.QuerySelector(".essentials")!.TextContent;
        Assert.Contains("4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b", essentials, StringComparison.Ordinal);
        Assert.Contains("East US 2", essentials, StringComparison.Ordinal);
        Assert.Equal(["defaultProfile", "monitoring"], document.QuerySelectorAll("table.grid[aria-label=Profiles] tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        var associations = document.QuerySelectorAll(".tiles .tile").Single(t => t.QuerySelector(".muted")!.TextContent == "Associated resources");
        Assert.Equal("6", associations.QuerySelector(".value")!.TextContent.Trim());
    }

    [Fact]
    public async Task AMissingPerimeterIsA404ThatNamesWhatWasMissing()
    {
        var response = await portal.Client().GetAsync(
            $"/resource/subscriptions/{Guid.NewGuid()}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp-gone/overview");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is no network security perimeter 'nsp-gone'", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }
}
