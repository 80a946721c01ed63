using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using static NspPortal.Engine.Tests.Transition.TransitionSamples;

namespace NspPortal.Engine.Tests.Transition;

public class ReplayTests
{
    // Hand-computed: in Learning every row is allowed (rule or fallback). Switched to Enforced without a draft,
    // rows 2 (×3), 3 (×2) and 5 (×4) lose their fallback; rows 1 and 4 match profile rules; row 6 is private.
    private static readonly ReplayRow[] Rows =
    [
        Inbound(1, "203.0.113.5", count: 10, category: NspLogCategory.NspPublicInboundPerimeterRulesAllowed),
        Inbound(2, "198.51.100.7", count: 3),
        Inbound(3, "198.51.100.9", count: 2, auth: CallerAuthentication.Sas),
        Outbound(4, "api.contoso.com", count: 7, category: NspLogCategory.NspPublicOutboundPerimeterRulesAllowed),
        Outbound(5, "login.fabrikam.com", count: 4),
        Inbound(6, "10.1.2.3", count: 5, category: NspLogCategory.NspPrivateInboundAllowed) with { PrivateEndpoint = true },
    ];

    private static DecisionIndex Live => DecisionIndex.Build(Configuration());

    private static DecisionIndex Enforced(ProfileDraft? draft = null)
    {
        var configuration = draft is null ? Configuration() : ConfigurationEdits.WithDraft(Configuration(), PerimeterId, draft);
        return DecisionIndex.Build(ConfigurationEdits.WithAccessMode(configuration, PerimeterId, _ => true, AccessMode.Enforced));
    }

    [Fact]
    public void SwitchingToEnforcedNewlyDeniesTheFallbackTraffic()
    {
        var result = Replay.WhatIf(Live, Enforced(), Rows);
        Assert.Equal((6L, 31L), (result.Rows, result.Connections));
        Assert.Equal((3L, 9L), (result.NewlyDeniedRows, result.NewlyDeniedConnections));
        Assert.Equal((0L, 0L), (result.NewlyAllowedRows, result.NewlyAllowedConnections));
        Assert.Equal([2L, 3L, 5L], result.NewlyDenied.Select(e => e.Row.Id));
        Assert.All(result.NewlyDenied, e => Assert.True(e.Before.IsAllowed && !e.After.IsAllowed));
        Assert.Equal(NspLogCategory.NspPublicInboundPerimeterRulesDenied, result.NewlyDenied[0].After.Category);
        Assert.False(result.NoNewDenials);
    }

    [Fact]
    public void ADraftWithThePrefixAndTheFqdnLeavesNothingNewlyDenied()
    {
        var draft = ProfileDraft.FromProfile(Configuration().Perimeters[0].Profiles[0])
            .Add(new Suggestion(SuggestionKind.AddressPrefix, "198.51.100.0/24", 5, 2), out var e1)
            .Add(new Suggestion(SuggestionKind.Fqdn, "login.fabrikam.com", 4, 1), out var e2);
        Assert.Null(e1);
        Assert.Null(e2);
        var result = Replay.WhatIf(Live, Enforced(draft), Rows);
        Assert.True(result.NoNewDenials);
        Assert.Equal(0L, result.NewlyDeniedRows);
    }

    [Fact]
    public void ADraftThatDropsAUsedRuleNewlyDeniesItsTrafficAndExamplesAreCapped()
    {
        var draft = ProfileDraft.FromProfile(Configuration().Perimeters[0].Profiles[0]).RemoveRule("ALLOW-CORP");
        var rows = Enumerable.Range(1, 8).Select(i => Inbound(i, "203.0.113." + i, count: 2, category: NspLogCategory.NspPublicInboundPerimeterRulesAllowed));
        var result = Replay.WhatIf(Live, Enforced(draft), rows, maxExamples: 3);
        Assert.Equal((8L, 16L), (result.NewlyDeniedRows, result.NewlyDeniedConnections));
        Assert.Equal(3, result.NewlyDenied.Count);
    }

    [Fact]
    public void ADraftInLearningModeNewlyAllowsNothingThatWasAllowedButReportsDeniedToAllowed()
    {
        // A Disabled resource denies public callers in Learning; a draft prefix admits them.
        var closed = Configuration() with { PaasResources = [new PaasResource(St1) { PublicNetworkAccess = PublicNetworkAccess.Disabled }, new PaasResource(St2)] };
        var before = DecisionIndex.Build(closed);
        var draft = ProfileDraft.FromProfile(closed.Perimeters[0].Profiles[0]).Add(new Suggestion(SuggestionKind.AddressPrefix, "198.51.100.0/24", 0, 0), out _);
        var after = DecisionIndex.Build(ConfigurationEdits.WithDraft(closed, PerimeterId, draft));
        var result = Replay.WhatIf(before, after, [Inbound(1, "198.51.100.7", count: 4, category: NspLogCategory.NspPublicInboundResourceRulesDenied)]);
        Assert.Equal((0L, 1L, 4L), (result.NewlyDeniedRows, result.NewlyAllowedRows, result.NewlyAllowedConnections));
        Assert.Equal("suggested-inbound-prefixes", result.NewlyAllowed[0].After.MatchedRule);
    }

    [Fact]
    public void AddingTheCallingResourceToThePerimeterAdmitsItsManagedIdentity()
    {
        var vault = Configuration() with { PaasResources = [new PaasResource(St1), new PaasResource(St2), new PaasResource(CallerVault)] };
        var draft = ProfileDraft.FromProfile(vault.Perimeters[0].Profiles[0]).Add(new Suggestion(SuggestionKind.AddResource, CallerVault.Value, 1, 1), out var error);
        Assert.Null(error);
        var before = DecisionIndex.Build(vault);
        var after = DecisionIndex.Build(ConfigurationEdits.WithAccessMode(ConfigurationEdits.WithDraft(vault, PerimeterId, draft), PerimeterId,
            a => a.Name.StartsWith("st", StringComparison.Ordinal), AccessMode.Enforced));
        var row = Inbound(1, "52.1.2.3", auth: CallerAuthentication.ManagedIdentity, caller: CallerVault);
        Assert.True(Replay.WhatIf(before, after, [row]).NoNewDenials);
        Assert.Equal(NspLogCategory.NspIntraPerimeterInboundAllowed, Replay.Decide(after, row).Category);
    }

    [Fact]
    public void NoRowsGiveAnEmptyAnswer() => Assert.Equal(0L, Replay.WhatIf(Live, Enforced(), []).Rows);

    [Fact]
    public void RuleUsageCountsHitsAndListsUnusedRules()
    {
        var usage = RuleUsage.Count(Live, Rows);
        Assert.Equal(10L, usage[("default", "allow-corp")]);
        Assert.Equal(7L, usage[("DEFAULT", "Allow-Contoso")]);
        var unused = RuleUsage.Unused(Configuration().Perimeters[0].Profiles[0], usage);
        Assert.Equal(["allow-old"], unused.Select(r => r.Name));
    }

    [Fact]
    public void ReplayOfManyRowsIsFast()
    {
        var live = Live;
        var enforced = Enforced();
        var rows = Enumerable.Range(0, 200_000).Select(i => Inbound(i, $"198.51.{i % 250}.{i % 200}", resource: i % 2 == 0 ? St1 : St2)).ToArray();
        Replay.WhatIf(live, enforced, rows.Take(1000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Replay.WhatIf(live, enforced, rows);
        watch.Stop();
        Assert.Equal(200_000L, result.NewlyDeniedRows);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
