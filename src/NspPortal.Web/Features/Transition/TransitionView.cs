using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;

namespace NspPortal.Web.Features.Transition;

/// <summary>What the transition view is asked (its GET form and links): the scope (perimeter or one association), the
/// window, the profile whose suggestions and draft are shown, the CIDR breadth cap, and the optional what-if and
/// unused-rules questions.</summary>
public sealed record TransitionQuery
{
    public static readonly int[] WindowChoices = [1, 7, 14, 30];

    public static readonly int[] BroadestChoices = [8, 12, 16, 20, 24, 28, 32];

    public string? Association { get; init; }

    public int Days { get; init; } = 14;

    public string? Profile { get; init; }

    /// <summary>No suggested IPv4 prefix is broader than /N.</summary>
    public int Broadest { get; init; } = 16;

    /// <summary>Replay the last N days against the draft (null: not asked).</summary>
    public int? WhatIf { get; init; }

    /// <summary>List rules with no hit in the last N days (null: not asked).</summary>
    public int? Unused { get; init; }

    public string? Result { get; init; }

    public string? Message { get; init; }

    public static TransitionQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        int? Number(string name, int min, int max) =>
            int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, min, max) : null;
        return new TransitionQuery
        {
            Association = Get("association"),
            Days = Number("days", 1, 90) ?? 14,
            Profile = Get("profile"),
            Broadest = Number("broadest", 0, 32) ?? 16,
            WhatIf = Number("whatif", 1, 90),
            Unused = Number("unused", 1, 90),
            Result = Get("result"),
            Message = Get("message"),
        };
    }

    /// <summary>The query string of this view, with changes.</summary>
    public string ToQueryString(bool whatIf = false, bool unused = false, string? profile = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["association"] = Association,
            ["days"] = Days == 14 ? null : Days.ToString(CultureInfo.InvariantCulture),
            ["profile"] = profile ?? Profile,
            ["broadest"] = Broadest == 16 ? null : Broadest.ToString(CultureInfo.InvariantCulture),
            ["whatif"] = whatIf ? Days.ToString(CultureInfo.InvariantCulture) : null,
            ["unused"] = unused ? "30" : null,
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }
}

/// <summary>One association as the readiness table shows it.</summary>
public sealed record AssociationReadiness(ResourceAssociationEntity Association, AssociationTraffic Traffic, ReadinessResult Readiness);

/// <summary>Everything the transition view renders, loaded once per request.</summary>
public sealed record TransitionModel(
    PerimeterEntity Perimeter,
    ResourceAssociationEntity? Association,
    TransitionQuery Query,
    TrafficChart Chart,
    ReadinessResult Readiness,
    IReadOnlyList<AssociationReadiness> Associations,
    TopSourceSet TopSources,
    ProfileEntity? Profile,
    SuggestionSet Suggestions,
    DraftState? Draft,
    DraftDiffResult? Diff,
    DraftWhatIf? WhatIf,
    IReadOnlyList<UnusedRule>? UnusedRules,
    IReadOnlyList<AccessModeChange> ModeChanges,
    bool CanWrite,
    long StillDenied)
{
    public string ScopeName => Association?.PaasResource?.Name ?? Perimeter.Name;
}

/// <summary>Loads the transition view's model: counts from the rollups, callers from the would-be-denied rows, drafts
/// from <see cref="TransitionService"/>, replays from <see cref="TransitionAnalysis"/> only when asked.</summary>
public static class TransitionView
{
    /// <summary>Readiness looks back this far for the clean run.</summary>
    public const int ReadinessLookbackDays = 90;

