using System.IO.Compression;
using System.Text;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Logs;

namespace NspPortal.Engine.Tests.Logs;

public class AccessLogReaderTests
{
    /// <summary>The real record of reference/nsp.md §3.2 (Azure Monitor, 2024): extra fields (serviceFeatureNames),
    /// empty strings, no count, a lower-case protocol, the NSP id upper-cased.</summary>
    public const string RealRecord =
        """{"time":"2024-05-28T09:37:11.3472380Z","resourceId":"/SUBSCRIPTIONS/1B6C3E1A-6E4D-4F1B-9E57-3C1D1A2B4C5D/RESOURCEGROUPS/MSUNDARAM-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYPERIMETERS/MSUNDARAM-NSP","location":"eastus2euap","operationName":"Microsoft.OperationalInsights/workspaces/query","operationVersion":"2020-08-01","category":"NspPublicInboundPerimeterRulesAllowed","resultDescription":"Query workspace.","properties":{"serviceResourceId":"/subscriptions/1b6c3e1a-6e4d-4f1b-9e57-3c1d1a2b4c5d/resourceGroups/msundaram-rg/providers/Microsoft.OperationalInsights/workspaces/LA-WS-Test-NSP","serviceFqdn":"","serviceFeatureNames":["*"],"profile":"msundaramProfile","accessRulesVersion":"","appId":"","parameters":"","matchedRule":{"accessRule":"allow-demo-vm-01-IP-address"},"source":{"ipAddress":"172.183.184.225","resourceId":"","parameters":"CallerInfo: OMS","port":"50196","protocol":"https"}}}""";

    private static List<AccessLogLine> Read(string text, out AccessLogFormat format) => Read(Encoding.UTF8.GetBytes(text), out format);

    private static List<AccessLogLine> Read(byte[] bytes, out AccessLogFormat format)
    {
        using var stream = new NonSeekableStream(bytes);
        var reader = AccessLogReader.Open(stream);
        var lines = reader.Read().ToList();
        format = reader.Format;
        return lines;
    }

    [Fact]
    public void ReadsTheRealResourceLogRecordLeniently()
    {
        var lines = Read(RealRecord + "\n", out var format);

        Assert.Equal(AccessLogFormat.ResourceLogJson, format);
        var line = Assert.Single(lines);
        Assert.Equal(1, line.Line);
        var r = line.Record!;
        Assert.Equal(new DateTime(2024, 5, 28, 9, 37, 11, DateTimeKind.Utc).AddTicks(3472380), r.TimeGenerated);
        Assert.Equal(DateTimeKind.Utc, r.TimeGenerated.Kind);
        Assert.Equal(1, r.Count); // absent: 1
        Assert.Equal(NspLogCategory.NspPublicInboundPerimeterRulesAllowed, r.Category);
        Assert.Equal("/SUBSCRIPTIONS/1B6C3E1A-6E4D-4F1B-9E57-3C1D1A2B4C5D/RESOURCEGROUPS/MSUNDARAM-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYPERIMETERS/MSUNDARAM-NSP", r.PerimeterResourceId);
        Assert.Equal("eastus2euap", r.Location);
        Assert.Equal("msundaramProfile", r.Profile);
        Assert.Null(r.AccessRulesVersion); // "" is absent
        Assert.Null(r.ServiceFqdn);
        Assert.Null(r.AppId);
        Assert.Null(r.Parameters);
        Assert.Equal("allow-demo-vm-01-IP-address", r.MatchedRule);
        Assert.EndsWith("/workspaces/LA-WS-Test-NSP", r.ServiceResourceId, StringComparison.Ordinal);
        Assert.Equal("172.183.184.225", r.Source.IpAddress);
        Assert.Equal("50196", r.Source.Port);
        Assert.Equal("https", r.Source.Protocol);
        Assert.Null(r.Source.ResourceId);
        Assert.Equal("CallerInfo: OMS", r.Source.Parameters);
        Assert.Empty(r.Source.PerimeterGuids);
        // Derived from the category (raw records never carry them, §3.3).
        Assert.Equal("Approved", r.ResultAction);
        Assert.Equal("Inbound", r.ResultDirection);
        Assert.Equal("Public", r.TrafficType);
        Assert.Equal("NSP", r.RuleType);
        Assert.Same(AccessLogDestination.None, r.Destination);
    }

