using System.Net;

namespace NspPortal.Web.Tests.Arm;

/// <summary>Optimistic concurrency through ETags: <c>If-Match</c> with the ETag a client read lets exactly one of two
/// competing writes through; the other gets 412 and changes nothing.</summary>
public class ConcurrencyTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task TwoWritesWithTheSameIfMatchLetOneThroughAndRefuseTheOtherWith412()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp1");
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();
        var rule = $"{perimeter}/profiles/p1/accessRules/r1";
        var created = await portal.Client.PutJsonAsync(rule, """{"properties":{"direction":"Inbound","addressPrefixes":["10.0.0.0/8"]}}""");
        var etag = created.Headers.ETag!.Tag;

        HttpRequestMessage Write(string prefix)
        {
            var request = Api.Request(HttpMethod.Put, rule, $$$"""{"properties":{"direction":"Inbound","addressPrefixes":["{{{prefix}}}"]}}""");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }

        using var first = portal.Factory.CreateArmClient();
        using var second = portal.Factory.CreateArmClient();
        var responses = await Task.WhenAll(first.SendAsync(Write("172.16.0.0/12")), second.SendAsync(Write("192.168.0.0/16")));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Equal("PreconditionFailed", await loser.ErrorCodeAsync());
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var stored = await (await portal.Client.GetAsync(Api.Url(rule))).BodyAsync();
        Assert.Equal((await winner.BodyAsync())!["properties"]!["addressPrefixes"]!.ToJsonString(), stored!["properties"]!["addressPrefixes"]!.ToJsonString());
    }

    [Fact]
    public async Task TheETagHeaderChangesOnEveryWriteAndAMatchingIfMatchSucceeds()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp1");
        var created = await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""");
        var read = await portal.Client.GetAsync(Api.Url(perimeter));
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);

        using var request = Api.Request(HttpMethod.Put, perimeter, """{"location":"westus2","tags":{"a":"b"}}""");
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        using var updated = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(read.Headers.ETag, updated.Headers.ETag);
    }

    [Fact]
    public async Task ConcurrentRuleWritesInOneProfileAllSucceedAndBumpTheVersionOnceEach()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp1");
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();

        var writes = Enumerable.Range(1, 8).Select(async i =>
        {
            using var client = portal.Factory.CreateArmClient();
            return await client.PutJsonAsync($"{perimeter}/profiles/p1/accessRules/r{i}", $$$"""{"properties":{"direction":"Inbound","addressPrefixes":["10.{{{i}}}.0.0/16"]}}""");
        });
        var responses = await Task.WhenAll(writes);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var profile = await (await portal.Client.GetAsync(Api.Url($"{perimeter}/profiles/p1"))).BodyAsync();
        Assert.Equal("8", profile!["properties"]!["accessRulesVersion"]!.GetValue<string>());
    }
}
