using System.Text.Json;

namespace NspPortal.Engine.Logs;

/// <summary>Reads one JSON record of either shape into <see cref="AccessLogFields"/>: a raw resource-log record
/// (reference/nsp.md §3.2: <c>time</c>, <c>category</c>, <c>properties{…, source|destination}</c>) or an
/// <c>NSPAccessLogs</c> row named by the table's columns (§3.3). Names match case-insensitively; unknown fields
/// (e.g. <c>serviceFeatureNames</c>) are ignored.</summary>
internal static class JsonLogRecords
{
    /// <summary>True when the object is a raw resource-log record rather than a table row: raw records are camelCase
    /// (<c>time</c>, <c>category</c>, <c>properties</c>), table rows PascalCase (<c>TimeGenerated</c>, <c>Category</c>).</summary>
    public static bool IsResourceLogRecord(JsonElement record) =>
        record.TryGetProperty("properties", out _) || record.TryGetProperty("time", out _) || record.TryGetProperty("category", out _);

    public static void ReadTableRow(JsonElement row, AccessLogFields fields)
    {
        fields.TimeName = "TimeGenerated";
        fields.CategoryName = "Category";
        foreach (var property in row.EnumerateObject())
        {
            if (AccessLogFields.TableColumns.TryGetValue(property.Name, out var field))
            {
                fields[field] = AccessLogFields.Text(property.Value);
            }
        }
    }

    public static void ReadResourceLogRecord(JsonElement record, AccessLogFields fields)
    {
        fields.TimeName = "time";
        fields.CategoryName = "category";
        foreach (var property in record.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "TIME": fields[LogField.TimeGenerated] = AccessLogFields.Text(property.Value); break;
                case "TIMEGENERATEDENDTIME": fields[LogField.TimeGeneratedEndTime] = AccessLogFields.Text(property.Value); break;
                case "COUNT": fields[LogField.Count] = AccessLogFields.Text(property.Value); break;
                case "RESOURCEID": fields[LogField.PerimeterResourceId] = AccessLogFields.Text(property.Value); break;
                case "LOCATION": fields[LogField.Location] = AccessLogFields.Text(property.Value); break;
                case "OPERATIONNAME": fields[LogField.OperationName] = AccessLogFields.Text(property.Value); break;
                case "OPERATIONVERSION": fields[LogField.OperationVersion] = AccessLogFields.Text(property.Value); break;
                case "CATEGORY": fields[LogField.Category] = AccessLogFields.Text(property.Value); break;
                case "RESULTDESCRIPTION": fields[LogField.ResultDescription] = AccessLogFields.Text(property.Value); break;
                case "PROPERTIES" when property.Value.ValueKind == JsonValueKind.Object: Properties(property.Value, fields); break;
            }
        }
    }

    private static void Properties(JsonElement properties, AccessLogFields fields)
    {
        foreach (var property in properties.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "SERVICERESOURCEID": fields[LogField.ServiceResourceId] = AccessLogFields.Text(property.Value); break;
                case "SERVICEFQDN": fields[LogField.ServiceFqdn] = AccessLogFields.Text(property.Value); break;
                case "PROFILE": fields[LogField.Profile] = AccessLogFields.Text(property.Value); break;
                case "ACCESSRULESVERSION" or "ACCESSRULEVERSION": fields[LogField.AccessRulesVersion] = AccessLogFields.Text(property.Value); break;
                case "APPID": fields[LogField.AppId] = AccessLogFields.Text(property.Value); break;
                case "PARAMETERS": fields[LogField.Parameters] = AccessLogFields.Text(property.Value); break;
                case "MATCHEDRULE": fields[LogField.MatchedRule] = AccessLogFields.Text(property.Value); break;
                // Derived columns, when a pipeline added them.
                case "RULETYPE": fields[LogField.RuleType] = AccessLogFields.Text(property.Value); break;
                case "RESULTACTION": fields[LogField.ResultAction] = AccessLogFields.Text(property.Value); break;
                case "RESULTDIRECTION": fields[LogField.ResultDirection] = AccessLogFields.Text(property.Value); break;
                case "TRAFFICTYPE": fields[LogField.TrafficType] = AccessLogFields.Text(property.Value); break;
                case "SOURCE" when property.Value.ValueKind == JsonValueKind.Object: Source(property.Value, fields); break;
                case "DESTINATION" when property.Value.ValueKind == JsonValueKind.Object: Destination(property.Value, fields); break;
            }
        }
    }

    private static void Source(JsonElement source, AccessLogFields fields)
    {
        foreach (var property in source.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "RESOURCEID": fields[LogField.SourceResourceId] = AccessLogFields.Text(property.Value); break;
                case "IPADDRESS": fields[LogField.SourceIpAddress] = AccessLogFields.Text(property.Value); break;
                case "PORT": fields[LogField.SourcePort] = AccessLogFields.Text(property.Value); break;
                case "PROTOCOL": fields[LogField.SourceProtocol] = AccessLogFields.Text(property.Value); break;
                case "APPID": fields[LogField.SourceAppId] = AccessLogFields.Text(property.Value); break;
                case "PARAMETERS": fields[LogField.SourceParameters] = AccessLogFields.Text(property.Value); break;
                case "PERIMETERGUIDS" when property.Value.ValueKind == JsonValueKind.Array:
                    foreach (var guid in property.Value.EnumerateArray())
                    {
                        if (AccessLogFields.Text(guid) is { Length: > 0 } text)
                        {
                            fields.PerimeterGuids.Add(text);
                        }
                    }

                    break;
                case "PERIMETERGUIDS": fields[LogField.SourcePerimeterGuids] = AccessLogFields.Text(property.Value); break;
            }
        }
    }

    private static void Destination(JsonElement destination, AccessLogFields fields)
    {
        foreach (var property in destination.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "RESOURCEID": fields[LogField.DestinationResourceId] = AccessLogFields.Text(property.Value); break;
                case "FULLYQUALIFIEDDOMAINNAME" or "FQDN": fields[LogField.DestinationFqdn] = AccessLogFields.Text(property.Value); break;
                case "PORT": fields[LogField.DestinationPort] = AccessLogFields.Text(property.Value); break;
                case "PROTOCOL": fields[LogField.DestinationProtocol] = AccessLogFields.Text(property.Value); break;
                case "APPID": break; // the destination's app id has no NSPAccessLogs column
                case "PARAMETERS": fields[LogField.DestinationParameters] = AccessLogFields.Text(property.Value); break;
            }
        }
    }
}
