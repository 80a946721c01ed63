using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Logs;

/// <summary>Realistic NSP access logs for a configuration (<c>nsp simulate</c>, the demo seed): for every associated
/// resource, hour by hour, the callers its rules admit (IPs in its inbound prefixes, managed identities of its
/// subscription rules, private endpoints), callers only its own firewall admits — the would-be-denied traffic of
/// Transition mode (§3.4), some of them with SAS tokens — unknown internet callers, and outbound calls to the FQDNs
/// its rules name and to ones they do not. Every row is what the engine decides for the request, as Azure would log
/// it (<see cref="DecisionLog"/>). Deterministic for a seed; about one to two rows per resource and hour.</summary>
public static class TrafficSimulation
{
    private static readonly IpPrefix Internet = IpPrefix.Parse("198.18.0.0/15"); // benchmarking range: nobody's rule
    private static readonly string[] Operations = ["GetBlob", "PutBlob", "SecretGet", "Query", "ListKeys", "Send"];

    /// <summary>The records from <paramref name="from"/> to <paramref name="to"/> (UTC), in time order per resource.</summary>
    public static IEnumerable<AccessLogRecord> Generate(NspConfiguration configuration, DateTime from, DateTime to, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var index = DecisionIndex.Build(configuration);
        var random = new Random(seed);
        var resources = configuration.PaasResources.ToDictionary(r => r.Id);
        var k = 0;
        foreach (var perimeter in configuration.Perimeters)
        {
            foreach (var association in perimeter.Associations)
            {
                var profile = perimeter.Profiles.FirstOrDefault(p => string.Equals(p.Name, association.ProfileName, StringComparison.OrdinalIgnoreCase));
                var inbound = profile?.AccessRules.Where(r => r.Direction == AccessRuleDirection.Inbound).ToList() ?? [];
                var prefixes = inbound.SelectMany(r => r.AddressPrefixes).ToList();
                var subscriptions = inbound.SelectMany(r => r.Subscriptions).ToList();
                var fqdns = profile?.AccessRules.Where(r => r.Direction == AccessRuleDirection.Outbound).SelectMany(r => r.FullyQualifiedDomainNames).Where(f => !f.IsWildcard).ToList() ?? [];
                var firewall = resources.TryGetValue(association.PrivateLinkResourceId, out var paas)
                    ? paas.FirewallIpRules.Where(f => !prefixes.Any(p => p.Contains(f))).ToList()
                    : [];
                // Some resources stop their would-be-denied traffic a few days before the end: readiness has a streak.
                var fallbackUntil = (k++ % 3) == 1 ? to.AddDays(-5) : to;
                var resource = association.PrivateLinkResourceId;
                for (var hour = new DateTime(from.Year, from.Month, from.Day, from.Hour, 0, 0, DateTimeKind.Utc); hour < to; hour = hour.AddHours(1))
                {
                    var daytime = hour.Hour is >= 7 and <= 19;
                    var requests = new List<EvaluationRequest>(4);
                    if (prefixes.Count > 0 && random.NextDouble() < (daytime ? 0.6 : 0.2))
                    {
                        requests.Add(Inbound(resource, In(prefixes[random.Next(prefixes.Count)], random), CallerAuthentication.EntraId));
                    }

                    if (subscriptions.Count > 0 && random.NextDouble() < 0.25)
                    {
                        requests.Add(new EvaluationRequest(AccessRuleDirection.Inbound, resource)
                        {
                            Source = new RequestSource
                            {
                                IpAddress = In(Internet, random),
                                SubscriptionId = subscriptions[random.Next(subscriptions.Count)],
                                Authentication = CallerAuthentication.ManagedIdentity,
                            },
                        });
                    }

                    if (firewall.Count > 0 && hour < fallbackUntil && random.NextDouble() < (daytime ? 0.45 : 0.1))
                    {
                        requests.Add(Inbound(resource, In(firewall[random.Next(firewall.Count)], random),
                            random.NextDouble() < 0.3 ? CallerAuthentication.Sas : CallerAuthentication.Anonymous));
                    }

                    if (random.NextDouble() < 0.08)
                    {
                        requests.Add(Inbound(resource, In(Internet, random), CallerAuthentication.Anonymous));
                    }

                    if (random.NextDouble() < 0.1)
                    {
                        requests.Add(new EvaluationRequest(AccessRuleDirection.Inbound, resource)
                        {
                            Source = new RequestSource { IpAddress = IpAddressKey.Parse($"10.20.{random.Next(0, 4)}.{random.Next(4, 250)}"), PrivateEndpoint = true },
                        });
                    }

                    if (random.NextDouble() < 0.12)
                    {
                        var known = fqdns.Count > 0 && random.NextDouble() < 0.7;
                        var host = known ? fqdns[random.Next(fqdns.Count)] : Fqdn.Parse(random.NextDouble() < 0.5 ? "telemetry.vendor-analytics.example" : "files.partner-exchange.example");
                        requests.Add(new EvaluationRequest(AccessRuleDirection.Outbound, resource) { Destination = new RequestDestination { Fqdn = host } });
                    }

                    foreach (var request in requests)
                    {
                        var time = hour.AddSeconds(random.Next(0, 3600)).AddTicks(random.Next(0, 10_000_000) / 10 * 10);
                        var decision = index.Evaluate(request);
                        var count = random.Next(1, daytime ? 40 : 8);
                        if (DecisionLog.ToRecord(request, decision, time, configuration, count, Operations[random.Next(Operations.Length)]) is { } record)
                        {
                            yield return record;
                        }
                    }
                }
            }
        }
    }

    private static EvaluationRequest Inbound(ArmResourceId resource, IpAddressKey ip, CallerAuthentication authentication) =>
        new(AccessRuleDirection.Inbound, resource) { Source = new RequestSource { IpAddress = ip, Authentication = authentication } };

    /// <summary>An address inside the prefix (not its network address when it has room).</summary>
    private static IpAddressKey In(IpPrefix prefix, Random random)
    {
        var size = prefix.Last - prefix.First;
        var offset = size == 0 ? UInt128.Zero : (UInt128)random.NextInt64(1, (long)UInt128.Min(size, 250) + 1);
        return IpAddressKey.FromKey(prefix.First + UInt128.Min(offset, size));
    }
}
