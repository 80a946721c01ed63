using System.Collections.Immutable;
using System.Text.Json;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Json;

internal sealed partial class SnapshotParser
{
    private void ParseAccessRule(ArmResourceId id, JsonElement properties, string props, string at)
    {
        var before = issues.Count(i => i.IsError);
        var directionText = _fields.String(properties, "direction", $"{props}.direction", required: true);
        var direction = AccessRuleDirection.Inbound;
        if (directionText is not null)
        {
            _fields.Add(FieldValidator.Direction(directionText, $"{props}.direction", out direction));
        }

        var prefixes = ParseValues(properties, "addressPrefixes", props, "", (string? t, out IpPrefix v, out ValueError? e) => IpPrefix.TryParse(t, out v, out e));
        var fqdns = ParseValues(properties, "fullyQualifiedDomainNames", props, "", (string? t, out Fqdn v, out ValueError? e) => Fqdn.TryParse(t, out v, out e));
        var subscriptions = ParseValues(properties, "subscriptions", props, ".id", (string? t, out SubscriptionId v, out ValueError? e) => SubscriptionId.TryParse(t, out v, out e));
        var perimeters = ParsePerimeterReferences(properties, props);
        var rule = new AccessRule(id.Name, direction)
        {
            AddressPrefixes = prefixes,
            FullyQualifiedDomainNames = fqdns,
            Subscriptions = subscriptions,
            ServiceTags = Texts(properties, "serviceTags", props),
            EmailAddresses = Texts(properties, "emailAddresses", props),
            PhoneNumbers = Texts(properties, "phoneNumbers", props),
        };
        _rules.Add(new RuleDraft(id, at, rule, perimeters, Valid: issues.Count(i => i.IsError) == before));
    }

    private delegate bool TryParser<T>(string? text, out T value, out ValueError? error);

    private ImmutableArray<T> ParseValues<T>(JsonElement properties, string name, string props, string suffix, TryParser<T> parse)
    {
        var target = $"{props}.{name}";
        var texts = suffix == ".id" ? _fields.Ids(properties, name, target) : _fields.Strings(properties, name, target);
        var values = ImmutableArray.CreateBuilder<T>();
        for (var i = 0; i < (texts?.Count ?? 0); i++)
        {
            if (texts![i] is null)
            {
                continue;
            }

            if (parse(texts[i], out var value, out var error))
            {
                values.Add(value);
            }
            else
            {
                issues.Add(ValidationError.From(error!, $"{target}[{i}]{suffix}"));
            }
        }

        return values.ToImmutable();
    }

    private ImmutableArray<string> Texts(JsonElement properties, string name, string props) =>
        [.. (_fields.Strings(properties, name, $"{props}.{name}") ?? []).Where(t => t is not null).Select(t => t!)];

    private List<PerimeterReferenceDraft> ParsePerimeterReferences(JsonElement properties, string props)
    {
        var drafts = new List<PerimeterReferenceDraft>();
        var target = $"{props}.networkSecurityPerimeters";
        if (!_fields.Array(properties, "networkSecurityPerimeters", target, out var array))
        {
            return drafts;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{target}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                _fields.Wrong(at, "an object {\"id\", \"perimeterGuid\", \"location\"}");
                continue;
            }

            var idText = _fields.String(item, "id", $"{at}.id");
            var id = idText is null ? null : ParseId(idText, $"{at}.id");
            Guid? guid = null;
            if (_fields.String(item, "perimeterGuid", $"{at}.perimeterGuid") is { } guidText)
            {
                if (Guid.TryParse(guidText, out var parsed))
                {
                    guid = parsed;
                }
                else
                {
                    _fields.Wrong($"{at}.perimeterGuid", "a GUID");
                }
            }

            drafts.Add(new PerimeterReferenceDraft(id, guid, _fields.String(item, "location", $"{at}.location"), at));
        }

        return drafts;
    }

    private void ParsePaasResource(JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            _fields.Wrong(at, "an object {\"id\", \"publicNetworkAccess\", \"firewall\"}");
            return;
        }

        var id = ParseId(_fields.String(item, "id", $"{at}.id", required: true), $"{at}.id");
        var access = PublicNetworkAccess.Enabled;
        if (_fields.String(item, "publicNetworkAccess", $"{at}.publicNetworkAccess") is { } accessText)
        {
            _fields.Add(FieldValidator.PublicNetworkAccess(accessText, $"{at}.publicNetworkAccess", out access));
        }

        var rules = ImmutableArray.CreateBuilder<IpPrefix>();
        var trusted = false;
        if (_fields.Object(item, "firewall", $"{at}.firewall", out var firewall))
        {
            trusted = _fields.Boolean(firewall, "allowTrustedServices", $"{at}.firewall.allowTrustedServices") ?? false;
            if (_fields.Array(firewall, "ipRules", $"{at}.firewall.ipRules", out var ipRules))
            {
                var i = 0;
                foreach (var rule in ipRules.EnumerateArray())
                {
                    var target = $"{at}.firewall.ipRules[{i++}]";
                    // Strings, or ARM's {"value": "…", "action": "Allow"} objects.
                    var text = rule.ValueKind == JsonValueKind.String ? rule.GetString()
                        : rule.ValueKind == JsonValueKind.Object ? _fields.String(rule, "value", $"{target}.value", required: true)
                        : null;
                    if (text is null)
                    {
                        if (rule.ValueKind != JsonValueKind.Object)
                        {
                            _fields.Wrong(target, "a CIDR string");
                        }
                    }
                    else if (IpPrefix.TryParse(text, out var prefix, out var error))
                    {
                        rules.Add(prefix);
                    }
                    else
                    {
                        issues.Add(ValidationError.From(error, target));
                    }
                }
            }
        }

        if (id is null)
        {
            return;
        }

        if (!_locations.TryAdd(id.Value, at))
        {
            issues.Add(new ValidationError(ErrorCodes.DuplicateResource, $"{at}.id", $"'{id}' also appears at {_locations[id.Value]}; list each resource once."));
            return;
        }

        _paasResources.Add(new PaasResource(id) { PublicNetworkAccess = access, FirewallIpRules = rules.ToImmutable(), AllowTrustedServices = trusted });
    }
}
