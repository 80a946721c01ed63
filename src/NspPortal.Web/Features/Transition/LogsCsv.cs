using System.Globalization;
using System.Text;
using System.Text.Json;
using NspPortal.Data.Traffic;

namespace NspPortal.Web.Features.Transition;

/// <summary>The CSV export of the Logs blade: the <c>NSPAccessLogs</c> columns (reference/nsp.md §3.3) with Log
/// Analytics' names, so an export reads back through the importer. Written row by row (RFC 4180 quoting).</summary>
public static class LogsCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "TimeGenerated", "TimeGeneratedEndTime", "Count", "Category", "Location", "OperationName", "OperationVersion", "Profile",
        "AccessRuleVersion", "MatchedRule", "RuleType", "ResultAction", "ResultDirection", "ResultDescription", "TrafficType",
        "ServiceResourceId", "ServiceFqdn", "AppId", "Parameters", "SourceIpAddress", "SourcePort", "SourceProtocol", "SourceResourceId",
        "SourceAppId", "SourcePerimeterGuids", "SourceParameters", "DestinationFqdn", "DestinationPort", "DestinationProtocol",
        "DestinationResourceId", "DestinationParameters", "_ResourceId",
    ];

    public static string Header => string.Join(',', Columns);

    /// <summary>One row as a CSV line (no line break).</summary>
    public static string Line(TrafficLogEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string?[] values =
        [
            Time(row.TimeGenerated), row.TimeGeneratedEndTime is { } end ? Time(end) : null, row.Count.ToString(CultureInfo.InvariantCulture),
            row.Category.ToString(), row.Location, row.OperationName, row.OperationVersion, row.Profile, row.AccessRulesVersion,
            row.MatchedRule is null ? null : JsonSerializer.Serialize(new Dictionary<string, string> { ["accessRule"] = row.MatchedRule }),
            row.RuleType, row.ResultAction, row.ResultDirection, row.ResultDescription, row.TrafficType, row.ServiceResourceId, row.ServiceFqdn,
            row.AppId, row.Parameters, row.SourceIpAddress, row.SourcePort, row.SourceProtocol, row.SourceResourceId, row.SourceAppId,
            row.SourcePerimeterGuids, row.SourceParameters, row.DestinationFqdn, row.DestinationPort, row.DestinationProtocol,
            row.DestinationResourceId, row.DestinationParameters, row.PerimeterResourceId,
        ];
        var line = new StringBuilder(256);
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            Append(line, values[i]);
        }

        return line.ToString();
    }

    /// <summary>Streams every row of <paramref name="rows"/> to the response body, flushing as it goes.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<TrafficLogEntry> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row));
            if (++count % 5000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // A leading = + - @ would be a formula in a spreadsheet: quote and prefix with ' (CSV injection).
        var guarded = value[0] is '=' or '+' or '-' or '@' && !char.IsDigit(value.Length > 1 ? value[1] : 'x') ? "'" + value : value;
        if (guarded.AsSpan().IndexOfAny(",\"\r\n") < 0 && guarded == value)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(guarded.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
