using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Logs;
using NspPortal.Engine.Values;

namespace NspPortal.Web.Features.Transition;

/// <summary>The Logs blade's filters as the address bar carries them (GET form), with a message per field that does not read.</summary>
public sealed record LogsQuery
{
    /// <summary>The time ranges offered, as in Log Analytics' time picker.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, TimeSpan Span)> Ranges =
    [
        ("1h", "Last hour", TimeSpan.FromHours(1)),
        ("24h", "Last 24 hours", TimeSpan.FromHours(24)),
        ("7d", "Last 7 days", TimeSpan.FromDays(7)),
        ("14d", "Last 14 days", TimeSpan.FromDays(14)),
        ("30d", "Last 30 days", TimeSpan.FromDays(30)),
        ("90d", "Last 90 days", TimeSpan.FromDays(90)),
    ];

    public string Range { get; init; } = "7d";

    public string? Category { get; init; }

    public string? Resource { get; init; }

    public string? Profile { get; init; }

    public string? Source { get; init; }

    public string? Subscription { get; init; }

    public string? Fqdn { get; init; }

    public string? Result { get; init; }

    public string? After { get; init; }

    /// <summary>Reads the query string of a request.</summary>
    public static LogsQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        return new LogsQuery
        {
            Range = Get("range") ?? "7d",
            Category = Get("category"),
            Resource = Get("resource"),
            Profile = Get("profile"),
            Source = Get("source"),
            Subscription = Get("subscription"),
            Fqdn = Get("fqdn"),
            Result = Get("result"),
            After = Get("after"),
        };
    }

    /// <summary>The filter for the search, and the message of each field that does not read (then nothing is searched).</summary>
    public (LogFilter? Filter, IReadOnlyDictionary<string, string> Errors) ToFilter(Guid perimeterId, DateTime now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var span = Ranges.FirstOrDefault(r => r.Key == Range).Span;
        if (span == TimeSpan.Zero)
        {
            errors["range"] = $"'{Range}' is not a time range; choose one of the list.";
        }

        NspLogCategory? category = null;
        if (Category is not null)
        {
            if (LogCategories.TryParse(Category, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors["category"] = $"'{Category}' is not an NSP log category.";
            }
        }

        IpPrefix? source = null;
        if (Source is not null)
        {
            if (IpPrefix.TryParse(Source, out var prefix, out var error))
            {
                source = prefix;
            }
            else
            {
                errors["source"] = error.Message;
            }
        }

        Guid? subscription = null;
        if (Subscription is not null)
        {
            if (SubscriptionId.TryParse(Subscription, out var id, out var error))
            {
                subscription = id.Value;
            }
            else
            {
                errors["subscription"] = error.Message;
            }
        }

        if (Fqdn is not null && !Engine.Values.Fqdn.TryParse(Fqdn, out _, out var fqdnError))
        {
            errors["fqdn"] = fqdnError.Message;
        }

        if (Result is not null and not (LogCategories.Approved or LogCategories.Denied))
        {
            errors["result"] = "The result is Approved or Denied.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var filter = new LogFilter(perimeterId, now - span, now.AddSeconds(1))
        {
            Category = category,
            ResourceId = Resource,
            Profile = Profile,
            Source = source,
            SubscriptionId = subscription,
            Fqdn = Fqdn,
            Result = Result,
        };
        return (filter, errors);
    }

    /// <summary>The query string of these filters (without the page cursor unless <paramref name="after"/> is given).</summary>
    public string ToQueryString(string? after = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["range"] = Range,
            ["category"] = Category,
            ["resource"] = Resource,
            ["profile"] = Profile,
            ["source"] = Source,
            ["subscription"] = Subscription,
            ["fqdn"] = Fqdn,
            ["result"] = Result,
            ["after"] = after,
        };
        return QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }

    /// <summary>How a time is shown in the grids (UTC, as Log Analytics shows TimeGenerated).</summary>
    public static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
