using System.Text;
using System.Text.Json;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Json;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Tests.Json;

public class DecisionJsonTests
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DecisionJson.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void WritesEveryKeyInContractOrder()
    {
        var decision = new Decision(DecisionResult.Denied, NspLogCategory.NspPublicInboundPerimeterRulesDenied, MatchedRules.DefaultDenyAll, TrafficType.Public,
            Guid.Parse("11111111-1111-4111-8111-111111111111"), "default", AccessMode.Enforced, 3, ServiceErrors.Storage);
        Assert.Equal(
            """{"id":"r1","result":"Denied","category":"NspPublicInboundPerimeterRulesDenied","matchedRule":"DefaultDenyAll","trafficType":"Public","perimeterGuid":"11111111-1111-4111-8111-111111111111","profile":"default","accessMode":"Enforced","error":{"code":"AuthorizationFailure","message":"This request is not authorized by network security perimeter to perform this operation."}}""",
            Write(w => DecisionJson.Write(w, "r1", decision)));
    }

    [Fact]
    public void WritesNullsWhenNoPerimeterApplies()
    {
        var decision = new Decision(DecisionResult.Allowed, null, MatchedRules.IpFirewall, TrafficType.Public, null, null, null, null, null);
        Assert.Equal(
            """{"id":null,"result":"Allowed","category":null,"matchedRule":"IP firewall","trafficType":"Public","perimeterGuid":null,"profile":null,"accessMode":null,"error":null}""",
            Write(w => DecisionJson.Write(w, null, decision)));
    }

    [Fact]
    public void AppendsTheTraceWhenExplaining()
    {
        var decision = new Decision(DecisionResult.Allowed, null, MatchedRules.DefaultAllowAll, TrafficType.Private, null, null, null, null, null);
        var json = Write(w => DecisionJson.Write(w, "r1", decision, [new TraceStep(TraceCheck.PrivateEndpoint, "source.privateEndpoint", TraceOutcome.Allowed, "It's private.")]));
        Assert.EndsWith(""","error":null,"trace":[{"check":"PrivateEndpoint","against":"source.privateEndpoint","outcome":"Allowed","detail":"It's private."}]}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesRequestErrors() =>
        Assert.Equal("""{"id":"r2","error":{"code":"InvalidRequest","message":"line 2: direction is required."}}""",
            Write(w => DecisionJson.WriteError(w, "r2", "InvalidRequest", "line 2: direction is required.")));
}
