using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Cli.Tests.Logs;

/// <summary><c>nsp logs import</c> against a real database (SQLite or PostgreSQL): the exact answer, the exit codes,
/// progress on standard error.</summary>
public class LogsImportCommandTests : IAsyncLifetime
{
    private const string Header = "TimeGenerated [UTC],Category,Count,ServiceResourceId,SourceIpAddress,MatchedRule\n";
    private static readonly string StOrders = $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoorders";
    private TestDatabase database = null!;
    private readonly List<string> files = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db, withTraffic: false);
    }

    public async Task DisposeAsync()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }

        await database.DisposeAsync();
    }

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nsp-logs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header + string.Join('\n', rows) + "\n", new UTF8Encoding(false));
        files.Add(path);
        return path;
    }

    private static string Row(int minute, string category = "NspPublicInboundResourceRulesAllowed", string count = "2") =>
        $"2026-11-20T08:{minute:D2}:00Z,{category},{count},{StOrders},203.0.113.{minute},\"{{\"\"accessRule\"\":\"\"IP firewall\"\"}}\"";

    [Fact]
    public async Task ImportsAFileAndPrintsExactlyTheCounts()
    {
        var file = Csv(Row(0), Row(1), Row(2, count: ""));

        var (exit, output, error) = await RunAsync("logs", "import", "--file", file);

        Assert.True(exit == 0, error);
        Assert.Equal("""{"imported":3,"rejected":0,"duplicates":0,"errors":[]}""" + Environment.NewLine, output);
        Assert.Contains("nsp logs import: 100% 3 records read, 3 imported, 0 duplicates, 0 rejected, done", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(5, await db.TrafficLogs.SumAsync(r => r.Count));
        var import = await db.TrafficImports.SingleAsync();
        Assert.Equal((Path.GetFileName(file), "Csv"), (import.FileName, import.Format));
        Assert.EndsWith("(nsp cli)", import.ImportedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondImportOfTheSameFileCountsOnlyDuplicates()
    {
        var file = Csv(Row(0), Row(1));
        Assert.Equal(0, (await RunAsync("logs", "import", "--file", file)).Exit);

        var (exit, output, _) = await RunAsync("logs", "import", "--file", file);

        Assert.Equal(0, exit);
        Assert.Equal("""{"imported":0,"rejected":0,"duplicates":2,"errors":[]}""", output.TrimEnd());
    }

    [Fact]
    public async Task RefusedLinesImportNothingAndExitWithOneUnlessSkipped()
    {
        var file = Csv(Row(0), Row(1, category: "NspNoSuchCategory"), "2026-11-31T08:00:00Z,NspOutboundAttempt,1,,,", Row(3));

        var (exit, output, _) = await RunAsync("logs", "import", "--file", file);

        Assert.Equal(1, exit);
        var answer = JsonNode.Parse(output)!;
        Assert.Equal("""{"imported":0,"rejected":2,"duplicates":0,"errors":[{"line":3,"message":"Category 'NspNoSuchCategory' is not a network security perimeter log category."},{"line":4,"message":"TimeGenerated '2026-11-31T08:00:00Z' is not a UTC timestamp (ISO 8601, e.g. 2024-05-01T10:00:00Z)."}]}""",
            answer.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.TrafficLogs.CountAsync());
        }

        var (skipped, skippedOutput, _) = await RunAsync("logs", "import", "--file", file, "--skip-invalid");

        Assert.Equal(0, skipped);
        Assert.StartsWith("""{"imported":2,"rejected":2,"duplicates":0,"errors":[{"line":3,""", skippedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var (exit, output, error) = await RunAsync("logs", "import", "--file", "/nonexistent/logs.csv");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("cannot read '/nonexistent/logs.csv'", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] databaseArgs = ["--provider", database.Settings.Provider.ToString(), "--connection-string", database.Settings.ConnectionString];
        var exit = await Program.BuildRoot().Parse([.. args, .. databaseArgs]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary><c>nsp simulate</c> on a database with the demo tenant and no traffic yet.</summary>
public class SimulateCommandTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db, withTraffic: false);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task SimulatesTwoDaysOfTrafficWithWouldBeDeniedFlows()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Program.BuildRoot().Parse(["simulate", "--days", "2", "--provider", database.Settings.Provider.ToString(), "--connection-string", database.Settings.ConnectionString])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.True(exit == 0, error.ToString());
        await using var db = database.CreateContext();
        var rows = await db.TrafficLogs.CountAsync();
        Assert.Equal($"{{\"imported\":{rows}}}", output.ToString().TrimEnd());
        Assert.InRange(rows, 100, 2000);
        Assert.True(await db.TrafficLogs.AnyAsync(r => r.Category == Engine.Evaluation.NspLogCategory.NspPublicInboundResourceRulesAllowed));
        Assert.Equal(0, await db.TrafficLogs.CountAsync(r => r.PerimeterId == null || r.AssociationId == null));
    }
}
