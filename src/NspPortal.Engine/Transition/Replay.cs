using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>A replayed row whose decision changes, with both decisions.</summary>
public sealed record ReplayExample(ReplayRow Row, Decision Before, Decision After);

/// <summary>The answer of a what-if replay: how many logged rows and connections the change newly denies or newly
/// allows, with the first examples of each (in the order of the rows given).</summary>
public sealed record WhatIfResult(long Rows, long Connections, long NewlyDeniedRows, long NewlyDeniedConnections,
    long NewlyAllowedRows, long NewlyAllowedConnections, IReadOnlyList<ReplayExample> NewlyDenied, IReadOnlyList<ReplayExample> NewlyAllowed)
{
    /// <summary>Nothing was replayed.</summary>
    public static WhatIfResult Empty { get; } = new(0, 0, 0, 0, 0, 0, [], []);

    /// <summary>True when no logged connection would be newly denied.</summary>
    public bool NoNewDenials => NewlyDeniedConnections == 0;
}

/// <summary>Replays logged connections against compiled configurations (peers.md A.6 #3). Each distinct resource id
/// is resolved once per index (<see cref="DecisionIndex.FindResource"/>); decisions use the allocation-free
/// <see cref="DecisionIndex.Evaluate(in ResolvedRequest)"/>.</summary>
public static class Replay
{
    /// <summary>Decides every row against <paramref name="before"/> (usually the live configuration) and
    /// <paramref name="after"/> (the draft, with associations switched to Enforced when that is the question) and
    /// counts the rows whose result changes. Counts are weighted by <see cref="ReplayRow.Count"/>. The rows' logged
    /// categories play no part: both sides are evaluated, so the answer is about the configurations, not about
    /// whatever configuration was in force when the row was logged.</summary>
    public static WhatIfResult WhatIf(DecisionIndex before, DecisionIndex after, IEnumerable<ReplayRow> rows, int maxExamples = 5)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(rows);
        var left = new Resolver(before);
        var right = new Resolver(after);
        long count = 0, connections = 0, deniedRows = 0, deniedConnections = 0, allowedRows = 0, allowedConnections = 0;
        var denied = new List<ReplayExample>();
        var allowed = new List<ReplayExample>();
        foreach (var row in rows)
        {
            var a = left.Decide(in row);
            var b = right.Decide(in row);
            count++;
            connections += row.Weight;
            if (a.IsAllowed == b.IsAllowed)
            {
                continue;
            }

            if (a.IsAllowed)
            {
                deniedRows++;
                deniedConnections += row.Weight;
                AddExample(denied, row, a, b, maxExamples);
            }
            else
            {
                allowedRows++;
                allowedConnections += row.Weight;
                AddExample(allowed, row, a, b, maxExamples);
            }
        }

        return new WhatIfResult(count, connections, deniedRows, deniedConnections, allowedRows, allowedConnections, denied, allowed);
    }

    /// <summary>Decides one row against an index (resolves its ids; for loops use <see cref="WhatIf"/> or
    /// <see cref="RuleUsage"/>, which cache them).</summary>
    public static Decision Decide(DecisionIndex index, in ReplayRow row) => new Resolver(index).Decide(in row);

    private static void AddExample(List<ReplayExample> examples, in ReplayRow row, Decision before, Decision after, int max)
    {
        if (examples.Count < max)
        {
            examples.Add(new ReplayExample(row, before, after));
        }
    }

    /// <summary>Resolves rows against one index, caching the handle of every distinct resource id.</summary>
    internal sealed class Resolver(DecisionIndex index)
    {
        private readonly Dictionary<ArmResourceId, ResourceHandle> _handles = [];
        private ArmResourceId? _lastResource;
        private ResourceHandle _lastHandle;

        public DecisionIndex Index => index;

        public Decision Decide(in ReplayRow row)
        {
            var resource = Handle(row.Resource);
            var request = row.Direction == AccessRuleDirection.Inbound
                ? DecisionIndex.ResolveInbound(resource, row.SourceIp, row.SourceSubscription, Handle(row.SourceResourceId),
                    row.Authentication, row.PrivateEndpoint, row.TrustedService)
                : DecisionIndex.ResolveOutbound(resource, row.DestinationFqdn, Handle(row.DestinationResourceId));
            return index.Evaluate(in request);
        }

        private ResourceHandle Handle(ArmResourceId? id)
        {
            if (id is null)
            {
                return ResourceHandle.None;
            }

            // Rows of one resource usually come together: the same instance (or an equal id) as the last row is free.
            if (ReferenceEquals(id, _lastResource))
            {
                return _lastHandle;
            }

            if (!_handles.TryGetValue(id, out var handle))
            {
                handle = index.FindResource(id);
                _handles[id] = handle;
            }

            _lastResource = id;
            _lastHandle = handle;
            return handle;
        }
    }
}

/// <summary>Which rules logged traffic uses (Firewall Policy Analytics' unused rules, peers.md A.6 #5).</summary>
public static class RuleUsage
{
    /// <summary>Connections per (profile, rule name) that <paramref name="index"/> attributes to an access rule, by
    /// deciding each row now (the first admitting rule in name order, docs/engine.md). Built-in results
    /// (<c>DefaultAllowAll</c> …) and resource rules are not counted.</summary>
    public static IReadOnlyDictionary<(string Profile, string Rule), long> Count(DecisionIndex index, IEnumerable<ReplayRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var resolver = new Replay.Resolver(index);
        var hits = new Dictionary<(string, string), long>(ProfileRuleComparer.Instance);
        foreach (var row in rows)
        {
            var decision = resolver.Decide(in row);
            if (decision.Profile is { } profile && decision.Category is NspLogCategory.NspPublicInboundPerimeterRulesAllowed
                or NspLogCategory.NspPublicOutboundPerimeterRulesAllowed or NspLogCategory.NspCrossPerimeterInboundAllowed
                or NspLogCategory.NspCrossPerimeterOutboundAllowed)
            {
                var key = (profile, decision.MatchedRule);
                hits[key] = hits.GetValueOrDefault(key) + row.Weight;
            }
        }

        return hits;
    }

    /// <summary>The rules of a profile with no hit in <paramref name="usage"/>, in name order.</summary>
    public static IReadOnlyList<AccessRule> Unused(Profile profile, IReadOnlyDictionary<(string Profile, string Rule), long> usage)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(usage);
        return [.. profile.AccessRules.Where(r => usage.GetValueOrDefault((profile.Name, r.Name)) == 0)
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private sealed class ProfileRuleComparer : IEqualityComparer<(string, string)>
    {
        public static readonly ProfileRuleComparer Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}
