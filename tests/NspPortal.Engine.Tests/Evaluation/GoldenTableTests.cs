using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Tests.Evaluation;

/// <summary>The golden table (Golden/golden.jsonl against Golden/snapshot.json): every row of the §4.3 matrix, every
/// §3.1 category the engine emits and every per-service error of §4.7.</summary>
public class GoldenTableTests
{
    public static TheoryData<string> RowNames => [.. GoldenTable.Rows.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void DecidesAsTheTableSays(string name)
    {
        var row = GoldenTable.Rows.Single(r => r.Name == name);
        var decision = GoldenTable.Index.Evaluate(row.Request);

        Assert.Equal(row.Expected("result"), decision.Result.ToString());
        Assert.Equal(row.Expected("category"), decision.Category?.ToString());
        Assert.Equal(row.Expected("matchedRule"), decision.MatchedRule);
        Assert.Equal(row.Expected("trafficType"), decision.TrafficType.ToString());
        Assert.Equal(row.Expected("error"), decision.Error?.Code);
        if (row.Expects("profile"))
        {
            Assert.Equal(row.Expected("profile"), decision.Profile);
        }

        if (row.Expects("accessMode"))
        {
            Assert.Equal(row.Expected("accessMode"), decision.AccessMode?.ToString());
        }

        if (row.Expects("perimeterGuid"))
        {
            Assert.Equal(row.Expected("perimeterGuid"), decision.PerimeterGuid?.ToString());
        }

        Assert.Equal(decision.Category is null, decision.PerimeterGuid is null);
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void ReferenceEvaluatorAgrees(string name)
    {
        var row = GoldenTable.Rows.Single(r => r.Name == name);
        Assert.Equal(ReferenceEvaluator.Evaluate(GoldenTable.Configuration, row.Request), GoldenTable.Index.Evaluate(row.Request));
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void ExplanationEndsInTheSameDecision(string name)
    {
        var row = GoldenTable.Rows.Single(r => r.Name == name);
        var explanation = GoldenTable.Index.Explain(row.Request);
        Assert.Equal(GoldenTable.Index.Evaluate(row.Request), explanation.Decision);
        Assert.NotEmpty(explanation.Trace);
        Assert.Equal(TraceCheck.Resource, explanation.Trace[0].Check);
        Assert.All(explanation.Trace, s => Assert.False(string.IsNullOrWhiteSpace(s.Detail)));
    }

    [Fact]
    public void CoversEveryCellOfThePublicNetworkAccessByModeMatrix()
    {
        var cells = from access in Enum.GetNames<PublicNetworkAccess>()
                    from mode in new[] { "NotAssociated", nameof(AccessMode.Learning), nameof(AccessMode.Enforced) }
                    from direction in Enum.GetNames<AccessRuleDirection>()
                    select $"{access}/{mode}/{direction}";
        var covered = GoldenTable.Rows.Select(r => r.Matrix).ToHashSet();
        Assert.Equal([], cells.Where(c => !covered.Contains(c)).ToArray());
    }

    [Fact]
    public void MatrixTagsMatchTheResourcesTheyTest()
    {
        foreach (var row in GoldenTable.Rows.Where(r => r.Matrix is not null))
        {
            var id = row.Request.ResourceId;
            var access = GoldenTable.Configuration.PaasResources.Single(p => p.Id == id).PublicNetworkAccess;
            var association = GoldenTable.Configuration.Perimeters.SelectMany(p => p.Associations).SingleOrDefault(a => a.PrivateLinkResourceId == id);
            Assert.Equal(row.Matrix, $"{access}/{association?.AccessMode.ToString() ?? "NotAssociated"}/{row.Request.Direction}");
        }
    }

    [Fact]
    public void CoversEveryCategoryTheEngineEmits()
    {
        // NspIntraPerimeterOutboundAllowed is "to be deprecated"; the engine logs intra-perimeter outbound as
        // NspOutboundAttempt (docs/engine.md), so it is the one category never emitted.
        var expected = Enum.GetNames<NspLogCategory>().Where(c => c != nameof(NspLogCategory.NspIntraPerimeterOutboundAllowed));
        var covered = GoldenTable.Rows.Select(r => r.Expected("category")).ToHashSet();
        Assert.Equal([], expected.Where(c => !covered.Contains(c)).ToArray());
    }

    [Fact]
    public void CoversEveryServiceErrorAndBuiltInRule()
    {
        var errors = new[] { ServiceErrors.SqlInbound, ServiceErrors.Storage, ServiceErrors.KeyVault, ServiceErrors.CognitiveServicesInbound, ServiceErrors.Generic };
        var decisions = GoldenTable.Rows.Select(r => GoldenTable.Index.Evaluate(r.Request)).ToList();
        Assert.All(errors, e => Assert.Contains(decisions, d => ReferenceEquals(d.Error, e)));
        Assert.Contains(decisions, d => ReferenceEquals(d.Error, ServiceErrors.CognitiveServicesOutbound));
        var rules = new[]
        {
            MatchedRules.DefaultAllowAll, MatchedRules.DefaultAllowWithinPerimeter, MatchedRules.DefaultDenyAll,
            MatchedRules.DefaultDenyBySecuredByPerimeter, MatchedRules.IpFirewall, MatchedRules.TrustedServices,
        };
        Assert.All(rules, rule => Assert.Contains(decisions, d => d.MatchedRule == rule));
        Assert.All(Enum.GetValues<TrafficType>(), t => Assert.Contains(decisions, d => d.TrafficType == t));
    }

    [Fact]
    public void ServiceErrorsCarryTheTextsOfSection47()
    {
        Assert.Equal(("42118", "Login failed because the network security perimeter denied inbound access."), (ServiceErrors.SqlInbound.Code, ServiceErrors.SqlInbound.Message));
        Assert.Equal(("AuthorizationFailure", 403), (ServiceErrors.Storage.Code, ServiceErrors.Storage.HttpStatus!.Value));
        Assert.Equal("This request is not authorized by network security perimeter to perform this operation.", ServiceErrors.Storage.Message);
        Assert.Equal(("ForbiddenByNsp", 403), (ServiceErrors.KeyVault.Code, ServiceErrors.KeyVault.HttpStatus!.Value));
        Assert.Equal("NetworkSecurityPerimeterTrafficDenied", ServiceErrors.CognitiveServicesOutbound.Code);
    }
}
