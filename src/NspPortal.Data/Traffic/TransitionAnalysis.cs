using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;
using EngineDraft = NspPortal.Engine.Transition.ProfileDraft;

namespace NspPortal.Data.Traffic;

/// <summary>The what-if answers for a draft: applied as it is, and applied with every Learning association of the
/// perimeter switched to Enforced (the question the transition is about).</summary>
public sealed record DraftWhatIf(WhatIfResult Draft, WhatIfResult DraftEnforced, int Days, int LearningAssociations);

/// <summary>An access rule with no logged hit in the window.</summary>
public sealed record UnusedRule(string Profile, AccessRule Rule);

/// <summary>Replays logged traffic against the live configuration and its variants (a draft applied, associations
/// switched to Enforced): the numbers behind the transition view's what-if, its guarded switch and its clean-up list.</summary>
public sealed class TransitionAnalysis(NspDbContext db, TrafficInsights insights)
{
    /// <summary>The live configuration, loaded once per request.</summary>
    public async Task<NspConfiguration> LiveAsync(CancellationToken cancellationToken = default) =>
        live ??= await LiveConfiguration.LoadAsync(db, cancellationToken);

    private NspConfiguration? live;

    /// <summary>Replays the perimeter's last <paramref name="days"/> days against the draft, and against the draft with
    /// the perimeter's Learning associations in Enforced; both compared with the live configuration.</summary>
    public async Task<DraftWhatIf> DraftWhatIfAsync(PerimeterEntity perimeter, EngineDraft draft, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var configuration = await LiveAsync(cancellationToken);
        var id = ArmResourceId.Parse(ResourceIds.Of(perimeter));
        var withDraft = ConfigurationEdits.WithDraft(configuration, id, draft);
        var enforced = ConfigurationEdits.WithAccessMode(withDraft, id, a => a.AccessMode == AccessMode.Learning, AccessMode.Enforced);
        var rows = await insights.LoadRowsAsync(TrafficWindow.LastDays(perimeter.Id, null, days, insights.Now), wouldBeDeniedOnly: false, cancellationToken);
        var before = DecisionIndex.Build(configuration);
        return new DraftWhatIf(Replay.WhatIf(before, DecisionIndex.Build(withDraft), rows), Replay.WhatIf(before, DecisionIndex.Build(enforced), rows), days,
            perimeter.Associations.Count(a => a.AccessMode == AccessMode.Learning));
    }

    /// <summary>Replays one association's last <paramref name="days"/> days against the live configuration with that
    /// association switched to <paramref name="mode"/>.</summary>
    public async Task<WhatIfResult> ModeWhatIfAsync(PerimeterEntity perimeter, ResourceAssociationEntity association, AccessMode mode, int days,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        ArgumentNullException.ThrowIfNull(association);
        var configuration = await LiveAsync(cancellationToken);
        var id = ArmResourceId.Parse(ResourceIds.Of(perimeter));
        var switched = ConfigurationEdits.WithAccessMode(configuration, id,
            a => string.Equals(a.Name, association.Name, StringComparison.OrdinalIgnoreCase), mode);
        var rows = await insights.LoadRowsAsync(TrafficWindow.LastDays(perimeter.Id, association.Id, days, insights.Now), wouldBeDeniedOnly: false, cancellationToken);
        return Replay.WhatIf(DecisionIndex.Build(configuration), DecisionIndex.Build(switched), rows);
    }

    /// <summary>The perimeter's access rules that no logged connection of the last <paramref name="days"/> days uses
    /// when decided against the live configuration (link-generated rules are not listed: they are managed by the link).</summary>
    public async Task<IReadOnlyList<UnusedRule>> UnusedRulesAsync(PerimeterEntity perimeter, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var configuration = await LiveAsync(cancellationToken);
        var id = ArmResourceId.Parse(ResourceIds.Of(perimeter));
        var index = DecisionIndex.Build(configuration);
        var rows = await insights.LoadRowsAsync(TrafficWindow.LastDays(perimeter.Id, null, days, insights.Now), wouldBeDeniedOnly: false, cancellationToken);
        var usage = RuleUsage.Count(index, rows);
        var model = configuration.Perimeters.FirstOrDefault(p => p.Id.Equals(id));
        return model is null
            ? []
            : [.. model.Profiles.SelectMany(p => RuleUsage.Unused(p, usage).Where(EngineDraft.IsDraftable).Select(r => new UnusedRule(p.Name, r)))];
    }
}
