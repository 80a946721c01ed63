using System.Net;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Evaluation;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Transition;

/// <summary>Monitoring › Logs: the perimeter's rows with filters, keyset paging, the htmx fragment and the CSV export;
/// the troubleshooter from a row and from typed fields. Logs need the Troubleshoot permission.</summary>
public class LogsPageTests : IAsyncLifetime
{
    private static readonly string Perimeter = $"/resource/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
    private static readonly string Logs = Perimeter + "/logs";
    private PortalFactory factory = null!;
    private HttpClient troubleshooter = null!;

    public async Task InitializeAsync()
    {
        factory = await PortalFactory.CreateAsync();
        await TrafficSeed.StorageOrdersAsync(factory);
        troubleshooter = await factory.CreateSignedInClientAsync(NspRole.Troubleshooter, NspScope.Subscription(DemoTenant.Production));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task ATroubleshooterReadsTheRowsNewestFirstWithWouldBeDeniedMarked()
    {
        var page = Html.Parse(await troubleshooter.GetStringAsync(Logs));

        var rows = page.QuerySelectorAll("table.logs-grid tbody tr").ToList();
        Assert.Equal(["52.1.2.3", "198.51.100.200", "", "203.0.113.9", "198.51.100.9", "198.51.100.7"], rows.Select(r => r.Children[11].TextContent).ToArray());
        Assert.Equal([true, true, true, false, true, true], rows.Select(r => r.ClassList.Contains("would-be-denied")).ToArray());
        Assert.Equal("api.other.example", rows[2].Children[13].TextContent);
        Assert.Null(page.QuerySelector(".pager a"));
    }

    [Theory]
    [InlineData("source=198.51.100.0%2F24", new[] { "198.51.100.200", "198.51.100.9", "198.51.100.7" })]
    [InlineData("source=198.51.100.9", new[] { "198.51.100.9" })]
    [InlineData("category=NspPublicInboundPerimeterRulesAllowed", new[] { "203.0.113.9" })]
    [InlineData("fqdn=API.other.example", new[] { "" })]
    [InlineData("result=Denied", new string[0])]
    [InlineData("range=1h", new string[0])]
    public async Task FiltersNarrowTheRows(string filter, string[] sources)
    {
        var page = Html.Parse(await troubleshooter.GetStringAsync(Logs + "?" + filter));

        Assert.Equal(sources, page.QuerySelectorAll("table.logs-grid tbody tr").Select(r => r.Children[11].TextContent).ToArray());
    }

    [Fact]
    public async Task ABadPrefixIsExplainedNextToTheFieldAndNothingIsSearched()
    {
        var page = Html.Parse(await troubleshooter.GetStringAsync(Logs + "?source=198.51.100.7%2F24"));

        Assert.Equal("true", page.QuerySelector("#logs-source")!.GetAttribute("aria-invalid"));
        Assert.Equal("198.51.100.7/24 has host bits set; did you mean 198.51.100.0/24?", page.QuerySelector("#logs-source-error")!.TextContent);
        Assert.Null(page.QuerySelector("table.logs-grid"));
    }

    [Fact]
    public async Task TheFragmentIsOnlyTheGridAndPagesByKeyset()
    {
        await using (var db = factory.CreateDbContext())
        {
            var seed = await TrafficSeed.ForAsync(db, "nsp-contoso-prod");
            for (var i = 0; i < 55; i++)
            {
                seed.Inbound("evhns-contoso-telemetry", NspLogCategory.NspPublicInboundPerimeterRulesAllowed, DateTime.UtcNow.AddMinutes(-10 - i), $"203.0.113.{i + 1}");
            }

            await seed.SaveAsync(db);
        }

        var client = await factory.CreateSignedInClientAsync(NspRole.Troubleshooter, NspScope.Subscription(DemoTenant.Production));
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        client.DefaultRequestHeaders.Add("HX-Target", "logs-grid");
        var first = Html.ParseFragment(await client.GetStringAsync(Logs + "?category=NspPublicInboundPerimeterRulesAllowed"));
        Assert.Null(first.QuerySelector(".resource-menu"));
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        var older = first.QuerySelector(".pager a")!.GetAttribute("href")!;

        var second = Html.ParseFragment(await client.GetStringAsync(older));

        Assert.Equal(["203.0.113.51", "203.0.113.52", "203.0.113.53", "203.0.113.54", "203.0.113.55", "203.0.113.9"],
            second.QuerySelectorAll("tbody tr").Select(r => r.Children[11].TextContent).ToArray());
        Assert.Equal("Newest rows", second.QuerySelector(".pager a")!.TextContent);
    }

    [Fact]
    public async Task TheCsvExportHasTheNspAccessLogsColumnsAndEveryMatchingRow()
    {
        var response = await troubleshooter.GetAsync(Logs + "/export.csv?source=198.51.100.0%2F24");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TimeGenerated,TimeGeneratedEndTime,Count,Category,Location,OperationName,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        var sas = lines[1].Split(',');
        Assert.Equal(("4", "NspPublicInboundResourceRulesAllowed", "\"{\"\"accessRule\"\":\"\"IP firewall\"\"}\"", "198.51.100.200", "auth: SAS"),
            (sas[2], sas[3], sas[9], sas[19], sas[25]));
    }

    [Fact]
    public async Task AReaderMayNotReadLogs()
    {
        var reader = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production), allowAutoRedirect: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Logs)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Logs + "/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Perimeter + "/troubleshoot")).StatusCode);
    }

    [Fact]
    public async Task TheTroubleshooterExplainsALoggedRowAgainstTheCurrentConfigurationAndSaysSo()
    {
        var logs = Html.Parse(await troubleshooter.GetStringAsync(Logs + "?source=52.1.2.3"));
        var why = logs.QuerySelector("table.logs-grid tbody tr a")!.GetAttribute("href")!;

        var page = Html.Parse(await troubleshooter.GetStringAsync(why));

        Assert.Contains("No configuration version of this perimeter was recorded", page.QuerySelector(".messagebar.warning")!.TextContent, StringComparison.Ordinal);
        var tiles = page.QuerySelectorAll(".tile div:last-child").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Allowed", "NspPublicInboundResourceRulesAllowed", "Trusted services", "Public", "Transition (Learning)"], tiles);
        Assert.Contains("TrustedServices", page.QuerySelector("ol.trace")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("52.1.2.3", page.QuerySelector("#ts-source-ip")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheTroubleshooterExplainsTypedFieldsAndNamesABadField()
    {
        var resource = $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoorders";
        var page = Html.Parse(await troubleshooter.GetStringAsync(Perimeter + "/troubleshoot?direction=Inbound&resource=" + Uri.EscapeDataString(resource) + "&sourceIp=203.0.113.9"));

        Assert.Equal(["Allowed", "NspPublicInboundPerimeterRulesAllowed", "allow-corp-network"], page.QuerySelectorAll(".tile div:last-child").Take(3).Select(t => t.TextContent.Trim()).ToArray());
        Assert.Equal("Evaluated against the current configuration.", page.QuerySelector(".messagebar.info")!.TextContent.Trim());

        var bad = Html.Parse(await troubleshooter.GetStringAsync(Perimeter + "/troubleshoot?resource=" + Uri.EscapeDataString(resource) + "&sourceIp=300.1.1.1"));
        Assert.Equal("true", bad.QuerySelector("#ts-source-ip")!.GetAttribute("aria-invalid"));
        Assert.NotNull(bad.QuerySelector("#ts-source-ip ~ .field-error"));
        Assert.Null(bad.QuerySelector("ol.trace"));
    }
}
