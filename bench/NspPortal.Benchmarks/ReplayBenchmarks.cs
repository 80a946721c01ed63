using BenchmarkDotNet.Attributes;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;

namespace NspPortal.Benchmarks;

/// <summary>What-if replay (issue 7: ≤ 3 s for 1 million logged rows against a draft): <see cref="Replay.WhatIf"/> of
/// 1,000,000 rows (<see cref="ReplayData"/>) against the live configuration and the draft with the association Enforced.
/// One invocation replays every row once.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private DecisionIndex live = null!;
    private DecisionIndex draft = null!;
    private List<ReplayRow> rows = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var (configuration, draftConfiguration) = ReplayData.Configurations(random);
        live = DecisionIndex.Build(configuration);
        draft = DecisionIndex.Build(draftConfiguration);
        rows = ReplayData.Rows(1_000_000, random);
    }

    [Benchmark]
    public WhatIfResult WhatIfOneMillionRows() => Replay.WhatIf(live, draft, rows);
}

/// <summary>Deterministic replay input: one perimeter whose profile holds 100 address-prefix rules of 20 prefixes and 20
/// FQDN rules of 10 hosts; a storage account in Learning (firewall of 50 prefixes, trusted services on); the draft adds a
/// rule of 100 prefixes and switches the association to Enforced. Rows: 90% inbound from 20,000 addresses (a third
/// inside a rule, a third inside the firewall, a third neither; Entra ID, SAS and anonymous callers), 10% outbound to 500 hosts.</summary>
public static class ReplayData
{
    public static (NspConfiguration Live, NspConfiguration Draft) Configurations(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var prefixes = BenchmarkData.Prefixes(2_000 + 50 + 100, random);
        var rules = Enumerable.Range(0, 100).Select(i => new AccessRule($"ip-{i:D3}", AccessRuleDirection.Inbound)
        {
            AddressPrefixes = [.. prefixes.Skip(i * 20).Take(20)],
        }).Concat(Enumerable.Range(0, 20).Select(i => new AccessRule($"fqdn-{i:D2}", AccessRuleDirection.Outbound)
        {
            FullyQualifiedDomainNames = [.. Enumerable.Range(0, 10).Select(j => Engine.Values.Fqdn.Parse($"host{i * 10 + j}.partner.example"))],
        }));
        var profile = new Profile("defaultProfile") { AccessRules = [.. rules] };
        var perimeter = new Perimeter(BenchmarkData.PerimeterId, Guid.NewGuid())
        {
            Profiles = [profile],
            Associations = [new ResourceAssociation("stbench-assoc", BenchmarkData.Storage, BenchmarkData.PerimeterId.Child("profiles", profile.Name), AccessMode.Learning)],
        };
        var live = new NspConfiguration
        {
            Perimeters = [perimeter],
            PaasResources = [new PaasResource(BenchmarkData.Storage) { AllowTrustedServices = true, FirewallIpRules = [.. prefixes.Skip(2_000).Take(50)] }],
        };
        var draft = new ProfileDraft(profile.Name)
        {
            Rules = [.. profile.AccessRules, new AccessRule("suggested-inbound-prefixes", AccessRuleDirection.Inbound) { AddressPrefixes = [.. prefixes.Skip(2_050).Take(100)] }],
        };
        var withDraft = ConfigurationEdits.WithDraft(live, BenchmarkData.PerimeterId, draft);
        Prefixes = prefixes;
        return (live, ConfigurationEdits.WithAccessMode(withDraft, BenchmarkData.PerimeterId, _ => true, AccessMode.Enforced));
    }

    private static List<Engine.Values.IpPrefix> Prefixes { get; set; } = [];

    public static List<ReplayRow> Rows(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var addresses = BenchmarkData.Addresses(Prefixes, random).Select(Engine.Values.IpAddressKey.From).ToArray();
        var hosts = Enumerable.Range(0, 500).Select(i => Engine.Values.Fqdn.Parse(i % 2 == 0 ? $"host{i % 200}.partner.example" : $"api{i}.other.example")).ToArray();
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var auth = new[] { CallerAuthentication.EntraId, CallerAuthentication.Sas, CallerAuthentication.Anonymous };
        var rows = new List<ReplayRow>(count);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddSeconds(i);
            rows.Add(i % 10 == 9
                ? new ReplayRow(i, time, 1, AccessRuleDirection.Outbound, NspLogCategory.NspPublicOutboundResourceRulesAllowed, BenchmarkData.Storage)
                {
                    DestinationFqdn = hosts[random.Next(hosts.Length)],
                }
                : new ReplayRow(i, time, 1 + (i % 3), AccessRuleDirection.Inbound, NspLogCategory.NspPublicInboundResourceRulesAllowed, BenchmarkData.Storage)
                {
                    SourceIp = addresses[random.Next(addresses.Length)],
                    Authentication = auth[i % 3],
                    TrustedService = i % 50 == 0,
                });
        }

        return rows;
    }
}
