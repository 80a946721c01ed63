using System.Text;

namespace NspPortal.Engine.Logs;

/// <summary>Streams <c>NSPAccessLogs</c> exported as CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes). The header names the columns (§3.3), in any order and case, with the portal's <c>[UTC]</c> suffix
/// tolerated; unknown columns are ignored, missing ones are absent. A record reports the line it starts on.</summary>
internal static class CsvLogReader
{
    public static IEnumerable<AccessLogLine> Read(TextReader reader)
    {
        var cells = new List<string>(48);
        var builder = new StringBuilder();
        long line = 0;
        long start;
        do
        {
            start = line + 1;
            if (!ReadRecord(reader, cells, builder, ref line, out _))
            {
                yield break;
            }
        }
        while (cells.Count == 1 && cells[0].Length == 0);

        var map = new LogField?[cells.Count];
        var seen = new HashSet<LogField>();
        for (var i = 0; i < cells.Count; i++)
        {
            var name = cells[i].Trim();
            var bracket = name.IndexOf(" [", StringComparison.Ordinal);
            if (bracket > 0)
            {
                name = name[..bracket];
            }

            if (AccessLogFields.TableColumns.TryGetValue(name, out var field) && seen.Add(field))
            {
                map[i] = field;
            }
        }

        if (!seen.Contains(LogField.TimeGenerated) || !seen.Contains(LogField.Category))
        {
            yield return new AccessLogLine(start, null,
                "The CSV header names no TimeGenerated or no Category column; export NSPAccessLogs with the table's column names.");
            yield break;
        }

        var fields = new AccessLogFields();
        while (true)
        {
            start = line + 1;
            if (!ReadRecord(reader, cells, builder, ref line, out var unterminated))
            {
                yield break;
            }

            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue; // a blank line
            }

            if (unterminated)
            {
                yield return new AccessLogLine(start, null, "A quoted field is not closed before the end of the file.");
                yield break;
            }

            fields.Clear();
            for (var i = 0; i < cells.Count && i < map.Length; i++)
            {
                if (map[i] is { } field)
                {
                    fields[field] = cells[i];
                }
            }

            var record = fields.Build(out var error);
            yield return new AccessLogLine(start, record, error);
        }
    }

    private static bool ReadRecord(TextReader reader, List<string> cells, StringBuilder builder, ref long line, out bool unterminated)
    {
        unterminated = false;
        cells.Clear();
        var text = reader.ReadLine();
        if (text is null)
        {
            return false;
        }

        line++;
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            var from = 0;
            while (true)
            {
                var comma = text.IndexOf(',', from);
                if (comma < 0)
                {
                    cells.Add(text[from..]);
                    return true;
                }

                cells.Add(text[from..comma]);
                from = comma + 1;
            }
        }

        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                builder.Clear();
                i++;
                while (true)
                {
                    var quote = text.IndexOf('"', i);
                    if (quote < 0)
                    {
                        builder.Append(text, i, text.Length - i).Append('\n');
                        var next = reader.ReadLine();
                        if (next is null)
                        {
                            cells.Add(builder.ToString());
                            unterminated = true;
                            return true;
                        }

                        line++;
                        text = next;
                        i = 0;
                        continue;
                    }

                    builder.Append(text, i, quote - i);
                    if (quote + 1 < text.Length && text[quote + 1] == '"')
                    {
                        builder.Append('"');
                        i = quote + 2;
                        continue;
                    }

                    i = quote + 1;
                    break;
                }

                cells.Add(builder.ToString());
                var after = text.IndexOf(',', i);
                if (after < 0)
                {
                    return true;
                }

                i = after + 1;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                if (comma < 0)
                {
                    cells.Add(text[i..]);
                    return true;
                }

                cells.Add(text[i..comma]);
                i = comma + 1;
            }
        }
    }
}
