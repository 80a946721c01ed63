using System.Text;
using System.Text.Json;

namespace NspPortal.Engine.Logs;

/// <summary>The fast path for raw resource-log records (reference/nsp.md §3.2), the bulk of any large file: one pass of
/// <see cref="Utf8JsonReader"/> over the record's bytes, names compared case-insensitively without allocating, unknown
/// fields skipped. Anything it does not recognise as a plain raw record (table rows, Event Hubs' <c>records</c>,
/// malformed JSON) is left to the <see cref="JsonDocument"/> path, which also words the errors.</summary>
internal static class RawRecordReader
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    private enum Level
    {
        Top,
        Properties,
        Source,
        Destination,
        MatchedRule,
    }

    /// <summary>Fills <paramref name="fields"/> from a raw record; false (fields unusable) when the record is not one.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, AccessLogFields fields)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            fields.Clear();
            fields.TimeName = "time";
            fields.CategoryName = "category";
            var raw = false;
            if (!ReadObject(ref reader, json, Level.Top, fields, ref raw) || !raw)
            {
                return false;
            }

            // Nothing but white space may follow the record.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Level level, AccessLogFields fields, ref bool raw)
    {
        Span<byte> name = stackalloc byte[32];
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            var length = reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > name.Length ? -1 : reader.ValueSpan.Length;
            if (length >= 0)
            {
                reader.ValueSpan.CopyTo(name);
                if (level == Level.Top && (reader.ValueTextEquals("time"u8) || reader.ValueTextEquals("category"u8) || reader.ValueTextEquals("properties"u8)))
                {
                    raw = true;
                }

                for (var i = 0; i < length; i++)
                {
                    name[i] = (byte)(name[i] | 0x20); // ASCII lower case (names are letters)
                }
            }

            var key = length >= 0 ? name[..length] : [];
            if (level == Level.Top && (key.SequenceEqual("records"u8) || key.SequenceEqual("tables"u8) || key.SequenceEqual("timegenerated"u8)))
            {
                return false; // not a plain raw record: the general path reads it
            }

            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                Level? child = level switch
                {
                    Level.Top when key.SequenceEqual("properties"u8) => Level.Properties,
                    Level.Properties when key.SequenceEqual("source"u8) => Level.Source,
                    Level.Properties when key.SequenceEqual("destination"u8) => Level.Destination,
                    Level.Properties when key.SequenceEqual("matchedrule"u8) => Level.MatchedRule,
                    _ => null,
                };
                if (child is { } next)
                {
                    if (!ReadObject(ref reader, json, next, fields, ref raw))
                    {
                        return false;
                    }

                    continue;
                }
            }

            if (reader.TokenType == JsonTokenType.StartArray && level == Level.Source && key.SequenceEqual("perimeterguids"u8))
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Scalar(ref reader, json) is { Length: > 0 } guid)
                    {
                        fields.PerimeterGuids.Add(guid);
                    }
                }

                continue;
            }

            if (Field(level, key) is { } field)
            {
                var value = Scalar(ref reader, json);
                if (level == Level.MatchedRule)
                {
                    fields[LogField.MatchedRule] = value;
                }
                else
                {
                    fields[field] = value;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return false;
    }

    /// <summary>A value as column text; objects and arrays as their JSON.</summary>
    private static string? Scalar(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
        }
    }

    private static LogField? Field(Level level, ReadOnlySpan<byte> key) => level switch
    {
        Level.Top => key switch
        {
            _ when key.SequenceEqual("time"u8) => LogField.TimeGenerated,
            _ when key.SequenceEqual("timegeneratedendtime"u8) => LogField.TimeGeneratedEndTime,
            _ when key.SequenceEqual("count"u8) => LogField.Count,
            _ when key.SequenceEqual("resourceid"u8) => LogField.PerimeterResourceId,
            _ when key.SequenceEqual("location"u8) => LogField.Location,
            _ when key.SequenceEqual("operationname"u8) => LogField.OperationName,
            _ when key.SequenceEqual("operationversion"u8) => LogField.OperationVersion,
            _ when key.SequenceEqual("category"u8) => LogField.Category,
            _ when key.SequenceEqual("resultdescription"u8) => LogField.ResultDescription,
            _ => null,
        },
        Level.Properties => key switch
        {
            _ when key.SequenceEqual("serviceresourceid"u8) => LogField.ServiceResourceId,
            _ when key.SequenceEqual("servicefqdn"u8) => LogField.ServiceFqdn,
            _ when key.SequenceEqual("profile"u8) => LogField.Profile,
            _ when key.SequenceEqual("accessrulesversion"u8) || key.SequenceEqual("accessruleversion"u8) => LogField.AccessRulesVersion,
            _ when key.SequenceEqual("appid"u8) => LogField.AppId,
            _ when key.SequenceEqual("parameters"u8) => LogField.Parameters,
            _ when key.SequenceEqual("matchedrule"u8) => LogField.MatchedRule,
            _ when key.SequenceEqual("ruletype"u8) => LogField.RuleType,
            _ when key.SequenceEqual("resultaction"u8) => LogField.ResultAction,
            _ when key.SequenceEqual("resultdirection"u8) => LogField.ResultDirection,
            _ when key.SequenceEqual("traffictype"u8) => LogField.TrafficType,
            _ => null,
        },
        Level.Source => key switch
        {
            _ when key.SequenceEqual("resourceid"u8) => LogField.SourceResourceId,
            _ when key.SequenceEqual("ipaddress"u8) => LogField.SourceIpAddress,
            _ when key.SequenceEqual("port"u8) => LogField.SourcePort,
            _ when key.SequenceEqual("protocol"u8) => LogField.SourceProtocol,
            _ when key.SequenceEqual("appid"u8) => LogField.SourceAppId,
            _ when key.SequenceEqual("parameters"u8) => LogField.SourceParameters,
            _ when key.SequenceEqual("perimeterguids"u8) => LogField.SourcePerimeterGuids,
            _ => null,
        },
        Level.Destination => key switch
        {
            _ when key.SequenceEqual("resourceid"u8) => LogField.DestinationResourceId,
            _ when key.SequenceEqual("fullyqualifieddomainname"u8) || key.SequenceEqual("fqdn"u8) => LogField.DestinationFqdn,
            _ when key.SequenceEqual("port"u8) => LogField.DestinationPort,
            _ when key.SequenceEqual("protocol"u8) => LogField.DestinationProtocol,
            _ when key.SequenceEqual("parameters"u8) => LogField.DestinationParameters,
            _ => null,
        },
        Level.MatchedRule => key.SequenceEqual("accessrule"u8) ? LogField.MatchedRule : null,
        _ => null,
    };
}
