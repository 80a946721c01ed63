using System.Net;
using System.Text.Json.Nodes;

namespace NspPortal.Web.Tests.Arm;

/// <summary>The activity log through the API (Azure Monitor's <c>eventtypes/management/values</c> shape): one entry per
/// written resource with operation, caller, time, status and the resource JSON before and after.</summary>
public class ActivityLogApiTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task RecordsEveryWriteOncePerResourceWithCallerAndBeforeAndAfter()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp1");
        var rule = $"{perimeter}/profiles/p1/accessRules/r1";
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync(rule, """{"properties":{"direction":"Inbound","addressPrefixes":["10.0.0.0/8"]}}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync(rule, """{"properties":{"direction":"Inbound","addressPrefixes":["172.16.0.0/12"]}}""")).EnsureSuccessStatusCode();
        (await portal.Client.DeleteAsync(Api.Url(rule))).EnsureSuccessStatusCode();

        var events = await EventsAsync(subscription, $"resourceUri eq '{rule.ToUpperInvariant()}'");

        Assert.Equal(3, events.Count); // newest first: delete, update, create
        Assert.Equal("Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/delete", events[0]["operationName"]!["value"]!.GetValue<string>());
        Assert.Equal("Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/write", events[1]["operationName"]!["value"]!.GetValue<string>());
        Assert.All(events, e => Assert.Equal("bootstrap-token", e["caller"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal("Succeeded", e["status"]!["value"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(rule, e["resourceId"]!.GetValue<string>()));
        var update = events[1]["properties"]!;
        Assert.Equal("10.0.0.0/8", JsonNode.Parse(update["resourceBefore"]!.GetValue<string>())!["properties"]!["addressPrefixes"]![0]!.GetValue<string>());
        Assert.Equal("172.16.0.0/12", JsonNode.Parse(update["resourceAfter"]!.GetValue<string>())!["properties"]!["addressPrefixes"]![0]!.GetValue<string>());
        Assert.Null(events[0]["properties"]!["resourceAfter"]);
        Assert.Null(events[2]["properties"]!["resourceBefore"]);
    }

    [Fact]
    public async Task ListsASubscriptionsEventsInATimeWindowAndRecordsNothingForRejectedRequests()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var start = DateTime.UtcNow.AddSeconds(-1).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var perimeter = Api.Perimeter(subscription, "nsp1");
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        var rejected = await portal.Client.PutJsonAsync(perimeter, """{"location":"mars"}""");
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);

        var events = await EventsAsync(subscription, $"eventTimestamp ge '{start}'");

        // The resource group of NewSubscriptionAsync and the perimeter; the refused update left no trace.
        Assert.Equal(["Microsoft.Network/networkSecurityPerimeters/write", "Microsoft.Resources/resourceGroups/write"],
            events.Select(e => e["operationName"]!["value"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task RefusesAFilterItDoesNotUnderstand()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var response = await portal.Client.GetAsync($"/subscriptions/{subscription}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=level eq 'Error'");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidFilter", await response.ErrorCodeAsync());
    }

    private async Task<List<JsonNode>> EventsAsync(Guid subscription, string filter)
    {
        var response = await portal.Client.GetAsync(
            $"/subscriptions/{subscription}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.BodyAsync())!["value"]!.AsArray().Select(e => e!)];
    }
}
