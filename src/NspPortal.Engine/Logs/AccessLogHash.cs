using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NspPortal.Engine.Logs;

/// <summary>The identity of an access-log row: the first 16 bytes of SHA-256 over every logged column, normalised
/// (times in ticks, ARM ids upper-case, FQDNs lower-case as <see cref="AccessLogRecord"/> keeps them), so the same
/// row read twice — from the same file, or from another export of it — has the same hash and is stored once.</summary>
public static class AccessLogHash
{
    /// <summary>The hash's length in bytes.</summary>
    public const int Length = 16;

    /// <summary>Computes the row hash.</summary>
    public static byte[] Compute(AccessLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder(512);
        Add(text, record.TimeGenerated.Ticks.ToString(CultureInfo.InvariantCulture));
        Add(text, record.TimeGeneratedEndTime?.Ticks.ToString(CultureInfo.InvariantCulture));
        Add(text, record.Count.ToString(CultureInfo.InvariantCulture));
        Add(text, record.Category.ToString());
        Add(text, record.PerimeterResourceId?.ToUpperInvariant());
        Add(text, record.Location);
        Add(text, record.OperationName);
        Add(text, record.OperationVersion);
        Add(text, record.Profile);
        Add(text, record.AccessRulesVersion);
        Add(text, record.MatchedRule);
        Add(text, record.RuleType);
        Add(text, record.ResultAction);
        Add(text, record.ResultDirection);
        Add(text, record.ResultDescription);
        Add(text, record.TrafficType);
        Add(text, record.ServiceResourceId?.ToUpperInvariant());
        Add(text, record.ServiceFqdn);
        Add(text, record.AppId);
        Add(text, record.Parameters);
        var source = record.Source;
        Add(text, source.IpAddress);
        Add(text, source.Port);
        Add(text, source.Protocol);
        Add(text, source.ResourceId?.ToUpperInvariant());
        Add(text, source.AppId);
        Add(text, string.Join(',', source.PerimeterGuids));
        Add(text, source.Parameters);
        var destination = record.Destination;
        Add(text, destination.Fqdn);
        Add(text, destination.Port);
        Add(text, destination.Protocol);
        Add(text, destination.ResourceId?.ToUpperInvariant());
        Add(text, destination.Parameters);

        var byteCount = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = 0;
            foreach (var chunk in text.GetChunks())
            {
                written += Encoding.UTF8.GetBytes(chunk.Span, rented.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, written), hash);
            return hash[..Length].ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // A unit separator between fields and a marker for absent values keep "a"+"bc" and "ab"+"c" (and null and "") apart.
    private static void Add(StringBuilder text, string? value) => text.Append(value is null ? "\u0000" : value).Append('\u001F');
}
