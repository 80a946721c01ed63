using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;
using static NspPortal.Web.Tests.Features.Perimeters.BladeTestClient;

namespace NspPortal.Web.Tests.Features.Perimeters;

/// <summary>The Overview: Essentials and counts, and Delete (type the name; force deletion with associations).</summary>
public class PerimeterOverviewTests : IAsyncLifetime
{
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task EssentialsAndCountsDescribeThePerimeter()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var page = Html.Parse(await client.GetStringAsync(Prod + "/overview"));

        var essentials = page.QuerySelectorAll(".essentials dt").Zip(page.QuerySelectorAll(".essentials dd"),
            (dt, dd) => (dt.TextContent.Trim(), dd.QuerySelectorAll(".tag").Length > 0 ? string.Join(" ", dd.QuerySelectorAll(".tag").Select(t => t.TextContent)) : dd.TextContent.Trim())).ToList();
        Assert.Equal(
            [("Resource group", "rg-prod-network"), ("Location", "East US 2"), ("Subscription", "Contoso Production"), ("Subscription ID", DemoTenant.Production.ToString()),
             ("Perimeter GUID", "4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b"), ("Provisioning state", "Succeeded"), ("Tags (edit)", "environment : production owner : network-security")],
            essentials.Select(e => (e.Item1, System.Text.RegularExpressions.Regex.Replace(e.Item2, @"\s+", " "))));
        var tiles = page.QuerySelectorAll(".tiles .tile").Select(t => (t.QuerySelector(".muted")!.TextContent, t.QuerySelector(".value")!.TextContent)).ToList();
        Assert.Equal([("Profiles", "2"), ("Access rules", "4"), ("Associated resources", "6"), ("Links", "0"), ("Transition (Learning)", "4"), ("Enforced", "2"), ("Audit", "0")], tiles);
        var profiles = page.QuerySelectorAll("table[aria-label=Profiles] tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent))).ToList();
        Assert.Equal(["defaultProfile|2|1|5", "monitoring|1|0|1"], profiles);
        Assert.Equal(3, page.QuerySelectorAll(".get-started .card").Length);
        // A reader sees Delete disabled.
        Assert.NotNull(page.QuerySelector(".commandbar span.cmd[aria-disabled=true]"));
    }

    [Fact]
    public async Task DeleteNeedsTheNameTypedAndKeepsWhatWasTyped()
    {
        var client = await HtmxAsync(factory, "perimeter-delete");
        var pane = Html.Parse(await client.GetStringAsync(Prod + "/overview?pane=delete"));
        var etag = pane.QuerySelector("#perimeter-delete input[name=etag]")!.GetAttribute("value")!;

        var response = await client.PostAsync(Prod + "/delete", Form(("etag", etag), ("confirmName", "nsp-contoso"), ("force", "true")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = await FragmentAsync(response);
        Assert.Equal("nsp-contoso", fragment.QuerySelector("#delete-confirm-name")!.GetAttribute("value"));
        Assert.Equal("true", fragment.QuerySelector("#delete-confirm-name")!.GetAttribute("aria-invalid"));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Perimeters.AnyAsync(p => p.Name == "nsp-contoso-prod"));
    }

    [Fact]
    public async Task DeleteWithAssociationsIsRefusedUntilForcedThenGoesToTheList()
    {
        var client = await HtmxAsync(factory, "perimeter-delete");
        var pane = Html.Parse(await client.GetStringAsync(Prod + "/overview?pane=delete"));
        Assert.Contains("6 resources are still associated", pane.QuerySelector("#perimeter-delete")!.TextContent, StringComparison.Ordinal);
        var etag = pane.QuerySelector("#perimeter-delete input[name=etag]")!.GetAttribute("value")!;

        var refused = await client.PostAsync(Prod + "/delete", Form(("etag", etag), ("confirmName", "nsp-contoso-prod")));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("forceDeletion", (await FragmentAsync(refused)).QuerySelector(".messagebar")!.TextContent, StringComparison.Ordinal);

        var forced = await client.PostAsync(Prod + "/delete", Form(("etag", etag), ("confirmName", "nsp-contoso-prod"), ("force", "true")));

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal("/browse/Microsoft.Network/networkSecurityPerimeters", forced.Headers.GetValues("HX-Redirect").Single());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Perimeters.AnyAsync(p => p.Name == "nsp-contoso-prod"));
        Assert.True(await db.PaasResources.AnyAsync(r => r.Name == "sql-contoso-orders"));
    }

