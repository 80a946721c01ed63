using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NspPortal.Data.ActivityLog;
using NspPortal.Data.Representation;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary>The activity log in the shape of Azure Monitor's <c>Microsoft.Insights/eventtypes/management/values</c>
/// (api-version 2015-04-01): <c>$filter</c> with <c>eventTimestamp ge/le '…'</c>, <c>resourceUri eq '…'</c>,
/// <c>resourceGroupName eq '…'</c>, <c>correlationId eq '…'</c> joined by <c>and</c>; newest first, paged by <c>nextLink</c>.
/// Each event carries the resource JSON before and after the change in <c>properties.resourceBefore</c> and
/// <c>properties.resourceAfter</c> (strings, as EventData properties are).</summary>
internal static partial class ActivityLogEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/subscriptions/{subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values", List)
            .WithMetadata(new ArmRoute("eventtypes/management/values", ApiFamily.Insights));

    private static async Task<IResult> List(HttpContext http, string subscriptionId, ActivityLogService service, CancellationToken ct)
    {
        var query = new ActivityLogQuery(Guid.Parse(subscriptionId));
        var filter = http.Request.Query["$filter"].ToString();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var (parsed, error) = Parse(filter, query);
            if (error is not null)
            {
                return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidFilter", error) { Target = "$filter" });
            }

            query = parsed!;
        }

        var (page, pageError) = ArmRequest.Page(http, maxTop: 1000);
        if (pageError is not null)
        {
            return pageError;
        }

        var request = http.Request.Query.ContainsKey("$top") ? page! : page! with { Top = 200 };
        var result = await service.QueryAsync(query, request, ct);
        return ArmResponses.ListOf(http, [.. result.Items.Select(e => (JsonNode)EventData(e))], result.NextSkip);
    }

    /// <summary>One entry as Azure Monitor's EventData.</summary>
    public static JsonObject EventData(ActivityLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var provider = entry.ResourceType.Split('/')[0];
        var timestamp = ArmJson.Timestamp(entry.EventTimestamp);
        var properties = new JsonObject
        {
            ["statusCode"] = entry.Before is null ? "Created" : entry.After is null ? "OK" : "OK",
            ["resourceBefore"] = entry.Before,
            ["resourceAfter"] = entry.After,
        };
        return new JsonObject
        {
            ["authorization"] = new JsonObject { ["action"] = entry.OperationName, ["scope"] = entry.ResourceId },
            ["caller"] = entry.Caller,
            ["channels"] = "Operation",
            ["claims"] = new JsonObject { ["callerType"] = entry.CallerType },
            ["correlationId"] = entry.CorrelationId.ToString("D"),
            ["description"] = "",
            ["eventDataId"] = entry.Id.ToString("D"),
            ["eventName"] = Localized("EndRequest", "End request"),
            ["category"] = Localized("Administrative", "Administrative"),
            ["id"] = $"{entry.ResourceId}/events/{entry.Id:D}/ticks/{entry.EventTimestamp.Ticks.ToString(CultureInfo.InvariantCulture)}",
            ["level"] = "Informational",
            ["resourceGroupName"] = entry.ResourceGroupName,
            ["resourceProviderName"] = Localized(provider, provider),
            ["resourceId"] = entry.ResourceId,
            ["resourceType"] = Localized(entry.ResourceType, entry.ResourceType),
            ["operationId"] = entry.CorrelationId.ToString("D"),
            ["operationName"] = Localized(entry.OperationName, entry.OperationName),
            ["properties"] = properties,
            ["status"] = Localized(entry.Status, entry.Status),
            ["subStatus"] = Localized(entry.Before is null ? "Created" : "OK", entry.Before is null ? "Created (HTTP Status Code: 201)" : "OK (HTTP Status Code: 200)"),
            ["eventTimestamp"] = timestamp,
            ["submissionTimestamp"] = timestamp,
            ["subscriptionId"] = entry.SubscriptionId.ToString("D"),
        };
    }

    /// <summary>Parses ARM's filter grammar for this API; returns an error naming the clause it does not understand.</summary>
    internal static (ActivityLogQuery? Query, string? Error) Parse(string filter, ActivityLogQuery query)
    {
        foreach (var clause in AndSplitter().Split(filter.Trim()))
        {
            var match = Clause().Match(clause.Trim());
            if (!match.Success)
            {
                return (null, $"The filter clause '{clause.Trim()}' is not supported; use eventTimestamp ge/le '…', resourceUri eq '…', resourceGroupName eq '…' or correlationId eq '…' joined by 'and'.");
            }

            var (field, op, value) = (match.Groups["field"].Value, match.Groups["op"].Value.ToLowerInvariant(), match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal));
            switch (field.ToLowerInvariant(), op)
            {
                case ("eventtimestamp", "ge" or "le" or "gt" or "lt"):
                    if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                    {
                        return (null, $"'{value}' is not a time; use ISO 8601, e.g. 2026-11-22T00:00:00Z.");
                    }

                    query = op is "ge" or "gt" ? query with { From = time } : query with { To = time };
                    break;
                case ("resourceuri" or "resourceid", "eq"):
                    query = query with { ResourceId = value };
                    break;
                case ("resourcegroupname", "eq"):
                    query = query with { ResourceGroupName = value };
                    break;
                case ("correlationid", "eq") when Guid.TryParse(value, out var correlation):
                    query = query with { CorrelationId = correlation };
                    break;
                default:
                    return (null, $"The filter clause '{clause.Trim()}' is not supported.");
            }
        }

        return (query, null);
    }

    private static JsonObject Localized(string value, string localized) => new() { ["value"] = value, ["localizedValue"] = localized };

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplitter();

    [GeneratedRegex(@"^(?<field>[A-Za-z]+)\s+(?<op>eq|ge|le|gt|lt)\s+'(?<value>(?:[^']|'')*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
