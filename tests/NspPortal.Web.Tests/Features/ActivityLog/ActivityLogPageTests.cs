using System.Net;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;
using NspPortal.Web.Tests.Arm;

namespace NspPortal.Web.Tests.Features.ActivityLog;

public class ActivityLogPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Url = "/activitylog";

    [Fact]
    public async Task APlainGetRendersTheWholePortalPageWithTheGrid()
    {
        var response = await portal.Client().GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Activity log - NspPortal", document.Title);
        Assert.NotNull(document.QuerySelector("header.topbar"));
        Assert.Equal("page", document.QuerySelector("nav.leftnav a[href='/activitylog']")!.GetAttribute("aria-current"));
        Assert.NotEmpty(document.QuerySelectorAll("#activity-grid tbody tr"));
        Assert.Equal("get", document.QuerySelector("form.filterbar")!.GetAttribute("method"));
    }

    [Fact]
    public async Task TheFragmentIsTheSameMarkupAsTheGridInsideTheFullPage()
    {
        var url = $"{Url}?subscription={DemoTenant.Development}";
        var full = Html.Parse(await portal.Client().GetStringAsync(url));
        var fragment = await portal.HtmxClient("activity-grid").GetStringAsync(url);

        Assert.DoesNotContain("<html", fragment, StringComparison.OrdinalIgnoreCase);
        Html.AssertEquivalent(full.QuerySelector("#activity-grid")!.InnerHtml, fragment);
    }

    [Fact]
    public async Task FiltersBySubscriptionAndShowsWritesMadeThroughTheApi()
    {
        using var api = portal.Factory.CreateArmClient();
        var perimeter = Api.Perimeter(DemoTenant.Development, "nsp-activity-test", "rg-dev-apps");
        (await api.PutJsonAsync(perimeter, """{"location":"westeurope"}""")).EnsureSuccessStatusCode();

        var fragment = Html.ParseFragment(await portal.HtmxClient("activity-grid").GetStringAsync($"{Url}?subscription={DemoTenant.Development}"));

        var rows = fragment.QuerySelectorAll("tbody tr").ToList();
        Assert.All(rows, r => Assert.Equal("Contoso Development", r.Children[4].TextContent));
        var created = rows.First(r => r.Children[3].TextContent == "nsp-activity-test");
        Assert.Equal("Create or Update Network Security Perimeter", created.Children[0].TextContent.Trim());
        Assert.Equal("bootstrap-token", created.Children[5].TextContent);
    }

    [Fact]
    public async Task TheDetailsShowTheResourceBeforeAndAfter()
    {
        using var api = portal.Factory.CreateArmClient();
        var perimeter = Api.Perimeter(DemoTenant.Development, "nsp-details-test", "rg-dev-apps");
        (await api.PutJsonAsync(perimeter, """{"location":"westeurope","tags":{"stage":"one"}}""")).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(perimeter, """{"location":"westeurope","tags":{"stage":"two"}}""")).EnsureSuccessStatusCode();
        Guid id;
        await using (var db = portal.Factory.CreateDbContext())
        {
            var key = perimeter.ToUpperInvariant();
            id = db.ActivityLog.Where(e => e.ResourceIdKey == key && e.Before != null).Select(e => e.Id).Single();
        }

        var document = Html.Parse(await portal.Client().GetStringAsync($"{Url}/{id}"));

        Assert.Equal("Create or Update Network Security Perimeter", document.QuerySelector("h1#blade-title")!.TextContent);
        Assert.Contains("\"stage\": \"one\"", document.QuerySelector("#before-json")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"stage\": \"two\"", document.QuerySelector("#after-json")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(perimeter, document.QuerySelectorAll(".essentials dd.mono")[1].TextContent);
    }

    [Fact]
    public async Task AnUnknownEntryIsNotFound()
    {
        var response = await portal.Client().GetAsync($"{Url}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This entry does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
