using System.Text.Json;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.TestSupport;
using NspPortal.Web.Features.Transition;

namespace NspPortal.Web.Tests.Features.Transition;

/// <summary>The transition view's and the Logs blade's presentational components, rendered alone.</summary>
public class TransitionComponentTests
{
    private static readonly DateTime Day = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheChartCarriesItsOptionsInADataAttributeAndTheSameNumbersInATable()
    {
        var chart = new TrafficChart(RollupGranularity.Day, [Day, Day.AddDays(1)],
        [
            new CategorySeries(NspLogCategory.NspPublicInboundPerimeterRulesAllowed, [10, 20]),
            new CategorySeries(NspLogCategory.NspPublicInboundResourceRulesAllowed, [3, 0]),
        ]);

        var html = await ComponentRenderer.RenderAsync<TransitionChart>(new Dictionary<string, object?>
        {
            [nameof(TransitionChart.Chart)] = chart,
            [nameof(TransitionChart.Days)] = 2,
        });

        Html.AssertEquivalent("""
            <div class="chart" role="img" aria-label="Logged connections by category, 2 days: 33 logged, 3 would be denied" data-chart:ignore></div>
            <details class="chart-data">
              <summary>Chart data</summary>
              <table class="grid" aria-label="Logged connections by category">
                <thead><tr><th scope="col">Category</th><th scope="col" class="num">Connections</th><th scope="col">Enforced</th></tr></thead>
                <tbody>
                  <tr><td>NspPublicInboundPerimeterRulesAllowed</td><td class="num">30</td><td>unchanged</td></tr>
                  <tr class="would-be-denied"><td>NspPublicInboundResourceRulesAllowed</td><td class="num">3</td><td>would be denied</td></tr>
                </tbody>
              </table>
            </details>
            """, html);
        using var options = JsonDocument.Parse(Html.ParseFragment(html).QuerySelector(".chart")!.GetAttribute("data-chart")!);
        var root = options.RootElement;
        Assert.Equal(["NspPublicInboundPerimeterRulesAllowed", "NspPublicInboundResourceRulesAllowed (would be denied)"],
            root.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString() ?? "").ToArray());
        Assert.Equal("#d13438", root.GetProperty("colors")[1].GetString());
        Assert.Equal("[[1796083200000,3],[1796169600000,0]]", root.GetProperty("series")[1].GetProperty("data").GetRawText());
        Assert.True(root.GetProperty("chart").GetProperty("stacked").GetBoolean());
    }

    [Fact]
    public async Task AnEmptyWindowSaysHowToGetTraffic()
    {
        var html = await ComponentRenderer.RenderAsync<TransitionChart>(new Dictionary<string, object?>
        {
            [nameof(TransitionChart.Chart)] = new TrafficChart(RollupGranularity.Day, [Day], []),
            [nameof(TransitionChart.Days)] = 14,
            [nameof(TransitionChart.Scope)] = "stcontosoorders",
        });

        Html.AssertEquivalent("""
            <div class="empty-state">
              <svg diff:ignore></svg>
              <h2>No traffic logged in this window</h2>
              <p>Nothing was logged for stcontosoorders in the last 14 days. Import NSPAccessLogs (CSV or JSON), send requests to the decision
                endpoint, or run <code>nsp simulate --days 14</code> to see a meaningful transition view.</p>
            </div>
            """, html);
    }

    [Fact]
    public async Task TheLogsGridMarksWouldBeDeniedRowsAndLinksEachToTheTroubleshooter()
    {
        var row = new TrafficLogEntry
        {
            Id = 42,
            TimeGenerated = Day.AddHours(3),
            Count = 5,
            Category = NspLogCategory.NspPublicInboundResourceRulesAllowed,
            ResultAction = "Approved",
            ResultDirection = "Inbound",
            TrafficType = "Public",
            ServiceResourceId = "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1",
            Profile = "defaultProfile",
            AccessRulesVersion = "3",
            MatchedRule = "IP firewall",
            RuleType = "Resource",
            OperationName = "GetBlob",
            SourceIpAddress = "198.51.100.7",
        };

        var html = await ComponentRenderer.RenderAsync<LogsGrid>(new Dictionary<string, object?>
        {
            [nameof(LogsGrid.Rows)] = new[] { row },
            [nameof(LogsGrid.Query)] = new LogsQuery(),
            [nameof(LogsGrid.PageUrl)] = "/p/logs",
            [nameof(LogsGrid.TroubleshootUrl)] = "/p/troubleshoot",
        });

        var body = Html.ParseFragment(html).QuerySelector("tbody")!;
        Html.AssertEquivalent("""
            <table><tbody><tr class="would-be-denied">
              <td><time datetime="2026-12-01T03:00:00.0000000Z">2026-12-01 03:00:00</time></td>
              <td>NspPublicInboundResourceRulesAllowed</td><td>Approved</td><td>Inbound</td><td>Public</td>
              <td><span title="/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1">st1</span></td>
              <td>defaultProfile</td><td>3</td><td>IP firewall</td><td>Resource</td><td>GetBlob</td><td class="mono">198.51.100.7</td>
              <td><span></span></td><td></td><td class="num">5</td><td><a href="/p/troubleshoot?log=42">Why?</a></td>
            </tr></tbody></table>
            """, "<table>" + body.OuterHtml + "</table>");
        Assert.Null(Html.ParseFragment(html).QuerySelector(".pager a"));
    }

    [Fact]
    public async Task TheLogsGridSearchesNothingWhileAFilterIsWrong()
    {
        var html = await ComponentRenderer.RenderAsync<LogsGrid>(new Dictionary<string, object?>
        {
            [nameof(LogsGrid.Rows)] = Array.Empty<TrafficLogEntry>(),
            [nameof(LogsGrid.Query)] = new LogsQuery(),
            [nameof(LogsGrid.Errors)] = new Dictionary<string, string> { ["source"] = "bad" },
            [nameof(LogsGrid.PageUrl)] = "/p/logs",
            [nameof(LogsGrid.TroubleshootUrl)] = "/p/troubleshoot",
        });

        Html.AssertEquivalent("""
            <div class="messagebar error" role="alert"><svg diff:ignore></svg><span>Correct the filters marked above; nothing was searched.</span></div>
            """, html);
    }
}
