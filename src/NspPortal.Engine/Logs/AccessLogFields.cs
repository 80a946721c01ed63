using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace NspPortal.Engine.Logs;

/// <summary>The columns of an access-log row as the readers find them (reference/nsp.md §3.3 names).</summary>
internal enum LogField
{
    TimeGenerated,
    TimeGeneratedEndTime,
    Count,
    Category,
    PerimeterResourceId,
    Location,
    OperationName,
    OperationVersion,
    Profile,
    AccessRulesVersion,
    MatchedRule,
    RuleType,
    ResultAction,
    ResultDirection,
    ResultDescription,
    TrafficType,
    ServiceResourceId,
    ServiceFqdn,
    AppId,
    Parameters,
    SourceIpAddress,
    SourcePort,
    SourceProtocol,
    SourceResourceId,
    SourceAppId,
    SourcePerimeterGuids,
    SourceParameters,
    DestinationFqdn,
    DestinationPort,
    DestinationProtocol,
    DestinationResourceId,
    DestinationParameters,
}

/// <summary>One row's column texts, filled by a reader and turned into an <see cref="AccessLogRecord"/> with the
/// rules every format shares: empty means absent, <c>count</c> absent means 1, the time and the category are
/// required and checked, the derived columns come from the category when absent. Reused row after row.</summary>
internal sealed class AccessLogFields
{
    public const int Count = (int)LogField.DestinationParameters + 1;

    /// <summary>The <c>NSPAccessLogs</c> column names (§3.3) and the few variants exports use.</summary>
    public static FrozenDictionary<string, LogField> TableColumns { get; } = new Dictionary<string, LogField>(StringComparer.OrdinalIgnoreCase)
    {
        ["TimeGenerated"] = LogField.TimeGenerated,
        ["TimeGeneratedEndTime"] = LogField.TimeGeneratedEndTime,
        ["Count"] = LogField.Count,
        ["Category"] = LogField.Category,
        ["_ResourceId"] = LogField.PerimeterResourceId,
        ["ResourceId"] = LogField.PerimeterResourceId,
        ["Location"] = LogField.Location,
        ["OperationName"] = LogField.OperationName,
        ["OperationVersion"] = LogField.OperationVersion,
        ["Profile"] = LogField.Profile,
        ["AccessRuleVersion"] = LogField.AccessRulesVersion,
        ["AccessRulesVersion"] = LogField.AccessRulesVersion,
        ["MatchedRule"] = LogField.MatchedRule,
        ["RuleType"] = LogField.RuleType,
        ["ResultAction"] = LogField.ResultAction,
        ["ResultDirection"] = LogField.ResultDirection,
        ["ResultDescription"] = LogField.ResultDescription,
        ["TrafficType"] = LogField.TrafficType,
        ["ServiceResourceId"] = LogField.ServiceResourceId,
        ["ServiceFqdn"] = LogField.ServiceFqdn,
        ["AppId"] = LogField.AppId,
        ["Parameters"] = LogField.Parameters,
        ["SourceIpAddress"] = LogField.SourceIpAddress,
        ["SourcePort"] = LogField.SourcePort,
        ["SourceProtocol"] = LogField.SourceProtocol,
        ["SourceResourceId"] = LogField.SourceResourceId,
        ["SourceAppId"] = LogField.SourceAppId,
        ["SourcePerimeterGuids"] = LogField.SourcePerimeterGuids,
        ["SourceParameters"] = LogField.SourceParameters,
        ["DestinationFqdn"] = LogField.DestinationFqdn,
        ["DestinationPort"] = LogField.DestinationPort,
        ["DestinationProtocol"] = LogField.DestinationProtocol,
        ["DestinationResourceId"] = LogField.DestinationResourceId,
        ["DestinationParameters"] = LogField.DestinationParameters,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly string?[] _values = new string?[Count];

    /// <summary><c>perimeterGuids</c> when a raw record gives them as a JSON array.</summary>
    public List<string> PerimeterGuids { get; } = [];

    /// <summary>How the time column is called in the format read, for messages.</summary>
    public string TimeName { get; set; } = "TimeGenerated";

    /// <summary>How the category column is called in the format read, for messages.</summary>
    public string CategoryName { get; set; } = "Category";

    public string? this[LogField field]
    {
        get => _values[(int)field];
        set => _values[(int)field] = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public void Clear()
    {
        Array.Clear(_values);
        PerimeterGuids.Clear();
    }

    /// <summary>A JSON value as column text: strings as they are, numbers and booleans as written, objects and arrays
    /// as their JSON (Azure's <c>parameters</c> are sometimes objects), null as absent.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>The record, or null with the reason in <paramref name="error"/>.</summary>
    public AccessLogRecord? Build(out string? error)
    {
        var timeText = this[LogField.TimeGenerated];
        if (timeText is null)
        {
            error = $"{TimeName} is missing.";
            return null;
        }

        if (!AccessLogTime.TryParse(timeText, out var time))
        {
            error = $"{TimeName} '{Clip(timeText)}' is not a UTC timestamp (ISO 8601, e.g. 2024-05-01T10:00:00Z).";
            return null;
        }

        DateTime? end = null;
        if (this[LogField.TimeGeneratedEndTime] is { } endText)
        {
            if (!AccessLogTime.TryParse(endText, out var parsedEnd))
            {
                error = $"TimeGeneratedEndTime '{Clip(endText)}' is not a UTC timestamp (ISO 8601, e.g. 2024-05-01T10:00:00Z).";
                return null;
            }

            end = parsedEnd;
        }

        var count = 1;
        if (this[LogField.Count] is { } countText && !TryCount(countText, out count))
        {
            error = $"Count '{Clip(countText)}' is not a whole number of at least 1.";
            return null;
        }

        var categoryText = this[LogField.Category];
        if (categoryText is null)
        {
            error = $"{CategoryName} is missing.";
            return null;
        }

        if (!LogCategories.TryParse(categoryText, out var category))
        {
            error = IsProfileCategory(categoryText)
                ? $"{CategoryName} '{Clip(categoryText)}' is a profile-level category of the older logs; only the perimeter categories (Nsp…) are imported."
                : $"{CategoryName} '{Clip(categoryText)}' is not a network security perimeter log category.";
            return null;
        }

        error = null;
        var guids = PerimeterGuids.Count > 0 ? [.. PerimeterGuids] : SplitGuids(this[LogField.SourcePerimeterGuids]);
        return new AccessLogRecord
        {
            TimeGenerated = time,
            TimeGeneratedEndTime = end,
            Count = count,
            Category = category,
            PerimeterResourceId = this[LogField.PerimeterResourceId],
            Location = this[LogField.Location],
            OperationName = this[LogField.OperationName],
            OperationVersion = this[LogField.OperationVersion],
            Profile = this[LogField.Profile],
            AccessRulesVersion = this[LogField.AccessRulesVersion],
            MatchedRule = RuleName(this[LogField.MatchedRule]),
            RuleType = this[LogField.RuleType] ?? LogCategories.RuleType(category),
            ResultAction = this[LogField.ResultAction] ?? LogCategories.Action(category),
            ResultDirection = this[LogField.ResultDirection] ?? LogCategories.Direction(category),
            ResultDescription = this[LogField.ResultDescription],
            TrafficType = this[LogField.TrafficType] ?? LogCategories.TrafficType(category).ToString(),
            ServiceResourceId = this[LogField.ServiceResourceId],
            ServiceFqdn = this[LogField.ServiceFqdn]?.ToLowerInvariant(),
            AppId = this[LogField.AppId],
            Parameters = this[LogField.Parameters],
            Source = this[LogField.SourceIpAddress] is null && this[LogField.SourcePort] is null && this[LogField.SourceProtocol] is null
                && this[LogField.SourceResourceId] is null && this[LogField.SourceAppId] is null && guids.Length == 0 && this[LogField.SourceParameters] is null
                ? AccessLogSource.None
                : new AccessLogSource
                {
                    IpAddress = this[LogField.SourceIpAddress],
                    Port = this[LogField.SourcePort],
                    Protocol = this[LogField.SourceProtocol],
                    ResourceId = this[LogField.SourceResourceId],
                    AppId = this[LogField.SourceAppId],
                    PerimeterGuids = guids,
                    Parameters = this[LogField.SourceParameters],
                },
            Destination = this[LogField.DestinationFqdn] is null && this[LogField.DestinationPort] is null && this[LogField.DestinationProtocol] is null
                && this[LogField.DestinationResourceId] is null && this[LogField.DestinationParameters] is null
                ? AccessLogDestination.None
                : new AccessLogDestination
                {
                    Fqdn = this[LogField.DestinationFqdn]?.ToLowerInvariant(),
                    Port = this[LogField.DestinationPort],
                    Protocol = this[LogField.DestinationProtocol],
                    ResourceId = this[LogField.DestinationResourceId],
                    Parameters = this[LogField.DestinationParameters],
                },
        };
    }

    private static bool TryCount(string text, out int count)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out count))
        {
            return count >= 1;
        }

