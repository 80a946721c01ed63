using System.Globalization;

namespace NspPortal.Engine.Logs;

/// <summary>Timestamps of access logs, read strictly: a log row at a wrong time misleads every chart and the
/// troubleshooter, so anything but an unambiguous UTC time is refused.</summary>
public static class AccessLogTime
{
    private static readonly string[] PortalFormats =
    [
        "M/d/yyyy, h:mm:ss.FFFFFFF tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy h:mm:ss.FFFFFFF tt", "M/d/yyyy h:mm:ss tt",
    ];

    /// <summary>The earliest time accepted: NSP did not exist before.</summary>
    public static DateTime Earliest { get; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Reads ISO 8601 (<c>2024-05-01T10:00:00.1234567Z</c>, an offset, or no zone meaning UTC; a space for the
    /// <c>T</c>) and the Azure portal's CSV export format (<c>5/1/2024, 10:00:00.000 AM</c>, UTC). The result is UTC,
    /// truncated to the microsecond (what PostgreSQL keeps, so a row's identity survives a round trip).</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        bool parsed;
        DateTime value = default;
        if (span.Length >= 10 && char.IsAsciiDigit(span[0]) && char.IsAsciiDigit(span[3]) && span[4] == '-' && span[7] == '-')
        {
            parsed = (span.Length == 10 || span[10] is 'T' or 't' or ' ') && IsIsoShaped(span)
                && DateTime.TryParse(span, CultureInfo.InvariantCulture, styles, out value);
        }
        else
        {
            parsed = DateTime.TryParseExact(span.ToString(), PortalFormats, CultureInfo.InvariantCulture, styles, out value);
        }

        if (!parsed || value < Earliest)
        {
            return false;
        }

        utc = new DateTime(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);
        return true;
    }

    // DateTime.TryParse also takes "2024-05-01 5pm" or "2024-05-01 Monday"; an ISO time is digits and separators only.
    private static bool IsIsoShaped(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(char.IsAsciiDigit(c) || c is '-' or ':' or '.' or 'T' or 't' or 'Z' or 'z' or '+' or ' '))
            {
                return false;
            }
        }

        return true;
    }
}
