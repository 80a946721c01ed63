using FsCheck;
using FsCheck.Fluent;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Tests.Support;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Evaluation;

/// <summary>The compiled index agrees with the plain <see cref="ReferenceEvaluator"/> on random configurations and
/// requests. FsCheck draws the seed; a failure reports it, and <see cref="RandomConfigurations"/> rebuilds the case.</summary>
public class DecisionIndexProperties
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

    [Fact]
    public void CompiledIndexAgreesWithTheReferenceEvaluator() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(Seeds, seed =>
        {
            var random = new RandomConfigurations(seed);
            var configuration = random.Configuration();
            var index = DecisionIndex.Build(configuration);
            for (var i = 0; i < 40; i++)
            {
                var request = random.Request();
                var expected = ReferenceEvaluator.Evaluate(configuration, request);
                var actual = index.Evaluate(request);
                if (expected != actual)
                {
                    throw new InvalidOperationException($"seed {seed}, request {i}: {request}\nreference: {expected}\nindex:     {actual}");
                }

                if (index.Explain(request).Decision != actual)
                {
                    throw new InvalidOperationException($"seed {seed}, request {i}: Explain disagrees with Evaluate.");
                }
            }

            return true;
        }));

    [Fact]
    public void PrefixSetFindsTheSmallestValueOfTheContainingPrefixes() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Seeds, seed =>
        {
            var random = new RandomConfigurations(seed);
            var rng = new Random(seed);
            var entries = Enumerable.Range(0, rng.Next(0, rng.Next(2) == 0 ? 40 : 400)).Select(_ => (Prefix: random.Prefix(), Value: rng.Next(0, 20))).ToList();
            var set = PrefixSet.Build(entries);
            for (var i = 0; i < 200; i++)
            {
                var address = i % 4 == 0 ? Edge(entries, rng) : random.Address();
                var expected = entries.Where(e => e.Prefix.Contains(address)).Select(e => e.Value).DefaultIfEmpty(-1).Min();
                if (set.Find(address.Value) != expected)
                {
                    throw new InvalidOperationException($"seed {seed}: {address} expected {expected}, got {set.Find(address.Value)}");
                }
            }

            return true;
        }));

    /// <summary>An address just inside or just outside a random prefix's bounds.</summary>
    private static IpAddressKey Edge(List<(IpPrefix Prefix, int Value)> entries, Random rng)
    {
        if (entries.Count == 0)
        {
            return IpAddressKey.Parse("10.0.0.1");
        }

        var prefix = entries[rng.Next(entries.Count)].Prefix;
        var key = (rng.Next(4)) switch
        {
            0 => prefix.First,
            1 => prefix.Last,
            2 => prefix.First - 1,
            _ => prefix.Last + 1,
        };
        return IpAddressKey.FromKey(key);
    }
}
