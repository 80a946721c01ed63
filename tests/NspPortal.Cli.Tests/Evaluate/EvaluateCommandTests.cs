using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NspPortal.Cli.Commands;

namespace NspPortal.Cli.Tests.Evaluate;

/// <summary>The <c>nsp evaluate</c> contract of docs/cli.md.</summary>
public class EvaluateCommandTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Evaluate", "Data");
    private static readonly string Snapshot = Path.Combine(Data, "snapshot.json");
    private static readonly string Storage1 = "/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/st1";

    private static string J(string json) => json.Replace("@ST1@", Storage1, StringComparison.Ordinal);

    private static async Task<(int Exit, string[] Lines, string Error)> Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Program.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    private static async Task<(int Exit, string[] Lines, string Error)> FromStandardInput(string input, bool explain = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await EvaluateCommand.RunAsync(Snapshot, "-", explain, new StringReader(input), output, error);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public async Task WritesOneDecisionLinePerRequestLineInOrder()
    {
        var (exit, lines, error) = await Invoke("evaluate", "--config", Snapshot, "--requests", Path.Combine(Data, "requests.jsonl"));
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(
            [
                """{"id":"r1","result":"Denied","category":"NspPublicInboundPerimeterRulesDenied","matchedRule":"DefaultDenyAll","trafficType":"Public","perimeterGuid":"11111111-1111-4111-8111-111111111111","profile":"default","accessMode":"Enforced","error":{"code":"AuthorizationFailure","message":"This request is not authorized by network security perimeter to perform this operation."}}""",
                """{"id":"r2","result":"Allowed","category":"NspPublicOutboundPerimeterRulesAllowed","matchedRule":"allow-contoso","trafficType":"Public","perimeterGuid":"11111111-1111-4111-8111-111111111111","profile":"default","accessMode":"Enforced","error":null}""",
                """{"id":"r3","result":"Allowed","category":null,"matchedRule":"IP firewall","trafficType":"Public","perimeterGuid":null,"profile":null,"accessMode":null,"error":null}""",
            ],
            lines);
    }

    [Fact]
    public async Task ReadsRequestsFromStandardInput()
    {
        var (exit, lines, _) = await FromStandardInput(
            J("""{"id":"a","direction":"Inbound","resourceId":"@ST1@","source":{"ipAddress":"203.0.113.9"}}""") + "\n" +
            J("""{"id":"b","direction":"Inbound","resourceId":"@ST1@","source":{"ipAddress":"2001:db8::1"}}""") + "\n");
        Assert.Equal(0, exit);
        Assert.Equal(["a", "b"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.All(lines, l => Assert.Equal("allow-corp", JsonDocument.Parse(l).RootElement.GetProperty("matchedRule").GetString()));
    }

    [Fact]
    public async Task AnswersMalformedLinesAndContinues()
    {
        var (exit, lines, _) = await FromStandardInput(string.Join('\n',
            "{not json",
            """{"id":"x1","direction":"Inbound"}""",
            "",
            J("""{"id":"ok","direction":"Outbound","resourceId":"@ST1@","destination":{"fqdn":"API.CONTOSO.COM."}}"""),
            """{"id":"x2","direction":"Inbound","resourceId":"st1"}"""));
        Assert.Equal(0, exit);
        Assert.Equal(4, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(JsonValueKind.Null, first.GetProperty("id").ValueKind);
        Assert.Equal("InvalidRequest", first.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("line 1: ", first.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"id":"x1","error":{"code":"InvalidRequest","message":"line 2: resourceId is required."}}""", lines[1]);
        Assert.Equal("allow-contoso", JsonDocument.Parse(lines[2]).RootElement.GetProperty("matchedRule").GetString());
        Assert.StartsWith("""{"id":"x2","error":{"code":"InvalidRequest","message":"line 5: resourceId: 'st1' is not a resource id""", lines[3], StringComparison.Ordinal);
        Assert.Equal(["id", "error"], JsonDocument.Parse(lines[3]).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AddsTheTraceWhenExplaining()
    {
        var (_, lines, _) = await FromStandardInput(J("""{"id":"r1","direction":"Inbound","resourceId":"@ST1@","source":{"ipAddress":"198.51.100.7"}}"""), explain: true);
        var decision = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(["id", "result", "category", "matchedRule", "trafficType", "perimeterGuid", "profile", "accessMode", "error", "trace"],
            decision.EnumerateObject().Select(p => p.Name));
        var trace = decision.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal("Resource", trace[0].GetProperty("check").GetString());
        Assert.Equal("Denied", trace[^1].GetProperty("outcome").GetString());
        Assert.All(trace, step => Assert.Equal(["check", "against", "outcome", "detail"], step.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task ExitsWithTwoAndTheValidationErrorsForAnInvalidSnapshot()
    {
        var (exit, lines, error) = await Invoke("evaluate", "--config", Path.Combine(Data, "invalid-snapshot.json"), "--requests", Path.Combine(Data, "requests.jsonl"));
        Assert.Equal(2, exit);
        Assert.Empty(lines);
        Assert.Contains("error: resources[2].properties.addressPrefixes[0]: AddressPrefixHasHostBits: 203.0.113.5/24 has host bits set; did you mean 203.0.113.0/24?", error, StringComparison.Ordinal);
        Assert.Contains("error: resources[3].properties.fullyQualifiedDomainNames: AccessRuleInvalidDirection:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWithTwoWhenTheSnapshotIsMissing()
    {
        var (exit, _, error) = await Invoke("evaluate", "--config", Path.Combine(Data, "missing.json"), "--requests", "-");
        Assert.Equal(2, exit);
        Assert.Contains("cannot read the snapshot", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWithOneWhenTheRequestsAreMissing()
    {
        var (exit, _, error) = await Invoke("evaluate", "--config", Snapshot, "--requests", Path.Combine(Data, "missing.jsonl"));
        Assert.Equal(1, exit);
        Assert.Contains("cannot read the requests", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiresConfigAndRequests()
    {
        var (exit, _, _) = await Invoke("evaluate", "--config", Snapshot);
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public async Task WorksAsAProcessReadingStandardInput()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "nsp.dll"), "evaluate", "--config", Snapshot, "--requests", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(Path.Combine(Data, "requests.jsonl")));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(["r1", "r2", "r3"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }
}