        // Some exports write integers as 1.0.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= int.MaxValue && Math.Floor(number) == number)
        {
            count = (int)number;
            return true;
        }

        return false;
    }

    private static bool IsProfileCategory(string text) => text.Trim() is var t &&
        (t.Equals("NSPInboundAccessAllowed", StringComparison.OrdinalIgnoreCase) || t.Equals("NSPInboundAccessDenied", StringComparison.OrdinalIgnoreCase)
        || t.Equals("NSPOutboundAccessAllowed", StringComparison.OrdinalIgnoreCase) || t.Equals("NSPOutboundAccessDenied", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>MatchedRule</c> is JSON in the table (<c>{"accessRule":"name"}</c>); the name is what matters.</summary>
    private static string? RuleName(string? text)
    {
        if (text is null || !text.StartsWith('{'))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("accessRule") || property.Name.Equals("accessRule", StringComparison.OrdinalIgnoreCase))
                {
                    var name = Text(property.Value);
                    return string.IsNullOrWhiteSpace(name) ? null : name;
                }
            }

            return text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>The table's <c>SourcePerimeterGuids</c> is a string: a JSON array or a separated list.</summary>
    private static string[] SplitGuids(string? text)
    {
        if (text is null)
        {
            return [];
        }

        if (text.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return [.. document.RootElement.EnumerateArray().Select(Text).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!)];
            }
            catch (JsonException)
            {
                // fall through to the separated list
            }
        }

        return text.Split([',', ';', ' ', '[', ']', '"'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
