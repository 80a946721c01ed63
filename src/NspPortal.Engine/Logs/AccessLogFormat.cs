namespace NspPortal.Engine.Logs;

/// <summary>The file formats Azure writes NSP access logs in (reference/nsp.md §3.2, §3.3).</summary>
public enum AccessLogFormat
{
    /// <summary>Not known yet (nothing read), or nothing recognisable.</summary>
    Unknown,

    /// <summary><c>NSPAccessLogs</c> exported from Log Analytics as CSV, with the table's column names as header (the
    /// portal's "Export to CSV" suffixes datetime columns with <c>[UTC]</c>).</summary>
    Csv,

    /// <summary><c>NSPAccessLogs</c> rows as JSON objects named by the table's columns: a JSON array (<c>az monitor
    /// log-analytics query</c>) or one object per line (a workspace data export).</summary>
    LogAnalyticsJson,

    /// <summary>The raw resource-log records of §3.2 (Storage / Event Hubs): one JSON record per line, a JSON array of
    /// records, or Event Hubs' <c>{"records":[…]}</c>.</summary>
    ResourceLogJson,
}

/// <summary>One record read from a log file: the record, or why the line was refused.</summary>
/// <param name="Line">The 1-based line where the record starts.</param>
/// <param name="Record">The record; null when <paramref name="Error"/> says why not.</param>
/// <param name="Error">Why the record was refused (without the line number); null on success.</param>
public readonly record struct AccessLogLine(long Line, AccessLogRecord? Record, string? Error)
{
    /// <summary>True when the record was read.</summary>
    public bool IsValid => Record is not null;
}
