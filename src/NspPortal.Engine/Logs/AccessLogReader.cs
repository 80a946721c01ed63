using System.IO.Compression;
using System.Text;

namespace NspPortal.Engine.Logs;

/// <summary>Reads NSP access logs from a stream of any format Azure writes (<see cref="AccessLogFormat"/>), one record
/// at a time: memory is bounded by the largest record, never by the file. The format is detected from the content
/// (gzip is unpacked): <c>[</c> starts a JSON array, <c>{</c> JSON lines, anything else is CSV with a header; JSON records
/// are raw resource-log records when they carry <c>time</c>/<c>properties</c> (reference/nsp.md §3.2), else table rows.
/// Lenient where Azure is — unknown fields, empty strings, <c>count</c> absent means 1 — and strict where it matters:
/// a record with a missing or malformed time, a bad count or an unknown category is refused with its line number.</summary>
/// <example><code>
/// var reader = AccessLogReader.Open(stream);
/// foreach (var line in reader.Read())
///     if (line.Record is { } record) …; else Console.WriteLine($"line {line.Line}: {line.Error}");
/// </code></example>
public sealed class AccessLogReader
{
    private readonly ByteWindow _window;
    private readonly Stream _stream;
    private readonly Kind _kind;

    private enum Kind
    {
        Empty,
        Csv,
        JsonLines,
        JsonArray,
    }

    private AccessLogReader(ByteWindow window, Stream stream, Kind kind)
    {
        _window = window;
        _stream = stream;
        _kind = kind;
        Format = kind == Kind.Csv ? AccessLogFormat.Csv : AccessLogFormat.Unknown;
    }

    /// <summary>The format read: CSV as soon as it is detected, a JSON format once its first record was read.</summary>
    public AccessLogFormat Format { get; private set; }

    /// <summary>Peeks at the start of <paramref name="stream"/> to detect the format. The stream is read, never
    /// disposed, by this reader.</summary>
    public static AccessLogReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var window = new ByteWindow(stream);
        while (window.End - window.Start < 2 && window.Fill() >= 0)
        {
        }

        if (window.End - window.Start >= 2 && window.Buffer[window.Start] == 0x1F && window.Buffer[window.Start + 1] == 0x8B)
        {
            var unpacked = new GZipStream(new WindowStream(window, stream), CompressionMode.Decompress);
            stream = unpacked;
            window = new ByteWindow(unpacked);
        }

        window.SkipBom();
        var kind = window.PeekNonWhiteSpace() switch
        {
            -1 => Kind.Empty,
            '[' => Kind.JsonArray,
            '{' => Kind.JsonLines,
            _ => Kind.Csv,
        };
        return new AccessLogReader(window, stream, kind);
    }

    /// <summary>The records, in file order, each valid or with the reason it was refused. Read once.</summary>
    public IEnumerable<AccessLogLine> Read() => _kind switch
    {
        Kind.Csv => CsvLogReader.Read(new StreamReader(new WindowStream(_window, _stream), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16)),
        Kind.JsonLines => JsonLogReader.ReadLines(_window, Detected),
        Kind.JsonArray => JsonLogReader.ReadArray(_window, Detected),
        _ => [],
    };

    private void Detected(AccessLogFormat format)
    {
        if (Format == AccessLogFormat.Unknown)
        {
            Format = format;
        }
    }
}
