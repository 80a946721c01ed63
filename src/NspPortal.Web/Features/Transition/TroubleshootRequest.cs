using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;

namespace NspPortal.Web.Features.Transition;

/// <summary>The troubleshooter's request fields (the <c>nsp evaluate</c> request shape, docs/cli.md) as text, from its GET
/// form or from a log row, and their parsing into an <see cref="EvaluationRequest"/> with a message per bad field.</summary>
public sealed record TroubleshootRequest
{
    public string Direction { get; init; } = "Inbound";

    public string? Resource { get; init; }

    public string? SourceIp { get; init; }

    public string? SourceSubscription { get; init; }

    public string? SourceResource { get; init; }

    public string Authentication { get; init; } = nameof(CallerAuthentication.Anonymous);

    public bool PrivateEndpoint { get; init; }

    public bool TrustedService { get; init; }

    public string? Fqdn { get; init; }

    public string? DestinationResource { get; init; }

    /// <summary>True when the form was submitted (a resource was given).</summary>
    public bool Asked => Resource is not null;

    public static TroubleshootRequest From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        return new TroubleshootRequest
        {
            Direction = Get("direction") ?? "Inbound",
            Resource = Get("resource"),
            SourceIp = Get("sourceIp"),
            SourceSubscription = Get("sourceSubscription"),
            SourceResource = Get("sourceResource"),
            Authentication = Get("auth") ?? nameof(CallerAuthentication.Anonymous),
            PrivateEndpoint = Get("private") is "true" or "on",
            TrustedService = Get("trusted") is "true" or "on",
            Fqdn = Get("fqdn"),
            DestinationResource = Get("destinationResource"),
        };
    }

    /// <summary>The request a log row describes, read the way replay reads it (<see cref="ReplayRowReader"/>).</summary>
    public static TroubleshootRequest FromLog(TrafficLogEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var columns = new ReplayColumns(row.Id, row.TimeGenerated, row.Count, row.Category, row.ResultDirection, row.ServiceResourceId, row.SourceIpAddress,
            row.SourceResourceId, row.SourceAppId, row.Parameters, row.SourceParameters, row.TrafficType, row.MatchedRule, row.DestinationFqdn, row.DestinationResourceId);
        var replay = new ReplayRowReader().Read(columns);
        return new TroubleshootRequest
        {
            Direction = replay?.Direction.ToString() ?? row.ResultDirection ?? "Inbound",
            Resource = row.ServiceResourceId ?? "",
            SourceIp = row.SourceIpAddress,
            SourceResource = row.SourceResourceId,
            Authentication = (replay?.Authentication ?? CallerAuthentication.Anonymous).ToString(),
            PrivateEndpoint = replay?.PrivateEndpoint ?? false,
            TrustedService = replay?.TrustedService ?? false,
            Fqdn = row.DestinationFqdn,
            DestinationResource = row.DestinationResourceId,
        };
    }

    /// <summary>The request to evaluate, or the message of each field that does not read.</summary>
    public (EvaluationRequest? Request, IReadOnlyDictionary<string, string> Errors) ToEvaluation()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.TryParse<AccessRuleDirection>(Direction, ignoreCase: true, out var direction) || !Enum.IsDefined(direction))
        {
            errors["direction"] = "The direction is Inbound or Outbound.";
        }

        ArmResourceId? resource = null;
        if (!ArmResourceId.TryParse(Resource, out resource, out var resourceError))
        {
            errors["resource"] = resourceError.Message;
        }

        IpAddressKey? ip = null;
        if (SourceIp is not null)
        {
            if (IpAddressKey.TryParse(SourceIp, out var parsed, out var ipError))
            {
                ip = parsed;
            }
            else
            {
                errors["sourceIp"] = ipError.Message;
            }
        }

        SubscriptionId? subscription = null;
        if (SourceSubscription is not null)
        {
            if (SubscriptionId.TryParse(SourceSubscription, out var parsed, out var subscriptionError))
            {
                subscription = parsed;
            }
            else
            {
                errors["sourceSubscription"] = subscriptionError.Message;
            }
        }

        var sourceResource = Optional(SourceResource, "sourceResource", errors);
        var destinationResource = Optional(DestinationResource, "destinationResource", errors);
        Fqdn? fqdn = null;
        if (Fqdn is not null)
        {
            if (Engine.Values.Fqdn.TryParse(Fqdn, out var parsed, out var fqdnError))
            {
                fqdn = parsed;
            }
            else
            {
                errors["fqdn"] = fqdnError.Message;
            }
        }

        if (!Enum.TryParse<CallerAuthentication>(Authentication, ignoreCase: true, out var authentication) || !Enum.IsDefined(authentication))
        {
            errors["auth"] = "Choose how the caller authenticates.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var request = new EvaluationRequest(direction, resource!)
        {
            Source = new RequestSource
            {
                IpAddress = ip,
                SubscriptionId = subscription,
                ResourceId = sourceResource,
                Authentication = authentication,
                PrivateEndpoint = PrivateEndpoint,
                TrustedService = TrustedService,
            },
            Destination = new RequestDestination { Fqdn = fqdn, ResourceId = destinationResource },
        };
        return (request, errors);
    }

    private static ArmResourceId? Optional(string? text, string field, Dictionary<string, string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (ArmResourceId.TryParse(text, out var id, out var error))
        {
            return id;
        }

        errors[field] = error.Message;
        return null;
    }

    /// <summary>Whether a logged category is the would-be-denied signal (for the form's hint).</summary>
    public static bool IsWouldBeDenied(NspLogCategory category) => WouldBeDenied.Is(category);
}
