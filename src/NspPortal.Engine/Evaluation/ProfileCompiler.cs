using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

/// <summary>Compiles one profile: rules in name order; inbound prefixes into a <see cref="PrefixSet"/>; subscriptions,
/// FQDNs and perimeter GUIDs into hash tables mapping to the first rule (in that order) listing them. Only rules of the
/// matching direction count (an Outbound rule's prefixes are ignored, as the §1.3 matrix makes them invalid anyway).</summary>
internal static class ProfileCompiler
{
    public static CompiledProfile Compile(Profile profile, int perimeter, int index)
    {
        var rules = profile.AccessRules.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        var prefixes = new List<(Values.IpPrefix, int)>();
        var subscriptions = new Dictionary<Guid, int>();
        var fqdns = new Dictionary<string, int>(StringComparer.Ordinal);
        var inboundPerimeters = new Dictionary<Guid, int>();
        var outboundPerimeters = new Dictionary<Guid, int>();
        var hasServiceTags = false;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Direction == AccessRuleDirection.Inbound)
            {
                foreach (var prefix in rule.AddressPrefixes)
                {
                    prefixes.Add((prefix, i));
                }

                foreach (var subscription in rule.Subscriptions)
                {
                    subscriptions.TryAdd(subscription.Value, i);
                }

                foreach (var perimeterReference in rule.NetworkSecurityPerimeters)
                {
                    inboundPerimeters.TryAdd(perimeterReference.PerimeterGuid, i);
                }

                hasServiceTags |= rule.ServiceTags.Length > 0;
            }
            else
            {
                foreach (var fqdn in rule.FullyQualifiedDomainNames)
                {
                    fqdns.TryAdd(fqdn.Value, i);
                }

                foreach (var perimeterReference in rule.NetworkSecurityPerimeters)
                {
                    outboundPerimeters.TryAdd(perimeterReference.PerimeterGuid, i);
                }
            }
        }

        return new CompiledProfile
        {
            Name = profile.Name,
            Perimeter = perimeter,
            Index = index,
            AccessRulesVersion = profile.AccessRulesVersion,
            Rules = rules,
            InboundPrefixes = PrefixSet.Build(prefixes),
            InboundPrefixCount = prefixes.Count,
            InboundSubscriptions = subscriptions,
            OutboundFqdns = fqdns,
            InboundPerimeters = inboundPerimeters,
            OutboundPerimeters = outboundPerimeters,
            HasServiceTagRules = hasServiceTags,
            FirstSubscriptionRule = subscriptions.Count == 0 ? int.MaxValue : subscriptions.Values.Min(),
        };
    }
}
