using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Json;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Tests.Json;

public class RequestJsonTests
{
    private const string Storage = "/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1";

    private static string J(string json) => json.Replace("@STORAGE@", Storage, StringComparison.Ordinal);

    [Fact]
    public void ParsesAnInboundRequest()
    {
        Assert.True(RequestJson.TryParse(J("""{"id":"r1","direction":"Inbound","resourceId":"@STORAGE@","source":{"ipAddress":"198.51.100.7","subscriptionId":"8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","resourceId":"@STORAGE@","privateEndpoint":false,"trustedService":true,"authentication":"managedIdentity"}}"""),
            out var request, out var id, out var error), error);
        Assert.Equal("r1", id);
        Assert.Equal(AccessRuleDirection.Inbound, request!.Direction);
        Assert.Equal("198.51.100.7", request.Source.IpAddress.ToString());
        Assert.True(request.Source.TrustedService);
        Assert.Equal(CallerAuthentication.ManagedIdentity, request.Source.Authentication);
    }

    [Fact]
    public void ParsesAnOutboundRequestAndDefaultsAbsentFields()
    {
        Assert.True(RequestJson.TryParse(J("""{"direction":"outbound","resourceId":"@STORAGE@","destination":{"fqdn":"API.contoso.com."},"future":1}"""), out var request, out var id, out _));
        Assert.Null(id);
        Assert.Equal("api.contoso.com", request!.Destination.Fqdn!.Value.Value);
        Assert.Null(request.Destination.ResourceId);
        Assert.Equal(CallerAuthentication.Anonymous, request.Source.Authentication);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("""{"id":7}""", "id must be a string")]
    [InlineData("""{"id":"x","resourceId":"/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}""", "direction is required")]
    [InlineData("""{"id":"x","direction":"Sideways","resourceId":"/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}""", "direction: 'Sideways' is not a direction")]
    [InlineData("""{"id":"x","direction":"Inbound"}""", "resourceId is required")]
    [InlineData("""{"id":"x","direction":"Inbound","resourceId":"st1"}""", "resourceId: 'st1' is not a resource id")]
    [InlineData("""{"id":"x","direction":"Inbound","resourceId":"/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","source":{"ipAddress":"300.1.1.1"}}""", "source.ipAddress")]
    [InlineData("""{"id":"x","direction":"Inbound","resourceId":"/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","source":{"authentication":"Password"}}""", "source.authentication")]
    [InlineData("""{"id":"x","direction":"Inbound","resourceId":"/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","source":{"privateEndpoint":"yes"}}""", "source.privateEndpoint must be true or false")]
    [InlineData("""{"id":"x","direction":"Outbound","resourceId":"/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","destination":{"fqdn":"*.contoso.com"}}""", "wildcard")]
    public void NamesTheFieldThatIsWrong(string json, string message)
    {
        Assert.False(RequestJson.TryParse(json, out var request, out _, out var error));
        Assert.Null(request);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheIdOfAnInvalidRequest()
    {
        Assert.False(RequestJson.TryParse("""{"id":"r9","direction":"Inbound"}""", out _, out var id, out _));
        Assert.Equal("r9", id);
    }
}
