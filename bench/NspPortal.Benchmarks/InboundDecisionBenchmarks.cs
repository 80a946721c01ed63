using System.Net;
using BenchmarkDotNet.Attributes;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Benchmarks;

/// <summary>Inbound decisions against an Enforced profile of N prefixes (IPv4 and IPv6 mixed) plus 1,000 subscriptions,
/// against a naive baseline that scans a <see cref="List{T}"/> of <see cref="IPNetwork"/> (and of subscriptions) per
/// request. Reported per decision (1,024 requests per invocation). docs/performance.md records the results.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class InboundDecisionBenchmarks
{
    private const int SubscriptionCount = 1000;

    private DecisionIndex _index = null!;
    private ResolvedRequest[] _requests = [];
    private List<IPNetwork> _networks = [];
    private List<Guid> _subscriptions = [];
    private IPAddress[] _addresses = [];
    private Guid[] _callerSubscriptions = [];

    [Params(100, 1_000, 10_000)]
    public int Prefixes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122 + Prefixes);
        var prefixes = BenchmarkData.Prefixes(Prefixes, random);
        var subscriptions = BenchmarkData.Guids(SubscriptionCount, random);
        const int PerRule = 50;
        var profile = new Profile("bench")
        {
            AccessRules =
            [
                .. prefixes.Chunk(PerRule).Select((chunk, i) => new AccessRule($"ip-{i:D4}", AccessRuleDirection.Inbound) { AddressPrefixes = [.. chunk] }),
                .. subscriptions.Chunk(100).Select((chunk, i) => new AccessRule($"sub-{i:D4}", AccessRuleDirection.Inbound) { Subscriptions = [.. chunk.Select(g => new SubscriptionId(g))] }),
            ],
        };
        _index = DecisionIndex.Build(BenchmarkData.Configuration(profile));
        _addresses = BenchmarkData.Addresses(prefixes, random);
        // A quarter of the callers carry a listed subscription (Entra ID), the rest an unlisted one.
        _callerSubscriptions = [.. Enumerable.Range(0, BenchmarkData.Batch).Select(i => i % 4 == 3 ? subscriptions[random.Next(SubscriptionCount)] : Guid.NewGuid())];
        var storage = _index.FindResource(BenchmarkData.Storage);
        _requests = [.. _addresses.Select((address, i) => DecisionIndex.ResolveInbound(storage, IpAddressKey.From(address),
            new SubscriptionId(_callerSubscriptions[i]), ResourceHandle.None, CallerAuthentication.EntraId))];
        _networks = [.. prefixes.Select(p => IPNetwork.Parse(p.ToString()))];
        _subscriptions = [.. subscriptions];

        if (Engine() != NaiveList())
        {
            throw new InvalidOperationException("The engine and the naive baseline disagree on the benchmark requests.");
        }
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public int Engine()
    {
        var allowed = 0;
        var requests = _requests;
        for (var i = 0; i < requests.Length; i++)
        {
            if (_index.Evaluate(in requests[i]).Result == DecisionResult.Allowed)
            {
                allowed++;
            }
        }

        return allowed;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchmarkData.Batch)]
    public int NaiveList()
    {
        var allowed = 0;
        for (var i = 0; i < _addresses.Length; i++)
        {
            if (NaiveAllows(_addresses[i], _callerSubscriptions[i]))
            {
                allowed++;
            }
        }

        return allowed;
    }

    private bool NaiveAllows(IPAddress address, Guid subscription)
    {
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        foreach (var listed in _subscriptions)
        {
            if (listed == subscription)
            {
                return true;
            }
        }

        return false;
    }
}
