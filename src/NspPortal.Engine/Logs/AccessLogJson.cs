using System.Globalization;
using System.Text.Json.Nodes;

namespace NspPortal.Engine.Logs;

/// <summary>Writes a record as the raw NSP resource-log record of reference/nsp.md §3.2 (what Storage and Event Hubs
/// receive); <see cref="AccessLogReader"/> reads it back to the same record.</summary>
public static class AccessLogJson
{
    /// <summary>The §3.2 JSON of <paramref name="record"/>.</summary>
    public static JsonObject Write(AccessLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var properties = new JsonObject
        {
            ["serviceResourceId"] = record.ServiceResourceId,
            ["serviceFqdn"] = record.ServiceFqdn,
            ["profile"] = record.Profile,
            ["accessRulesVersion"] = record.AccessRulesVersion,
            ["appId"] = record.AppId,
            ["parameters"] = record.Parameters,
            ["matchedRule"] = new JsonObject { ["accessRule"] = record.MatchedRule },
        };
        if (record.ResultDirection == "Outbound")
        {
            properties["destination"] = new JsonObject
            {
                ["resourceId"] = record.Destination.ResourceId,
                ["fullyQualifiedDomainName"] = record.Destination.Fqdn,
                ["port"] = record.Destination.Port,
                ["protocol"] = record.Destination.Protocol,
                ["parameters"] = record.Destination.Parameters,
            };
        }
        else
        {
            properties["source"] = new JsonObject
            {
                ["resourceId"] = record.Source.ResourceId,
                ["ipAddress"] = record.Source.IpAddress,
                ["port"] = record.Source.Port,
                ["protocol"] = record.Source.Protocol,
                ["perimeterGuids"] = new JsonArray([.. record.Source.PerimeterGuids.Select(g => (JsonNode)JsonValue.Create(g))]),
                ["appId"] = record.Source.AppId,
                ["parameters"] = record.Source.Parameters,
            };
        }

        var json = new JsonObject
        {
            ["time"] = record.TimeGenerated.ToString("O", CultureInfo.InvariantCulture),
        };
        if (record.TimeGeneratedEndTime is { } end)
        {
            json["timeGeneratedEndTime"] = end.ToString("O", CultureInfo.InvariantCulture);
        }

        json["count"] = record.Count;
        json["resourceId"] = record.PerimeterResourceId;
        json["location"] = record.Location;
        json["operationName"] = record.OperationName;
        json["operationVersion"] = record.OperationVersion;
        json["category"] = record.Category.ToString();
        json["resultDescription"] = record.ResultDescription;
        json["properties"] = properties;
        return json;
    }
}
