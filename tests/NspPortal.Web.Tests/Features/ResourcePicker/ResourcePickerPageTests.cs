using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.ResourcePicker;

/// <summary>The picker's list endpoint (<c>GET /pickers/resources</c>), as the pane's htmx requests call it.</summary>
public class ResourcePickerPageTests : IAsyncLifetime
{
    private const string Target = "resource-picker-results";
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static string Id(Guid subscription, string group, string type, string name) => ArmIds.Resource(subscription, group, type, name);

    private async Task<AngleSharp.Dom.IElement> ListAsync(string query, HttpClient? client = null)
    {
        client ??= await factory.CreateSignedInClientAsync(NspRole.Owner);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pickers/resources" + query);
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", Target);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        return Html.ParseFragment(body);
    }

    private static List<string> Names(AngleSharp.Dom.IElement list) => [.. list.QuerySelectorAll("tbody tr label").Select(l => l.TextContent)];

    [Fact]
    public async Task ListsTheAssociableResourcesWithTheirCurrentPerimeter()
    {
        var list = await ListAsync("");

        Assert.Equal(["cosmos-contoso-catalog", "evhns-contoso-telemetry", "kv-contoso-dev", "kv-contoso-prod", "log-contoso-prod", "oai-contoso-dev",
            "sql-contoso-dev", "sql-contoso-orders", "srch-contoso-catalog", "stcontosoaudit", "stcontosodev", "stcontosoorders"], Names(list));
        var audit = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("label")!.TextContent == "stcontosoaudit");
        Assert.False(audit.QuerySelector("input[type=checkbox]")!.HasAttribute("disabled"));
        Assert.Equal("None", audit.QuerySelectorAll("td")[6].TextContent.Trim());
        var orders = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("label")!.TextContent == "sql-contoso-orders");
        Assert.True(orders.QuerySelector("input[type=checkbox]")!.HasAttribute("disabled"));
        Assert.Equal("Already in nsp-contoso-prod: a resource belongs to one perimeter at a time.", orders.QuerySelector(".picker-taken")!.TextContent);
        Assert.Equal("Showing 1 to 12 of 12 resources.", list.QuerySelector(".grid-summary")!.TextContent);
    }

    [Fact]
    public async Task FiltersBySubscriptionTypeAndNameTogether()
    {
        var list = await ListAsync($"?picker.subscription={DemoTenant.Production}&picker.type=Microsoft.Storage%2FstorageAccounts&picker.name=AUDIT");

        Assert.Equal(["stcontosoaudit"], Names(list));
        Assert.Equal(["sql-contoso-dev", "sql-contoso-orders"], Names(await ListAsync("?picker.type=microsoft.sql%2Fservers")));
        Assert.Equal(["kv-contoso-dev", "oai-contoso-dev", "sql-contoso-dev", "stcontosodev"], Names(await ListAsync($"?picker.subscription={DemoTenant.Development}")));
    }

    [Fact]
    public async Task LeavesOutWhatTheHostExcludesAndKeepsTheTickedOnesTicked()
    {
        var audit = Id(DemoTenant.Production, "rg-prod-data", "Microsoft.Storage/storageAccounts", "stcontosoaudit");
        var search = Id(DemoTenant.Production, "rg-prod-data", "Microsoft.Search/searchServices", "srch-contoso-catalog");

        var list = await ListAsync($"?picker.name=contoso&picker.exclude={Uri.EscapeDataString(audit.ToUpperInvariant())}&picker.selected={Uri.EscapeDataString(search)}");

        Assert.DoesNotContain("stcontosoaudit", Names(list));
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("label")!.TextContent == "srch-contoso-catalog");
        Assert.True(row.QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        Assert.Equal("1 selected", list.QuerySelectorAll(".grid-summary")[1].TextContent);
    }

    [Fact]
    public async Task PagesThroughThousandsOfResourcesTwentyAtATime()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Owner); // starts the portal: migrated and seeded
        await using (var db = factory.CreateDbContext())
        {
            var group = await db.ResourceGroups.SingleAsync(g => g.Name == "rg-dev-apps");
            for (var i = 0; i < 2500; i++)
            {
                var name = $"stbulk{i:D5}";
                db.PaasResources.Add(new PaasResourceEntity
                {
                    Name = name,
                    ResourceGroupId = group.Id,
                    ResourceType = "Microsoft.Storage/storageAccounts",
                    ResourceIdKey = Id(group.SubscriptionId, group.Name, "Microsoft.Storage/storageAccounts", name).ToUpperInvariant(),
                    Location = "westeurope",
                });
            }

            await db.SaveChangesAsync();
        }

        var first = await ListAsync("?picker.name=stbulk", client);
        Assert.Equal(20, Names(first).Count);
        Assert.Equal("stbulk00000", Names(first)[0]);
        Assert.Equal("Showing 1 to 20 of 2500 resources.", first.QuerySelector(".grid-summary")!.TextContent);
        Assert.Equal("Page 1 of 125", first.QuerySelector("nav.pager span")!.TextContent);

        var page = await ListAsync("?picker.name=stbulk&picker.page=63", client);
        Assert.Equal("stbulk01240", Names(page)[0]);
        Assert.Equal(["62", "64"], page.QuerySelectorAll("nav.pager button").Select(b => b.GetAttribute("value")));

        var beyond = await ListAsync("?picker.name=stbulk&picker.page=99999999", client);
        Assert.Equal("Page 125 of 125", beyond.QuerySelector("nav.pager span")!.TextContent);
        Assert.Equal("stbulk02480", Names(beyond)[0]);
    }

    [Fact]
    public async Task AReaderOfOneSubscriptionSeesOnlyItsResources()
    {
        var reader = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Development));

        var list = await ListAsync("", reader);

        Assert.Equal(["kv-contoso-dev", "oai-contoso-dev", "sql-contoso-dev", "stcontosodev"], Names(list));
        var other = await ListAsync($"?picker.subscription={DemoTenant.Production}", reader);
        Assert.Empty(Names(other));
    }

    [Fact]
    public async Task JunkInTheQueryStringIsIgnoredNotAnError()
    {
        var list = await ListAsync("?picker.subscription=not-a-guid&picker.page=-3&picker.type=" + new string('x', 5000));

        Assert.Equal(12, Names(list).Count);
    }

    [Fact]
    public async Task APlainGetShowsTheListInAPage()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var page = Html.Parse(await client.GetStringAsync("/pickers/resources?picker.name=stcontosoaudit"));

        Assert.Equal("Select resources", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["stcontosoaudit"], page.QuerySelectorAll("#resource-picker-results tbody label").Select(l => l.TextContent));
    }
}
