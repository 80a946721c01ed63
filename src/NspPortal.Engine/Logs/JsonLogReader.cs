using System.Text.Json;

namespace NspPortal.Engine.Logs;

/// <summary>Streams JSON log files: one JSON object per line (Azure's Storage blobs, workspace data exports), or a JSON
/// array of objects (pretty-printed or not; <c>az monitor log-analytics query</c>). A line holding Event Hubs'
/// <c>{"records":[…]}</c> yields each record. Every record reports the line it starts on.</summary>
internal static class JsonLogReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    public static IEnumerable<AccessLogLine> ReadLines(ByteWindow window, Action<AccessLogFormat> format)
    {
        var fields = new AccessLogFields();
        long line = 0;
        var results = new List<AccessLogLine>(4);
        while (true)
        {
            // Find the next '\n' from Start, reading more as needed.
            var scanned = 0;
            int newline;
            while ((newline = Array.IndexOf(window.Buffer, (byte)'\n', window.Start + scanned, window.End - window.Start - scanned)) < 0)
            {
                scanned = window.End - window.Start;
                if (window.Fill() < 0)
                {
                    break;
                }
            }

            var lineEnd = newline >= 0 ? newline : window.End;
            if (newline < 0 && window.Start >= window.End)
            {
                yield break;
            }

            line++;
            var memory = new ReadOnlyMemory<byte>(window.Buffer, window.Start, lineEnd - window.Start);
            window.Start = newline >= 0 ? newline + 1 : window.End;
            results.Clear();
            ReadValue(memory, line, fields, format, results, allowArray: false);
            foreach (var result in results)
            {
                yield return result;
            }

            if (newline < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>A top-level JSON array: each element is a record, found by scanning structure (strings, escapes, depth)
    /// so the array never has to be in memory.</summary>
    public static IEnumerable<AccessLogLine> ReadArray(ByteWindow window, Action<AccessLogFormat> format)
    {
        var fields = new AccessLogFields();
        var results = new List<AccessLogLine>(4);
        long line = 1;
        var position = window.Start;
        var inArray = false;
        while (true)
        {
            // Between elements: white space, commas, the array's brackets.
            if (position >= window.End)
            {
                window.Start = position;
                if (window.Fill() < 0)
                {
                    yield break;
                }

                position = window.Start;
            }

            var b = window.Buffer[position];
            if (b == (byte)'\n')
            {
                line++;
                position++;
                continue;
            }

            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)',')
            {
                position++;
                continue;
            }

            if (!inArray)
            {
                if (b == (byte)'[')
                {
                    inArray = true;
                    position++;
                    continue;
                }

                // Content after the array: read it as JSON lines.
                window.Start = position;
                foreach (var rest in ReadLines(window, format))
                {
                    yield return rest with { Line = rest.Line + line - 1 };
                }

                yield break;
            }

            if (b == (byte)']')
            {
                inArray = false;
                position++;
                continue;
            }

            // An element: scan to its end.
            window.Start = position;
            var startLine = line;
            var depth = 0;
            var inString = false;
            var escaped = false;
            var scalar = b is not ((byte)'{' or (byte)'[');
            var i = position;
            var complete = false;
            while (!complete)
            {
                if (i >= window.End)
                {
                    var offset = i - window.Start;
                    if (window.Fill() < 0)
                    {
                        break;
                    }

                    i = window.Start + offset;
                    continue;
                }

                var c = window.Buffer[i];
                if (c == (byte)'\n')
                {
                    line++;
                }

                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (c == (byte)'\\')
                    {
                        escaped = true;
                    }
                    else if (c == (byte)'"')
                    {
                        inString = false;
                    }

                    i++;
                    continue;
                }

                if (scalar && depth == 0 && c is (byte)',' or (byte)']' or (byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t')
                {
                    if (c == (byte)'\n')
                    {
                        line--; // counted again between elements
                    }

                    complete = true;
                    continue;
                }

                switch (c)
                {
                    case (byte)'"':
                        inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        depth++;
                        break;
                    case (byte)'}' or (byte)']':
                        depth--;
                        if (depth == 0 && !scalar)
                        {
                            complete = true;
                        }

                        break;
                }

                i++;
            }

            var memory = new ReadOnlyMemory<byte>(window.Buffer, window.Start, i - window.Start);
            position = i;
            window.Start = i;
            results.Clear();
            if (!complete && !scalar)
            {
                results.Add(new AccessLogLine(startLine, null, "The record is cut off: the file ends inside it."));
            }
            else
            {
                ReadValue(memory, startLine, fields, format, results, allowArray: false);
            }

            foreach (var result in results)
            {
                yield return result;
            }

            if (!complete && !scalar)
            {
                yield break;
            }
        }
    }

    private static void ReadValue(ReadOnlyMemory<byte> json, long line, AccessLogFields fields, Action<AccessLogFormat> format, List<AccessLogLine> results, bool allowArray)
    {
        var span = json.Span;
        var empty = true;
        foreach (var b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                empty = false;
                break;
            }
        }

        if (empty)
        {
            return;
        }

        if (RawRecordReader.TryRead(span, fields))
        {
            format(AccessLogFormat.ResourceLogJson);
            var fast = fields.Build(out var problem);
            results.Add(new AccessLogLine(line, fast, problem));
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            results.Add(new AccessLogLine(line, null, $"Not valid JSON: {e.Message}"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in records.EnumerateArray())
                {
                    results.Add(Record(record, line, fields, format));
                }

                return;
            }

            if (root.ValueKind == JsonValueKind.Array && !allowArray)
            {
                foreach (var record in root.EnumerateArray())
                {
                    results.Add(Record(record, line, fields, format));
                }

                return;
            }

            results.Add(Record(root, line, fields, format));
        }
    }

    private static AccessLogLine Record(JsonElement element, long line, AccessLogFields fields, Action<AccessLogFormat> format)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new AccessLogLine(line, null, $"A log record must be a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}.");
        }

        if (element.TryGetProperty("tables", out _))
        {
            return new AccessLogLine(line, null, "This is a Log Analytics query API answer ({\"tables\":…}); export NSPAccessLogs as CSV or JSON lines instead.");
        }

        fields.Clear();
        if (JsonLogRecords.IsResourceLogRecord(element))
        {
            format(AccessLogFormat.ResourceLogJson);
            JsonLogRecords.ReadResourceLogRecord(element, fields);
        }
        else
        {
            format(AccessLogFormat.LogAnalyticsJson);
            JsonLogRecords.ReadTableRow(element, fields);
        }

        var record = fields.Build(out var error);
        return new AccessLogLine(line, record, error);
    }
}
