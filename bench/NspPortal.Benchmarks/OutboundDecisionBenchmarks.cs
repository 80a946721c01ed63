using BenchmarkDotNet.Attributes;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Benchmarks;

/// <summary>Outbound decisions against an Enforced profile of 1,000 FQDNs, against a naive case-insensitive scan of a
/// <see cref="List{T}"/> of names per request. Half of the requested hosts are listed.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OutboundDecisionBenchmarks
{
    private const int FqdnCount = 1000;

    private DecisionIndex _index = null!;
    private ResolvedRequest[] _requests = [];
    private List<string> _names = [];
    private string[] _hosts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        var names = Enumerable.Range(0, FqdnCount).Select(i => $"api{i}.svc{random.Next(100000)}.contoso.com").ToList();
        var profile = new Profile("bench")
        {
            AccessRules = [.. names.Chunk(100).Select((chunk, i) => new AccessRule($"fqdn-{i:D4}", AccessRuleDirection.Outbound) { FullyQualifiedDomainNames = [.. chunk.Select(Fqdn.Parse)] })],
        };
        _index = DecisionIndex.Build(BenchmarkData.Configuration(profile));
        _hosts = [.. Enumerable.Range(0, BenchmarkData.Batch).Select(i => i % 2 == 0 ? names[random.Next(FqdnCount)].ToUpperInvariant() : $"api{i}.other{random.Next(1000)}.fabrikam.net")];
        var storage = _index.FindResource(BenchmarkData.Storage);
        _requests = [.. _hosts.Select(h => DecisionIndex.ResolveOutbound(storage, Fqdn.Parse(h), ResourceHandle.None))];
        _names = names;
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
        foreach (var host in _hosts)
        {
            foreach (var name in _names)
            {
                if (string.Equals(name, host, StringComparison.OrdinalIgnoreCase))
                {
                    allowed++;
                    break;
                }
            }
        }

        return allowed;
    }
}