    [Fact]
    public void ReadsLogAnalyticsCsvAsThePortalExportsIt()
    {
        var csv = "\uFEFFTimeGenerated [UTC],Category,Count,Profile,MatchedRule,SourceIpAddress,SourcePerimeterGuids,ResultDescription,DestinationFqdn,Unknown\r\n" +
            "2024-05-01T10:00:00.123Z,NspPublicInboundResourceRulesAllowed,3,defaultProfile,\"{\"\"accessRule\"\":\"\"IP firewall\"\"}\",203.0.113.7,,plain,,x\r\n" +
            "\"5/1/2024, 10:05:00.000 AM\",NspPublicOutboundPerimeterRulesAllowed,,p,\"{\"\"accessRule\"\":\"\"allow-partner\"\"}\",,\"[\"\"4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b\"\"]\",\"two\nlines\",API.Partner.Contoso.COM\r\n" +
            "\r\n" +
            "2024-05-01T10:10:00Z,NspPrivateInboundAllowed,1\r\n";

        var lines = Read(csv, out var format);

        Assert.Equal(AccessLogFormat.Csv, format);
        Assert.Equal([2L, 3L, 6L], lines.Select(l => l.Line));
        Assert.All(lines, l => Assert.True(l.IsValid, l.Error));
        var first = lines[0].Record!;
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, 123, DateTimeKind.Utc), first.TimeGenerated);
        Assert.Equal(3, first.Count);
        Assert.Equal("IP firewall", first.MatchedRule);
        Assert.Equal("Resource", first.RuleType);
        Assert.Equal("Approved", first.ResultAction);
        var second = lines[1].Record!;
        Assert.Equal(new DateTime(2024, 5, 1, 10, 5, 0, DateTimeKind.Utc), second.TimeGenerated);
        Assert.Equal(1, second.Count);
        Assert.Equal("allow-partner", second.MatchedRule);
        Assert.Equal(["4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b"], second.Source.PerimeterGuids);
        Assert.Equal("two\nlines", second.ResultDescription);
        Assert.Equal("api.partner.contoso.com", second.Destination.Fqdn);
        Assert.Equal("Outbound", second.ResultDirection);
        Assert.Equal("Private", lines[2].Record!.TrafficType);
    }

    [Fact]
    public void ReadsAPrettyPrintedLogAnalyticsJsonArrayWithTheLineOfEachRecord()
    {
        var json = "[\n  {\n    \"TimeGenerated\": \"2024-05-01T10:00:00Z\",\n    \"Category\": \"NspCrossPerimeterInboundAllowed\",\n    \"Count\": 2,\n    \"Note\": \"a } and a \\\" inside\"\n  },\n" +
            "  {\n    \"TimeGenerated\": \"not a time\",\n    \"Category\": \"NspOutboundAttempt\"\n  },\n" +
            "  {\"TimeGenerated\": \"2024-05-01T10:01:00+02:00\", \"Category\": \"NspOutboundAttempt\", \"TrafficType\": \"Cross\"}\n]\n";

        var lines = Read(json, out var format);

        Assert.Equal(AccessLogFormat.LogAnalyticsJson, format);
        Assert.Equal([2L, 8L, 12L], lines.Select(l => l.Line));
        Assert.Equal(2, lines[0].Record!.Count);
        Assert.Equal("Cross", lines[0].Record!.TrafficType);
        Assert.False(lines[1].IsValid);
        Assert.Contains("'not a time' is not a UTC timestamp", lines[1].Error, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2024, 5, 1, 8, 1, 0, DateTimeKind.Utc), lines[2].Record!.TimeGenerated);
        Assert.Equal("Cross", lines[2].Record!.TrafficType); // the record's own value wins over the category's default
    }

    [Fact]
    public void RefusesBadTimestampsUnknownCategoriesAndBadCountsWithTheirLineNumbers()
    {
        var text = string.Join('\n',
            """{"time":"2024-05-01T10:00:00Z","category":"NspPublicInboundPerimeterRulesDenied"}""",
            """{"time":"2024-02-30T10:00:00Z","category":"NspPublicInboundPerimeterRulesDenied"}""",
            """{"time":"2024-05-01T10:00:00Z","category":"NspSomethingElse"}""",
            "",
            """{"time":"2024-05-01T10:00:00Z","category":"NSPInboundAccessDenied"}""",
            """{"time":"2024-05-01T10:00:00Z","category":"NspPrivateInboundAllowed","count":0}""",
            """{"time":"2024-05-01T10:00:00Z","category":"NspPrivateInboundAllowed","count":"many"}""",
            """{"category":"NspPrivateInboundAllowed"}""",
            """{"time":"2024-05-01T10:00:00Z"}""",
            """{"time":"2024-05-01 5pm","category":"NspPrivateInboundAllowed"}""",
            """{"time":"1999-12-31T23:59:59Z","category":"NspPrivateInboundAllowed"}""",
            """{"time":"2024-05-01T10:00:00Z","category":"perimeterPublicInboundPerimeterRulesAllowed","count":"7"}""",
            """{"time": "2024-05-01T10:00:00Z", "category": """,
            """[1]""",
            """{"time":"2024-05-01T10:00:00Z","category":"NspPrivateInboundAllowed","timeGeneratedEndTime":"yesterday"}""");

        var lines = Read(text, out _);

        Assert.Equal(
            [(1L, true), (2, false), (3, false), (5, false), (6, false), (7, false), (8, false), (9, false), (10, false), (11, false), (12, true), (13, false), (14, false), (15, false)],
            lines.Select(l => (l.Line, l.IsValid)));
        Assert.Equal("category 'NspSomethingElse' is not a network security perimeter log category.", lines[2].Error);
        Assert.Contains("profile-level category", lines[3].Error, StringComparison.Ordinal);
        Assert.Equal("Count '0' is not a whole number of at least 1.", lines[4].Error);
        Assert.Equal("time is missing.", lines[6].Error);
        Assert.Equal("category is missing.", lines[7].Error);
        Assert.Equal(7, lines[10].Record!.Count);
        Assert.Equal(NspLogCategory.NspPublicInboundPerimeterRulesAllowed, lines[10].Record!.Category); // the April-2024 name
        Assert.StartsWith("Not valid JSON", lines[11].Error, StringComparison.Ordinal);
        Assert.StartsWith("A log record must be a JSON object", lines[12].Error, StringComparison.Ordinal);
        Assert.StartsWith("TimeGeneratedEndTime 'yesterday'", lines[13].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsEventHubsRecordsAndOutboundDestinations()
    {
        var text = """{"records":[{"time":"2024-05-01T10:00:00Z","count":4,"category":"NspPublicOutboundPerimeterRulesAllowed","properties":{"destination":{"fullyQualifiedDomainName":"Login.Partner.Contoso.com","port":443,"protocol":"HTTPS:TCP","parameters":{"a":1}}}},{"time":"2024-05-01T11:00:00Z","category":"NspIntraPerimeterInboundAllowed","properties":{"source":{"perimeterGuids":["9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4"]}}}]}""";

        var lines = Read(text, out var format);

        Assert.Equal(AccessLogFormat.ResourceLogJson, format);
        Assert.Equal(2, lines.Count);
        var outbound = lines[0].Record!;
        Assert.Equal(4, outbound.Count);
        Assert.Equal("login.partner.contoso.com", outbound.Destination.Fqdn);
        Assert.Equal("443", outbound.Destination.Port);
        Assert.Equal("HTTPS:TCP", outbound.Destination.Protocol);
        Assert.Equal("""{"a":1}""", outbound.Destination.Parameters);
        Assert.Equal(["9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4"], lines[1].Record!.Source.PerimeterGuids);
        Assert.Equal("Intra", lines[1].Record!.TrafficType);
    }

    [Fact]
    public void UnpacksGzipAndReadsCrlfJsonLines()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(RealRecord + "\r\n" + RealRecord.Replace("09:37:11", "09:38:11", StringComparison.Ordinal) + "\r\n"));
        }

        var lines = Read(packed.ToArray(), out var format);

        Assert.Equal(AccessLogFormat.ResourceLogJson, format);
        Assert.Equal([1L, 2L], lines.Select(l => l.Line));
        Assert.All(lines, l => Assert.True(l.IsValid, l.Error));
    }

    [Fact]
    public void ACsvWithoutTheTableColumnsIsRefusedAtItsHeader()
    {
        var lines = Read("when,what\n2024-05-01T10:00:00Z,NspOutboundAttempt\n", out var format);

        Assert.Equal(AccessLogFormat.Csv, format);
        var line = Assert.Single(lines);
        Assert.Equal(1, line.Line);
        Assert.Contains("no TimeGenerated or no Category column", line.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileHasNoRecords()
    {
        Assert.Empty(Read("", out var format));
        Assert.Equal(AccessLogFormat.Unknown, format);
        Assert.Empty(Read("  \n\n", out _));
    }

    [Fact]
    public void StreamsLargeFilesRecordByRecord()
    {
        // 200,000 lines through a window of 64 KiB: records cross buffer boundaries everywhere.
        var builder = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            builder.Append("{\"time\":\"2024-05-01T10:00:00Z\",\"count\":").Append(i + 1).Append(",\"category\":\"NspOutboundAttempt\"}\n");
        }

        var lines = Read(builder.ToString(), out _);

        Assert.Equal(200_000, lines.Count);
        Assert.Equal(Enumerable.Range(1, 200_000).Select(i => (long)i), lines.Select(l => l.Line));
        Assert.Equal(Enumerable.Range(1, 200_000), lines.Select(l => l.Record!.Count));
    }

    [Fact]
    public void TheRowHashIsTheSameForTheSameRowAndDiffersWhenAnyColumnDoes()
    {
        var a = Read(RealRecord, out _)[0].Record!;
        var b = Read(RealRecord, out _)[0].Record!;
        var c = a with { Source = a.Source with { Port = "50197" } };
        var d = a with { PerimeterResourceId = a.PerimeterResourceId!.ToLowerInvariant() };

        Assert.Equal(AccessLogHash.Length, AccessLogHash.Compute(a).Length);
        Assert.Equal(AccessLogHash.Compute(a), AccessLogHash.Compute(b));
        Assert.NotEqual(AccessLogHash.Compute(a), AccessLogHash.Compute(c));
        Assert.Equal(AccessLogHash.Compute(a), AccessLogHash.Compute(d)); // ARM ids compare case-insensitively
    }

    /// <summary>What a pipe or an upload looks like: no length, no seeking.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
