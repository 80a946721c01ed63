using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Traffic;

/// <summary>Importing traffic logs from the UI (upload, progress, result) and the API, and the live decision point.</summary>
public class TrafficImportTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Api = "?api-version=2025-05-01";
    private static readonly string StOrders = $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoorders";

    /// <summary>A CSV as Log Analytics exports it, with rows nobody else imports (a unique minute of a unique day).</summary>
    private static string Csv(int rows, string? broken = null)
    {
        var day = DateTime.UtcNow.Date.AddDays(-2).AddMinutes(Random.Shared.Next(0, 1400));
        var text = new StringBuilder("TimeGenerated [UTC],Category,Count,ServiceResourceId,SourceIpAddress,MatchedRule\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(day.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture))
                .Append($",NspPublicInboundResourceRulesAllowed,{i % 4 + 1},{StOrders},198.51.100.{i % 200},\"{{\"\"accessRule\"\":\"\"IP firewall\"\"}}\"\n");
        }

        if (broken is not null)
        {
            text.Append(broken).Append('\n');
        }

        return text.ToString();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string content, bool skipInvalid = false, string name = "NSPAccessLogs.csv")
    {
        var token = await client.AntiforgeryTokenAsync("/traffic/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name },
        };
        if (skipInvalid)
        {
            form.Add(new StringContent("true"), "skipInvalid");
        }

        return await client.PostAsync("/traffic/import", form);
    }

    private async Task<AngleSharp.Dom.IElement> FinishedStatusAsync(string statusUrl)
    {
        var htmx = portal.HtmxClient("import-status");
        for (var i = 0; i < 100; i++)
        {
            var fragment = Html.ParseFragment(await htmx.GetStringAsync(statusUrl));
            var status = fragment.QuerySelector("#import-status")!;
            if (status.GetAttribute("hx-trigger") is null)
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task TheImportPageOffersAFileUploadWithAntiforgery()
    {
        var page = Html.Parse(await portal.Client().GetStringAsync("/traffic/import"));

        var form = page.QuerySelector("form[action='/traffic/import']")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(form.QuerySelector("input[type=file][name=file][required]"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=skipInvalid]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Import traffic logs", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnUploadRunsInTheBackgroundAndItsStatusShowsTheCounts()
    {
        var client = portal.Client(allowAutoRedirect: false);
        var csv = Csv(250);

        var response = await UploadAsync(client, csv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var statusUrl = Html.RedirectTarget(response);
        Assert.StartsWith("/traffic/import/", statusUrl, StringComparison.Ordinal);
        var status = await FinishedStatusAsync(statusUrl);
        Assert.Equal("250", status.QuerySelector("[data-count=imported]")!.TextContent);
        Assert.Equal("0", status.QuerySelector("[data-count=rejected]")!.TextContent);
        Assert.Equal("100", status.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Contains("Imported 250 record(s) from NSPAccessLogs.csv (Csv).", status.TextContent, StringComparison.Ordinal);
        // The full page wraps the same panel in the blade.
        var page = Html.Parse(await portal.Client().GetStringAsync(statusUrl));
        Assert.NotNull(page.QuerySelector(".blade #import-status"));

        // Again: nothing new.
        var again = await FinishedStatusAsync(Html.RedirectTarget(await UploadAsync(client, csv)));
        Assert.Equal(("0", "250"), (again.QuerySelector("[data-count=imported]")!.TextContent, again.QuerySelector("[data-count=duplicates]")!.TextContent));
    }

    [Fact]
    public async Task RefusedLinesAreListedWithTheirLineNumbers()
    {
        var client = portal.Client(allowAutoRedirect: false);
        var csv = Csv(20, broken: "yesterday,NspOutboundAttempt,1,,,");

        var status = await FinishedStatusAsync(Html.RedirectTarget(await UploadAsync(client, csv)));

        Assert.Equal("0", status.QuerySelector("[data-count=imported]")!.TextContent);
        Assert.Contains("nothing was imported", status.TextContent, StringComparison.Ordinal);
        var row = status.QuerySelector("table[aria-label='Refused lines'] tbody tr")!;
        Assert.Equal("22", row.QuerySelector("td")!.TextContent);
        Assert.Contains("TimeGenerated 'yesterday' is not a UTC timestamp", row.TextContent, StringComparison.Ordinal);

        var skipped = await FinishedStatusAsync(Html.RedirectTarget(await UploadAsync(client, csv, skipInvalid: true)));
        Assert.Equal(("20", "1"), (skipped.QuerySelector("[data-count=imported]")!.TextContent, skipped.QuerySelector("[data-count=rejected]")!.TextContent));
    }

    [Fact]
    public async Task AnEmptyUploadIsRefused()
    {
        var response = await UploadAsync(portal.Client(allowAutoRedirect: false), "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the file was empty or missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiImportsALogFileAndAnswersTheCounts()
    {
        var api = portal.Factory.CreateApiClient();
        var csv = Csv(30);

        var response = await api.PostAsync("/providers/NspPortal.Traffic/importLogs" + Api + "&fileName=export.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"imported":30,"rejected":0,"duplicates":0,"errors":[]}""", await response.Content.ReadAsStringAsync());

        var invalid = await api.PostAsync("/providers/NspPortal.Traffic/importLogs" + Api, new StringContent(Csv(3, broken: "2026-01-01T00:00:00Z,NspNothing,1,,,"), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var error = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("InvalidLogRecords", (string?)error["code"]);
        Assert.Equal("line 5", (string?)error["details"]![0]!["target"]);
    }

    [Fact]
    public async Task TheLiveDecisionPointAnswersAndAppendsTheRecordAzureWouldWrite()
    {
        var api = portal.Factory.CreateApiClient();
        var body = "{\"id\":\"r1\",\"direction\":\"Inbound\",\"resourceId\":\"" + StOrders + "\",\"source\":{\"ipAddress\":\"203.0.113.9\"}}";
        await using var before = portal.Factory.CreateDbContext();
        var rows = await before.TrafficLogs.CountAsync();

        var response = await api.PostAsync("/providers/NspPortal.Traffic/evaluate" + Api, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("r1", (string?)answer["decision"]!["id"]);
        Assert.Equal("Allowed", (string?)answer["decision"]!["result"]);
        Assert.Equal("allow-corp-network", (string?)answer["decision"]!["matchedRule"]);
        var record = answer["logRecord"]!;
        Assert.Equal("NspPublicInboundPerimeterRulesAllowed", (string?)record["category"]);
        Assert.Equal("203.0.113.9", (string?)record["properties"]!["source"]!["ipAddress"]);
        Assert.EndsWith("/NETWORKSECURITYPERIMETERS/NSP-CONTOSO-PROD", (string?)record["resourceId"], StringComparison.Ordinal);
        await using var after = portal.Factory.CreateDbContext();
        Assert.Equal(rows + 1, await after.TrafficLogs.CountAsync());
        var stored = await after.TrafficLogs.OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal((NspLogCategory.NspPublicInboundPerimeterRulesAllowed, "203.0.113.9"), (stored.Category, stored.SourceIpAddress));
        Assert.NotNull(stored.AssociationId);
        Assert.True(await after.TrafficRollups.AnyAsync(r => r.AssociationId == stored.AssociationId && r.Granularity == RollupGranularity.Hour
            && r.BucketStart == new DateTime(stored.TimeGenerated.Year, stored.TimeGenerated.Month, stored.TimeGenerated.Day, stored.TimeGenerated.Hour, 0, 0, DateTimeKind.Utc)));

        var bad = await api.PostAsync("/providers/NspPortal.Traffic/evaluate" + Api, new StringContent("""{"direction":"Sideways"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
