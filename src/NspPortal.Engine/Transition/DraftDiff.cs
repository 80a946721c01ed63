using NspPortal.Engine.Model;

namespace NspPortal.Engine.Transition;

/// <summary>How a rule differs between the live profile and a draft.</summary>
public enum RuleChangeKind
{
    /// <summary>Only in the draft.</summary>
    Added,

    /// <summary>Only in the live profile.</summary>
    Removed,

    /// <summary>In both, with different values.</summary>
    Changed,
}

/// <summary>One changed rule: the values (prefixes, subscriptions, FQDNs, service tags, perimeters, as normalised
/// text) the draft adds and removes.</summary>
public sealed record RuleChange(string Name, AccessRuleDirection Direction, RuleChangeKind Kind,
    IReadOnlyList<string> AddedValues, IReadOnlyList<string> RemovedValues);

/// <summary>The difference between a live profile and its draft.</summary>
public sealed record DraftDiffResult(IReadOnlyList<RuleChange> Rules, IReadOnlyList<string> AddedResources)
{
    /// <summary>True when applying the draft would change nothing.</summary>
    public bool IsEmpty => Rules.Count == 0 && AddedResources.Count == 0;
}

/// <summary>Compares a draft with the live rules by rule name (case-insensitive, as Azure names compare).</summary>
public static class DraftDiff
{
    /// <summary>The changes the draft makes to <paramref name="live"/>, in rule-name order.</summary>
    public static DraftDiffResult Compare(IEnumerable<AccessRule> live, ProfileDraft draft)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(draft);
        var before = live.Where(ProfileDraft.IsDraftable).ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var after = draft.Rules.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var changes = new List<RuleChange>();
        foreach (var name in before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var old = before.GetValueOrDefault(name);
            var @new = after.GetValueOrDefault(name);
            var oldValues = old is null ? [] : ValuesOf(old);
            var newValues = @new is null ? [] : ValuesOf(@new);
            var added = newValues.Except(oldValues, StringComparer.OrdinalIgnoreCase).ToList();
            var removed = oldValues.Except(newValues, StringComparer.OrdinalIgnoreCase).ToList();
            if (old is null)
            {
                changes.Add(new RuleChange(@new!.Name, @new.Direction, RuleChangeKind.Added, added, []));
            }
            else if (@new is null)
            {
                changes.Add(new RuleChange(old.Name, old.Direction, RuleChangeKind.Removed, [], removed));
            }
            else if (added.Count > 0 || removed.Count > 0 || old.Direction != @new.Direction)
            {
                changes.Add(new RuleChange(@new.Name, @new.Direction, RuleChangeKind.Changed, added, removed));
            }
        }

        return new DraftDiffResult(changes, [.. draft.AddResources.Select(r => r.Value)]);
    }

    /// <summary>The values of a rule as normalised text, each kind prefixed so that kinds never collide.</summary>
    public static IReadOnlyList<string> ValuesOf(AccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return
        [
            .. rule.AddressPrefixes.Select(p => p.ToString()),
            .. rule.Subscriptions.Select(s => s.ToString()),
            .. rule.FullyQualifiedDomainNames.Select(f => f.Value),
            .. rule.ServiceTags.Select(t => "tag:" + t),
            .. rule.NetworkSecurityPerimeters.Select(p => "perimeter:" + p.PerimeterGuid.ToString("D")),
        ];
    }
}
