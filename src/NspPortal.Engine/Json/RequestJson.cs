using System.Text.Json;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Json;

/// <summary>Parses one <c>nsp evaluate</c> request line (docs/cli.md): <c>{"id", "direction", "resourceId",
/// "source":{ipAddress, subscriptionId, resourceId, privateEndpoint, trustedService, authentication},
/// "destination":{fqdn, resourceId}}</c>. Names and enum values are case-insensitive; absent or null fields mean
/// false/none; unknown fields are ignored.</summary>
public static class RequestJson
{
    /// <summary>Parses a request.</summary>
    /// <param name="json">One JSON object.</param>
    /// <param name="request">The request, or null on failure.</param>
    /// <param name="id">The request's <c>id</c> when it could be read (also on failure, to echo it).</param>
    /// <param name="error">What is wrong, naming the field; null on success.</param>
    public static bool TryParse(string json, out EvaluationRequest? request, out string? id, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        request = null;
        id = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            error = $"not valid JSON: {e.Message}";
            return false;
        }

        using (document)
        {
            error = Parse(document.RootElement, out request, out id);
            return error is null;
        }
    }

    private static string? Parse(JsonElement root, out EvaluationRequest? request, out string? id)
    {
        request = null;
        id = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "a request must be a JSON object";
        }

        if (JsonFields.TryGet(root, "id", out var idValue))
        {
            if (idValue.ValueKind != JsonValueKind.String)
            {
                return "id must be a string";
            }

            id = idValue.GetString();
        }

        var issues = new List<ValidationError>();
        var fields = new JsonFields(issues);
        var directionText = fields.String(root, "direction", "direction", required: true);
        var direction = AccessRuleDirection.Inbound;
        if (directionText is not null)
        {
            fields.Add(FieldValidator.Direction(directionText, "direction", out direction));
        }

        var resourceId = Id(fields, root, "resourceId", "resourceId", required: true);
        var source = RequestSource.None;
        if (fields.Object(root, "source", "source", out var sourceElement))
        {
            source = Source(fields, sourceElement);
        }

        var destination = RequestDestination.None;
        if (fields.Object(root, "destination", "destination", out var destinationElement))
        {
            destination = Destination(fields, destinationElement);
        }

        if (issues.Count > 0)
        {
            var first = issues[0];
            return first.Message.StartsWith(first.Target, StringComparison.Ordinal) ? first.Message : $"{first.Target}: {first.Message}";
        }

        request = new EvaluationRequest(direction, resourceId!) { Id = id, Source = source, Destination = destination };
        return null;
    }

    private static RequestSource Source(JsonFields fields, JsonElement element)
    {
        IpAddressKey? address = null;
        if (fields.String(element, "ipAddress", "source.ipAddress") is { } ipText)
        {
            if (IpAddressKey.TryParse(ipText, out var parsed, out var error))
            {
                address = parsed;
            }
            else
            {
                fields.Add(ValidationError.From(error, "source.ipAddress"));
            }
        }

        SubscriptionId? subscription = null;
        if (fields.String(element, "subscriptionId", "source.subscriptionId") is { } subscriptionText)
        {
            if (SubscriptionId.TryParse(subscriptionText, out var parsed, out var error))
            {
                subscription = parsed;
            }
            else
            {
                fields.Add(ValidationError.From(error, "source.subscriptionId"));
            }
        }

        var authentication = CallerAuthentication.Anonymous;
        if (fields.String(element, "authentication", "source.authentication") is { } authText &&
            (!Enum.TryParse(authText, ignoreCase: true, out authentication) || !Enum.IsDefined(authentication) || int.TryParse(authText, out _)))
        {
            fields.Add(new ValidationError(ErrorCodes.InvalidRequest, "source.authentication",
                $"'{authText}' is not an authentication; use ManagedIdentity, EntraId, Sas, SharedKey or Anonymous."));
        }

        return new RequestSource
        {
            IpAddress = address,
            SubscriptionId = subscription,
            ResourceId = Id(fields, element, "resourceId", "source.resourceId"),
            PrivateEndpoint = fields.Boolean(element, "privateEndpoint", "source.privateEndpoint") ?? false,
            TrustedService = fields.Boolean(element, "trustedService", "source.trustedService") ?? false,
            Authentication = authentication,
        };
    }

    private static RequestDestination Destination(JsonFields fields, JsonElement element)
    {
        Fqdn? fqdn = null;
        if (fields.String(element, "fqdn", "destination.fqdn") is { } fqdnText)
        {
            if (!Fqdn.TryParse(fqdnText, out var parsed, out var error))
            {
                fields.Add(ValidationError.From(error, "destination.fqdn"));
            }
            else if (parsed.IsWildcard)
            {
                fields.Add(new ValidationError(ErrorCodes.InvalidFqdn, "destination.fqdn", $"'{fqdnText}' is a wildcard; a request names one host."));
            }
            else
            {
                fqdn = parsed;
            }
        }

        return new RequestDestination { Fqdn = fqdn, ResourceId = Id(fields, element, "resourceId", "destination.resourceId") };
    }

    private static ArmResourceId? Id(JsonFields fields, JsonElement element, string name, string target, bool required = false)
    {
        var text = fields.String(element, name, target, required);
        if (text is null)
        {
            return null;
        }

        if (ArmResourceId.TryParse(text, out var id, out var error))
        {
            return id;
        }

        fields.Add(ValidationError.From(error, target));
        return null;
    }
}
