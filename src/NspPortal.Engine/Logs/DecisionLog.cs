using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Logs;

/// <summary>The access-log record Azure would write for a decided connection (reference/nsp.md §3.2, §3.3): what the
/// live decision point appends and the simulator generates. No record when no perimeter applies (Azure logs nothing
/// for resources outside perimeters).</summary>
public static class DecisionLog
{
    /// <summary>The record for <paramref name="decision"/> of <paramref name="request"/> at <paramref name="time"/>.</summary>
    /// <param name="request">The connection.</param>
    /// <param name="decision">What the engine decided.</param>
    /// <param name="time">When (UTC).</param>
    /// <param name="configuration">The configuration decided against (for the perimeter's id and region).</param>
    /// <param name="count">Events aggregated into the record.</param>
    /// <param name="operationName">The PaaS operation, e.g. <c>GetBlob</c>.</param>
    public static AccessLogRecord? ToRecord(EvaluationRequest request, Decision decision, DateTime time, NspConfiguration configuration, int count = 1, string? operationName = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        if (decision.Category is not { } category)
        {
            return null;
        }

        var perimeter = decision.PerimeterGuid is { } guid ? configuration.Perimeters.FirstOrDefault(p => p.PerimeterGuid == guid) : null;
        var inbound = request.Direction == AccessRuleDirection.Inbound;
        var authentication = request.Source.Authentication;
        return new AccessLogRecord
        {
            TimeGenerated = new DateTime(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc),
            TimeGeneratedEndTime = count > 1 ? new DateTime(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc).AddMinutes(1) : null,
            Count = Math.Max(1, count),
            Category = category,
            // Raw records name the perimeter by its upper-cased id (§3.2).
            PerimeterResourceId = perimeter?.Id.Value.ToUpperInvariant(),
            Location = perimeter?.Location,
            OperationName = operationName,
            Profile = decision.Profile,
            AccessRulesVersion = decision.AccessRulesVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MatchedRule = decision.MatchedRule,
            RuleType = LogCategories.RuleType(category),
            ResultAction = decision.IsAllowed ? LogCategories.Approved : LogCategories.Denied,
            ResultDirection = LogCategories.Direction(category),
            TrafficType = decision.TrafficType.ToString(),
            ServiceResourceId = request.ResourceId.Value,
            Source = inbound
                ? new AccessLogSource
                {
                    IpAddress = request.Source.IpAddress?.ToString(),
                    Protocol = "HTTPS:TCP",
                    Port = "443",
                    ResourceId = request.Source.ResourceId?.Value,
                    PerimeterGuids = decision.TrafficType is TrafficType.Intra or TrafficType.Cross && decision.IsAllowed && decision.PerimeterGuid is { } own ? [own.ToString()] : [],
                    Parameters = authentication == CallerAuthentication.Anonymous ? null : $"Authentication: {authentication}",
                }
                : AccessLogSource.None,
            Destination = inbound
                ? AccessLogDestination.None
                : new AccessLogDestination
                {
                    Fqdn = request.Destination.Fqdn?.ToString(),
                    ResourceId = request.Destination.ResourceId?.Value,
                    Port = "443",
                    Protocol = "HTTPS:TCP",
                },
        };
    }
}
