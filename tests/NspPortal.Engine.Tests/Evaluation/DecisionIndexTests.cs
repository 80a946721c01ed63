using System.Diagnostics;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Tests.Support;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Evaluation;

public class DecisionIndexTests
{
    [Fact]
    public void EvaluatesResolvedRequestsWithoutAllocating()
    {
        var index = GoldenTable.Index;
        var requests = GoldenTable.Rows.Select(r => index.Resolve(r.Request)).ToArray();
        var checksum = 0;
        for (var warmup = 0; warmup < 50; warmup++)
        {
            foreach (var request in requests)
            {
                checksum += index.Evaluate(in request).MatchedRule.Length;
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 200; round++)
        {
            foreach (var request in requests)
            {
                checksum += index.Evaluate(in request).MatchedRule.Length;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(checksum > 0);
    }

    [Fact]
    public void BuildsAThousandAssociationsAndTwoHundredRulesPerProfileWellUnderASecond()
    {
        var configuration = LargeConfiguration(profiles: 50, rulesPerProfile: 200, associations: 1000);
        DecisionIndex.Build(configuration);
        var watch = Stopwatch.StartNew();
        var index = DecisionIndex.Build(configuration);
        watch.Stop();
        Assert.Equal(1000, index.ResourceCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Build took {watch.Elapsed.TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public void ResolvesChildIdsAndUnknownResources()
    {
        var index = GoldenTable.Index;
        var account = GoldenTable.Configuration.PaasResources[0].Id;
        Assert.Equal(index.FindResource(account), index.FindResource(account.Child("blobServices", "default").Child("containers", "c1")));
        var unknown = index.FindResource(Ids.Sql("not-there"));
        Assert.False(unknown.IsKnown);
        Assert.Equal(Catalog.PaasService.Sql, unknown.Service);
        Assert.False(index.FindResource(null).IsKnown);
    }

    [Fact]
    public void ResolvesPartsWithoutRequestObjects()
    {
        var index = GoldenTable.Index;
        var request = GoldenTable.Rows.First(r => r.Name == "enabled-enforced-perimeter-rule").Request;
        var resolved = DecisionIndex.ResolveInbound(index.FindResource(request.ResourceId), IpAddressKey.Parse("203.0.113.10"), null,
            ResourceHandle.None, CallerAuthentication.Sas);
        Assert.Equal(index.Evaluate(request), index.Evaluate(in resolved));
        var outbound = DecisionIndex.ResolveOutbound(index.FindResource(request.ResourceId), Fqdn.Parse("api.contoso.com"), ResourceHandle.None);
        Assert.Equal("allow-contoso", index.Evaluate(in outbound).MatchedRule);
    }

    [Fact]
    public void ReportsTheFirstRuleByNameWhenSeveralMatch()
    {
        var nsp = Ids.Perimeter("nsp1");
        var configuration = new NspConfiguration
        {
            Perimeters =
            [
                new Perimeter(nsp, Guid.NewGuid())
                {
                    Profiles =
                    [
                        new Profile("p")
                        {
                            AccessRules =
                            [
                                new AccessRule("zeta-wide", AccessRuleDirection.Inbound) { AddressPrefixes = [IpPrefix.Parse("10.0.0.0/8")] },
                                new AccessRule("Alpha-narrow", AccessRuleDirection.Inbound) { AddressPrefixes = [IpPrefix.Parse("10.1.0.0/16")] },
                                new AccessRule("beta-sub", AccessRuleDirection.Inbound) { Subscriptions = [new SubscriptionId(Ids.Subscription)] },
                            ],
                        },
                    ],
                    Associations = [new ResourceAssociation("a", Ids.Storage("st"), nsp.Child("profiles", "p"), AccessMode.Enforced)],
                },
            ],
        };
        var index = DecisionIndex.Build(configuration);
        EvaluationRequest Caller(string ip) => new(AccessRuleDirection.Inbound, Ids.Storage("st"))
        {
            Source = new RequestSource { IpAddress = IpAddressKey.Parse(ip), SubscriptionId = new SubscriptionId(Ids.Subscription), Authentication = CallerAuthentication.EntraId },
        };
        Assert.Equal("Alpha-narrow", index.Evaluate(Caller("10.1.2.3")).MatchedRule);
        Assert.Equal("beta-sub", index.Evaluate(Caller("10.2.2.3")).MatchedRule);
    }

    [Fact]
    public void ExplainsADenialStepByStep()
    {
        var row = GoldenTable.Rows.First(r => r.Name == "enabled-enforced-ignores-firewall");
        var explanation = GoldenTable.Index.Explain(row.Request);
        Assert.Equal(
            [TraceCheck.Resource, TraceCheck.PrivateEndpoint, TraceCheck.Association, TraceCheck.IntraPerimeter, TraceCheck.AddressPrefixRules, TraceCheck.SubscriptionRules, TraceCheck.AccessMode],
            explanation.Trace.Select(s => s.Check));
        Assert.Equal(TraceOutcome.NotMatched, explanation.Trace[4].Outcome);
        Assert.Contains("198.51.100.7", explanation.Trace[4].Detail, StringComparison.Ordinal);
        Assert.Equal(TraceOutcome.Denied, explanation.Trace[^1].Outcome);
    }

    internal static NspConfiguration LargeConfiguration(int profiles, int rulesPerProfile, int associations)
    {
        var nsp = Ids.Perimeter("nsp-large");
        var random = new Random(42);
        var profileList = Enumerable.Range(0, profiles).Select(p => new Profile($"profile{p}")
        {
            AccessRules =
            [
                .. Enumerable.Range(0, rulesPerProfile).Select(r => (r % 4) switch
                {
                    0 or 1 => new AccessRule($"ip{r}", AccessRuleDirection.Inbound)
                    {
                        AddressPrefixes = [.. Enumerable.Range(0, 5).Select(_ => IpPrefix.Create(IpAddressKey.Parse($"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.0"), 24))],
                    },
                    2 => new AccessRule($"sub{r}", AccessRuleDirection.Inbound) { Subscriptions = [new SubscriptionId(Guid.NewGuid()), new SubscriptionId(Guid.NewGuid())] },
                    _ => new AccessRule($"fqdn{r}", AccessRuleDirection.Outbound) { FullyQualifiedDomainNames = [Fqdn.Parse($"host{r}.contoso.com"), Fqdn.Parse($"api{r}.fabrikam.net")] },
                }),
            ],
        }).ToArray();
        return new NspConfiguration
        {
            Perimeters =
            [
                new Perimeter(nsp, Guid.NewGuid())
                {
                    Profiles = [.. profileList],
                    Associations = [.. Enumerable.Range(0, associations).Select(a => new ResourceAssociation($"a{a}", Ids.Storage($"st{a}"), nsp.Child("profiles", $"profile{a % profiles}"), AccessMode.Enforced))],
                },
            ],
            PaasResources = [.. Enumerable.Range(0, associations).Select(a => new PaasResource(Ids.Storage($"st{a}")) { FirewallIpRules = [IpPrefix.Parse($"192.0.2.{a % 256}/32")] })],
        };
    }
}