    [Fact]
    public async Task DeleteAfterSomeoneElsesChangeIsRefused()
    {
        var client = await HtmxAsync(factory, "perimeter-delete");
        var pane = Html.Parse(await client.GetStringAsync(Dev + "/overview?pane=delete"));
        var etag = pane.QuerySelector("#perimeter-delete input[name=etag]")!.GetAttribute("value")!;
        var api = factory.CreateApiClient();
        Assert.True((await api.PatchAsync($"{Dev["/resource".Length..]}?api-version=2025-05-01",
            new StringContent("""{"tags":{"changed":"yes"}}""", System.Text.Encoding.UTF8, "application/json"))).IsSuccessStatusCode);

        var response = await client.PostAsync(Dev + "/delete", Form(("etag", etag), ("confirmName", "nsp-contoso-dev"), ("force", "true")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var fragment = await FragmentAsync(response);
        Assert.Contains("Someone else changed this perimeter", fragment.QuerySelector(".messagebar.warning")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(etag, fragment.QuerySelector("input[name=etag]")!.GetAttribute("value"));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Perimeters.AnyAsync(p => p.Name == "nsp-contoso-dev"));
    }

    [Theory]
    [InlineData("properties", "nsp-contoso-prod | Properties")]
    [InlineData("locks", "nsp-contoso-prod | Locks")]
    [InlineData("activitylog", "nsp-contoso-prod | Activity log")]
    [InlineData("iam", "nsp-contoso-prod | Access control (IAM)")]
    [InlineData("exportTemplate", "nsp-contoso-prod | Export template")]
    [InlineData("links", "nsp-contoso-prod | Links")]
    [InlineData("linkReferences", "nsp-contoso-prod | Link references")]
    [InlineData("diagnosticSettings", "nsp-contoso-prod | Diagnostic settings")]
    public async Task EveryBladeOfTheMenuHasAPage(string key, string title)
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var response = await client.GetAsync($"{Prod}/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("page", page.QuerySelector($".resource-menu a[href$='/{key}']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task AMissingPerimetersBladesAnswerNotFound()
    {
        var client = await factory.CreateSignedInClientAsync();

        var response = await client.GetAsync(Prod.Replace("nsp-contoso-prod", "nsp-gone", StringComparison.Ordinal) + "/associatedResources");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This perimeter does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PropertiesLocksActivityAndAccessControlSayWhatTheyShould()
    {
        var client = await factory.CreateSignedInClientAsync();
        var tags = await HtmxAsync(factory, "tags-editor");
        var etag = Html.Parse(await tags.GetStringAsync(Prod + "/tags")).QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, (await tags.PostAsync(Prod + "/tags/apply", Form(("etag", etag), ("name", "team"), ("value", "blue")))).StatusCode);

        var properties = Html.Parse(await client.GetStringAsync(Prod + "/properties"));
        Assert.Equal(Prod["/resource".Length..], properties.QuerySelector("#prop-id")!.GetAttribute("value"));
        Assert.Equal("4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b", properties.QuerySelector("#prop-guid")!.GetAttribute("value"));
        Assert.NotNull(properties.QuerySelector("button[data-action=copy][data-copy-target=prop-id]"));

        var locks = Html.Parse(await client.GetStringAsync(Prod + "/locks"));
        Assert.Equal("Locks are not supported yet", locks.QuerySelector(".empty-state h2")!.TextContent);

        var activity = Html.Parse(await client.GetStringAsync(Prod + "/activitylog"));
        var rows = activity.QuerySelectorAll("table[aria-label='Activity log'] tbody tr");
        Assert.Contains("Create or Update Network Security Perimeter", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(PortalFactory.OwnerEmail, rows[0].TextContent, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.StartsWith(Prod["/resource".Length..], r.QuerySelector("td span[title]")!.GetAttribute("title"), StringComparison.OrdinalIgnoreCase));
        var devActivity = Html.Parse(await client.GetStringAsync(Dev + "/activitylog"));
        Assert.All(devActivity.QuerySelectorAll("table[aria-label='Activity log'] tbody tr td span[title]"),
            t => Assert.StartsWith(Dev["/resource".Length..], t.GetAttribute("title"), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(PortalFactory.OwnerEmail, devActivity.QuerySelector(".blade-body")!.TextContent, StringComparison.Ordinal);

        var iam = Html.Parse(await client.GetStringAsync(Prod + "/iam"));
        Assert.Equal("Owner", iam.QuerySelector("#my-access")!.TextContent);
        Assert.Contains(PortalFactory.OwnerEmail, iam.QuerySelector("table[aria-label='Role assignments']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/access-control?scope=%2Fsubscriptions%2F{DemoTenant.Production}&panel=add", iam.QuerySelector(".commandbar a.cmd")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("arm", "application/json", "nsp-contoso-prod.json", "\"Microsoft.Network/networkSecurityPerimeters\"")]
    [InlineData("bicep", "text/plain", "nsp-contoso-prod.bicep", "resource ")]
    [InlineData("terraform", "text/plain", "nsp-contoso-prod.tf", "azurerm_network_security_perimeter")]
    public async Task ExportTemplateShowsAndDownloadsEachFormat(string format, string type, string file, string contains)
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var page = Html.Parse(await client.GetStringAsync($"{Prod}/exportTemplate?format={format}"));
        var download = await client.GetAsync($"{Prod}/exportTemplate/download?format={format}");

        Assert.Contains(contains, page.QuerySelector("#template-code")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("page", page.QuerySelector($".tabs a[href$='format={format}']")!.GetAttribute("aria-current"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(type, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(file, download.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(page.QuerySelector("#template-code")!.TextContent.Trim(), (await download.Content.ReadAsStringAsync()).Trim());
    }
}
