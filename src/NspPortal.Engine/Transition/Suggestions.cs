using NspPortal.Engine.Catalog;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>The kinds of rule or change the transition view proposes.</summary>
public enum SuggestionKind
{
    /// <summary>An inbound address-prefix rule (merged CIDR).</summary>
    AddressPrefix,

    /// <summary>An inbound subscription rule.</summary>
    Subscription,

    /// <summary>An outbound FQDN rule.</summary>
    Fqdn,

    /// <summary>Associate the calling resource with this perimeter (intra-perimeter traffic needs no rule).</summary>
    AddResource,
}

/// <summary>One proposal with the logged connections it would admit once enforced. <see cref="Value"/> is the
/// normalised text of the prefix, subscription id, host name or resource id; <see cref="Key"/> identifies the
/// suggestion across requests (<c>kind:value</c>).</summary>
public sealed record Suggestion(SuggestionKind Kind, string Value, long Connections, int Rows)
{
    /// <summary>Stable key, e.g. <c>AddressPrefix:203.0.113.0/24</c>.</summary>
    public string Key => $"{Kind}:{Value}";
}

/// <summary>Callers that authenticate with SAS or shared keys: only an address-prefix rule can admit them.</summary>
public sealed record KeyBasedCaller(string Source, CallerAuthentication Authentication, long Connections);

/// <summary>All proposals for one set of would-be-denied rows.</summary>
public sealed record SuggestionSet(IReadOnlyList<Suggestion> Items, IReadOnlyList<KeyBasedCaller> KeyBasedCallers)
{
    /// <summary>No proposal at all.</summary>
    public static SuggestionSet Empty { get; } = new([], []);

    /// <summary>The proposals of one kind, most connections first.</summary>
    public IEnumerable<Suggestion> Of(SuggestionKind kind) => Items.Where(s => s.Kind == kind);
}

/// <summary>Proposes access rules from the would-be-denied rows of Transition (Learning) associations
/// (reference/nsp.md §4.8 step 3; peers.md A.6 #5). Pure: the caller passes the rows of the associations in question.</summary>
public static class Suggestions
{
    /// <summary>Builds the proposals. Only would-be-denied rows count (<see cref="WouldBeDenied.Is"/>).
    /// <list type="bullet">
    /// <item>Inbound with an address → merged CIDRs (<paramref name="merge"/>; default <see cref="CidrMergeOptions.Suggested"/>);
    /// an address-prefix rule admits any authentication.</item>
    /// <item>Inbound with a caller subscription, authenticated with Entra ID or a managed identity → subscription rule
    /// (subscription rules never admit SAS, shared-key or anonymous callers, §4.2 step 6).</item>
    /// <item>Inbound from a calling resource of an associable type with a managed identity → "add to the perimeter"
    /// (<paramref name="isInPerimeter"/> filters out resources that already are).</item>
    /// <item>Outbound to a host name → FQDN rule.</item>
    /// </list>
    /// Each suggestion's <see cref="Suggestion.Connections"/> is the sum of the counts of the rows it alone would
    /// admit; a row can count under several kinds (its address and its subscription).</summary>
    public static SuggestionSet Suggest(IEnumerable<ReplayRow> rows, CidrMergeOptions? merge = null,
        Func<ArmResourceId, bool>? isInPerimeter = null, int maxPerKind = 20)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var addresses = new List<(IpPrefix, long)>();
        var subscriptions = new Dictionary<SubscriptionId, (long Connections, int Rows)>();
        var resources = new Dictionary<ArmResourceId, (long Connections, int Rows)>();
        var fqdns = new Dictionary<string, (long Connections, int Rows)>(StringComparer.Ordinal);
        var keyBased = new Dictionary<(string, CallerAuthentication), long>();

        foreach (var row in rows)
        {
            if (!row.IsWouldBeDenied)
            {
                continue;
            }

            var weight = row.Weight;
            if (row.Direction == Model.AccessRuleDirection.Outbound)
            {
                if (row.DestinationFqdn is { } fqdn)
                {
                    Add(fqdns, fqdn.Value, weight);
                }

                continue;
            }

            if (row.SourceIp is { } ip)
            {
                addresses.Add((IpPrefix.Host(ip), weight));
            }

            var tokenCaller = row.Authentication is CallerAuthentication.EntraId or CallerAuthentication.ManagedIdentity;
            if (tokenCaller && row.CallerSubscription is { } subscription)
            {
                Add(subscriptions, subscription, weight);
            }

            if (row.Authentication == CallerAuthentication.ManagedIdentity && row.SourceResourceId?.TopLevelResource is { } caller
                && AssociableResourceTypes.Find(caller.ResourceType) is not null && isInPerimeter?.Invoke(caller) != true)
            {
                Add(resources, caller, weight);
            }

            if (LogAuthentication.IsKeyBased(row.Authentication))
            {
                var source = row.SourceIp is { } address ? TopSources.AggregateAddress(address).ToString() : "(no address logged)";
                keyBased[(source, row.Authentication)] = keyBased.GetValueOrDefault((source, row.Authentication)) + weight;
            }
        }

        var items = new List<Suggestion>();
        items.AddRange(CidrMerge.MergeWeighted(addresses, merge ?? CidrMergeOptions.Suggested)
            .OrderByDescending(m => m.Weight).ThenBy(m => m.Prefix).Take(maxPerKind)
            .Select(m => new Suggestion(SuggestionKind.AddressPrefix, m.Prefix.ToString(), m.Weight, m.Inputs)));
        items.AddRange(Top(subscriptions, maxPerKind, s => s.ToString(), SuggestionKind.Subscription));
        items.AddRange(Top(fqdns, maxPerKind, f => f, SuggestionKind.Fqdn));
        items.AddRange(Top(resources, maxPerKind, r => r.Value, SuggestionKind.AddResource));
        var callers = keyBased.OrderByDescending(k => k.Value).ThenBy(k => k.Key.Item1, StringComparer.Ordinal)
            .Select(k => new KeyBasedCaller(k.Key.Item1, k.Key.Item2, k.Value)).ToList();
        return new SuggestionSet(items, callers);
    }

    private static void Add<TKey>(Dictionary<TKey, (long Connections, int Rows)> totals, TKey key, long weight)
        where TKey : notnull
    {
        var current = totals.GetValueOrDefault(key);
        totals[key] = (current.Connections + weight, current.Rows + 1);
    }

    private static IEnumerable<Suggestion> Top<TKey>(Dictionary<TKey, (long Connections, int Rows)> totals, int take,
        Func<TKey, string> text, SuggestionKind kind)
        where TKey : notnull =>
        totals.Select(t => new Suggestion(kind, text(t.Key), t.Value.Connections, t.Value.Rows))
            .OrderByDescending(s => s.Connections).ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase).Take(take);
}
