using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.ActivityLog;
using NspPortal.Data.Services;
using NspPortal.Data.Tests.Services;
using NspPortal.Engine.Validation;

namespace NspPortal.Data.Tests.ActivityLog;

/// <summary>The activity log interceptor: one entry per written resource, in the transaction of the write.</summary>
public class ActivityLogInterceptorTests : ServiceTestBase
{
    [Fact]
    public async Task RecordsARuleWriteButNotTheProfileVersionBumpItCauses()
    {
        await using var db = Database.CreateContext();
        Assert.True((await new PerimeterService(db).CreateOrUpdateAsync(new PerimeterInput(Nsp("nsp1"), "westus2", null), Alice)).Succeeded);
        Assert.True((await new ProfileService(db).CreateOrUpdateAsync(Nsp("nsp1"), "p1", Alice)).Succeeded);
        var count = await db.ActivityLog.CountAsync();

        var rule = await new AccessRuleService(db).CreateOrUpdateAsync(Nsp("nsp1"), "p1",
            new AccessRuleInput { Name = "r1", Direction = "Inbound", AddressPrefixes = ["10.0.0.0/8"] }, Alice);

        Assert.True(rule.Succeeded);
        var entries = await db.ActivityLog.OrderBy(e => e.EventTimestamp).Skip(count).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal("Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/write", entry.OperationName);
        Assert.Equal("alice@contoso.com", entry.Caller);
        Assert.Equal("User", entry.CallerType);
        Assert.Null(entry.Before);
        Assert.Equal("Inbound", JsonNode.Parse(entry.After!)!["properties"]!["direction"]!.GetValue<string>());
        Assert.Equal(Subscription, entry.SubscriptionId);
        Assert.Equal("rg1", entry.ResourceGroupName);
    }

    [Fact]
    public async Task RecordsEveryResourceAForcedDeleteRemoves()
    {
        await using var db = Database.CreateContext();
        Assert.True((await new PerimeterService(db).CreateWithContentsAsync(new PerimeterDraft(Nsp("nsp1"), "westus2", null, "p1",
            [new AccessRuleInput { Name = "r1", Direction = "Inbound", AddressPrefixes = ["10.0.0.0/8"] }], [new AssociationDraft(Vault("kv1"))]), Alice)).Succeeded);

        var deleted = await new PerimeterService(db).DeleteAsync(Nsp("nsp1"), force: true, new Caller("bob", "User"));

        Assert.True(deleted.Succeeded);
        var deletes = await db.ActivityLog.Where(e => e.OperationName.EndsWith("/delete")).ToListAsync();
        Assert.Equal(
            ["Microsoft.Network/networkSecurityPerimeters/delete", "Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/delete",
             "Microsoft.Network/networkSecurityPerimeters/profiles/delete", "Microsoft.Network/networkSecurityPerimeters/resourceAssociations/delete"],
            deletes.Select(e => e.OperationName).Order(StringComparer.Ordinal));
        Assert.All(deletes, e => Assert.Equal("bob", e.Caller));
        Assert.All(deletes, e => Assert.NotNull(e.Before));
        Assert.All(deletes, e => Assert.Null(e.After));
    }

    [Fact]
    public async Task RecordsNothingWhenTheWriteIsRefused()
    {
        await using var db = Database.CreateContext();
        var count = await db.ActivityLog.CountAsync();

        var refused = await new PerimeterService(db).CreateOrUpdateAsync(new PerimeterInput(Nsp("n" + new string('x', 80)), "westus2", null), Alice);

        Assert.Equal(ErrorCodes.InvalidResourceName, refused.Error!.Code);
        Assert.Equal(count, await db.ActivityLog.CountAsync());
    }

    [Fact]
    public async Task ReadsTheLogPerResourceNewestFirst()
    {
        await using var db = Database.CreateContext();
        var perimeters = new PerimeterService(db);
        Assert.True((await perimeters.CreateOrUpdateAsync(new PerimeterInput(Nsp("nsp1"), "westus2", null), Alice)).Succeeded);
        Assert.True((await perimeters.UpdateTagsAsync(Nsp("nsp1"), new Dictionary<string, string> { ["v"] = "2" }, Alice)).Succeeded);

        var page = await new ActivityLogService(db).QueryAsync(new ActivityLogQuery(Subscription)
        {
            ResourceId = $"/subscriptions/{Subscription}/resourceGroups/RG1/providers/Microsoft.Network/networkSecurityPerimeters/NSP1",
        }, PageRequest.All);

        Assert.Equal(2, page.Items.Count);
        Assert.NotNull(page.Items[0].Before);
        Assert.Null(page.Items[1].Before);
    }
}