    public static async Task<TransitionModel> LoadAsync(PerimeterEntity perimeter, TransitionQuery query, TrafficInsights insights, TransitionService drafts,
        TransitionAnalysis analysis, bool canWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(insights);
        var association = query.Association is { } name
            ? perimeter.Associations.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            : null;
        var now = insights.Now;
        var window = TrafficWindow.LastDays(perimeter.Id, association?.Id, query.Days, now);
        var chart = await insights.ChartAsync(window, cancellationToken);
        var lookback = TrafficWindow.LastDays(perimeter.Id, association?.Id, ReadinessLookbackDays, now);
        var readiness = await insights.ReadinessAsync(lookback, cancellationToken: cancellationToken);
        var perAssociation = await insights.AssociationsAsync(window, cancellationToken);
        var associations = new List<AssociationReadiness>();
        foreach (var a in perimeter.Associations.OrderBy(a => a.PaasResource!.NameKey, StringComparer.Ordinal))
        {
            var traffic = perAssociation.FirstOrDefault(t => t.AssociationId == a.Id) ?? new AssociationTraffic(a.Id, 0, 0, null);
            var ready = association is not null && association.Id == a.Id
                ? readiness
                : await insights.ReadinessAsync(lookback with { AssociationId = a.Id }, cancellationToken: cancellationToken);
            associations.Add(new AssociationReadiness(a, traffic, ready));
        }

        // Logged as would-be-denied, and still denied by today's rules once enforced: what suggestions and top sources are
        // about (a rule applied since the row was logged already admits the rest).
        var logged = await insights.LoadRowsAsync(window, wouldBeDeniedOnly: true, cancellationToken);
        var live = await analysis.LiveAsync(cancellationToken);
        var perimeterId = ArmResourceId.Parse(ResourceIds.Of(perimeter));
        var enforced = DecisionIndex.Build(ConfigurationEdits.WithAccessMode(live, perimeterId, _ => true, AccessMode.Enforced));
        var blocked = logged.Where(r => !Replay.Decide(enforced, in r).IsAllowed).ToList();
        var top = TopSources.Compute(blocked);
        var profile = ChooseProfile(perimeter, association, query, associations);
        var inProfile = profile is null ? [] : perimeter.Associations.Where(a => a.ProfileId == profile.Id)
            .Select(a => ArmResourceId.Parse(ResourceIds.Of(a.PaasResource!))).ToHashSet();
        var associated = perimeter.Associations.Select(a => ArmResourceId.Parse(ResourceIds.Of(a.PaasResource!))).ToHashSet();
        var merge = CidrMergeOptions.Suggested with { BroadestIPv4 = query.Broadest, BroadestIPv6 = Math.Min(128, query.Broadest * 3) };
        var suggestions = profile is null
            ? SuggestionSet.Empty
            : Suggestions.Suggest(blocked.Where(r => inProfile.Contains(r.Resource)), merge, associated.Contains);
        DraftState? draft = null;
        DraftDiffResult? diff = null;
        DraftWhatIf? whatIf = null;
        if (profile is not null)
        {
            draft = await drafts.GetDraftAsync(perimeter.Id, profile.Name, cancellationToken);
            if (draft is not null)
            {
                diff = DraftDiff.Compare(EngineMapping.ToProfile(profile).AccessRules, draft.Draft);
                if (query.WhatIf is { } days)
                {
                    whatIf = await analysis.DraftWhatIfAsync(perimeter, draft.Draft, days, cancellationToken);
                }
            }
        }

        var unused = query.Unused is { } unusedDays ? await analysis.UnusedRulesAsync(perimeter, unusedDays, cancellationToken) : null;
        var changes = await drafts.ModeChangesAsync(perimeter.Id, cancellationToken: cancellationToken);
        return new TransitionModel(perimeter, association, query, chart, readiness, associations, top, profile, suggestions, draft, diff, whatIf, unused,
            changes, canWrite, blocked.Sum(r => r.Weight));
    }

    /// <summary>The association's profile; else the one asked for; else the profile of the association with the most
    /// would-be-denied traffic; else the first.</summary>
    private static ProfileEntity? ChooseProfile(PerimeterEntity perimeter, ResourceAssociationEntity? association, TransitionQuery query,
        IReadOnlyList<AssociationReadiness> associations)
    {
        if (association is not null)
        {
            return perimeter.Profiles.FirstOrDefault(p => p.Id == association.ProfileId);
        }

        if (query.Profile is { } name && perimeter.Profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } asked)
        {
            return asked;
        }

        var busiest = associations.Where(a => a.Traffic.WouldBeDenied > 0).OrderByDescending(a => a.Traffic.WouldBeDenied).FirstOrDefault();
        return busiest is not null
            ? perimeter.Profiles.FirstOrDefault(p => p.Id == busiest.Association.ProfileId)
            : perimeter.Profiles.OrderBy(p => p.NameKey, StringComparer.Ordinal).FirstOrDefault();
    }
}
