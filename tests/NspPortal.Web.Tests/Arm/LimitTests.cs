using System.Net;
using NspPortal.Data.Entities;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Arm;

/// <summary>The hard limit of reference/nsp.md §2: 200 access rules per profile and direction.</summary>
public class LimitTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    [Fact]
    public async Task RefusesThe201stInboundRuleOfAProfileAndStoresNothing()
    {
        var subscription = await portal.NewSubscriptionAsync();
        var perimeter = Api.Perimeter(subscription, "nsp1");
        (await portal.Client.PutJsonAsync(perimeter, """{"location":"westus2"}""")).EnsureSuccessStatusCode();
        (await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();
        await using (var db = portal.Factory.CreateDbContext())
        {
            var profile = db.Profiles.Single(p => p.Perimeter!.ResourceGroup!.SubscriptionId == subscription);
            for (var i = 0; i < 200; i++)
            {
                db.AccessRules.Add(new AccessRuleEntity { Name = $"r{i}", ProfileId = profile.Id, Direction = AccessRuleDirection.Inbound, AddressPrefixes = [$"10.{i}.0.0/16"] });
            }

            await db.SaveChangesAsync();
        }

        string before;
        await using (var db = portal.Factory.CreateDbContext())
        {
            before = await DatabaseFingerprint.TakeAsync(db);
        }

        var response = await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1/accessRules/one-too-many", """{"properties":{"direction":"Inbound","addressPrefixes":["192.0.2.0/24"]}}""");
        var outbound = await portal.Client.PutJsonAsync($"{perimeter}/profiles/p1/accessRules/outbound-still-fits", """{"properties":{"direction":"Outbound","fullyQualifiedDomainNames":["contoso.com"]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.BodyAsync())!["error"]!;
        Assert.Equal("LimitExceeded", error["code"]!.GetValue<string>());
        Assert.Equal("accessRules", error["target"]!.GetValue<string>());
        Assert.Contains("201", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, outbound.StatusCode);
        await using var after = portal.Factory.CreateDbContext();
        Assert.Equal(200, after.AccessRules.Count(r => r.Profile!.Perimeter!.ResourceGroup!.SubscriptionId == subscription && r.Direction == AccessRuleDirection.Inbound));
        Assert.DoesNotContain("one-too-many", string.Join(',', after.AccessRules.Select(r => r.Name)), StringComparison.Ordinal);
        Assert.NotEqual(before, await DatabaseFingerprint.TakeAsync(after)); // only the outbound rule (and its log entry) were added
    }
}
