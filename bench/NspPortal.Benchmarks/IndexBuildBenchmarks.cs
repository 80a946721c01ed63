using BenchmarkDotNet.Attributes;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Benchmarks;

/// <summary>Compiling a large configuration: 1,000 associations over 50 profiles of 200 rules each (half address-prefix
/// rules with 5 prefixes, a quarter subscription rules, a quarter FQDN rules).</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private NspConfiguration _configuration = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var perimeter = BenchmarkData.PerimeterId;
        Profile MakeProfile(int p) => new($"profile{p}")
        {
            AccessRules =
            [
                .. Enumerable.Range(0, 200).Select(r => (r % 4) switch
                {
                    0 or 1 => new AccessRule($"ip{r}", AccessRuleDirection.Inbound) { AddressPrefixes = [.. BenchmarkData.Prefixes(5, random)] },
                    2 => new AccessRule($"sub{r}", AccessRuleDirection.Inbound) { Subscriptions = [.. BenchmarkData.Guids(2, random).Select(g => new SubscriptionId(g))] },
                    _ => new AccessRule($"fqdn{r}", AccessRuleDirection.Outbound) { FullyQualifiedDomainNames = [Fqdn.Parse($"host{r}.p{p}.contoso.com"), Fqdn.Parse($"api{r}.p{p}.fabrikam.net")] },
                }),
            ],
        };
        ArmResourceId Storage(int a) => ArmResourceId.Parse(ArmIds.Resource(BenchmarkData.Subscription, "rg-bench", "Microsoft.Storage/storageAccounts", $"st{a}"));
        _configuration = new NspConfiguration
        {
            Perimeters =
            [
                new Perimeter(perimeter, Guid.NewGuid())
                {
                    Profiles = [.. Enumerable.Range(0, 50).Select(MakeProfile)],
                    Associations = [.. Enumerable.Range(0, 1000).Select(a => new ResourceAssociation($"a{a}", Storage(a), perimeter.Child("profiles", $"profile{a % 50}"), AccessMode.Learning))],
                },
            ],
            PaasResources = [.. Enumerable.Range(0, 1000).Select(a => new PaasResource(Storage(a)) { FirewallIpRules = [.. BenchmarkData.Prefixes(2, random)] })],
        };
    }

    [Benchmark]
    public DecisionIndex Build() => DecisionIndex.Build(_configuration);
}
