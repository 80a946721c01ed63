using NspPortal.TestSupport;
using NspPortal.Web.Features.ActivityLog;

namespace NspPortal.Web.Tests.Features.ActivityLog;

public class ActivityLogGridTests
{
    private static readonly Guid Entry = Guid.Parse("0b9c5e2a-3d4f-4a6b-8c7d-9e0f1a2b3c4d");

    private static Task<string> Render(ActivityLogListResult result, ActivityLogListQuery query) =>
        ComponentRenderer.RenderAsync<ActivityLogGrid>(new Dictionary<string, object?> { ["Result"] = result, ["Query"] = query });

    [Fact]
    public async Task RendersOneRowPerEntryWithTheOperationLinkingToItsDetails()
    {
        var result = new ActivityLogListResult(
            [new ActivityLogRow(Entry, "Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/write", "Succeeded", new DateTime(2026, 11, 22, 8, 30, 5, DateTimeKind.Utc),
                "allow-corp", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp/profiles/p/accessRules/allow-corp",
                "Microsoft.Network/networkSecurityPerimeters/profiles/accessRules", "Contoso Production", "alice@contoso.com")],
            Total: 1, Subscriptions: []);

        var html = await Render(result, new ActivityLogListQuery(null, 1));

        Html.AssertEquivalent($$"""
            <p class="grid-summary" role="status">Showing 1 to 1 of 1 records.</p>
            <div class="grid-wrap">
              <table class="grid" aria-label="Activity log">
                <thead><tr>
                  <th scope="col">Operation name</th><th scope="col">Status</th><th scope="col">Time stamp</th>
                  <th scope="col">Resource</th><th scope="col">Subscription</th><th scope="col">Event initiated by</th>
                </tr></thead>
                <tbody>
                  <tr>
                    <td><a href="/activitylog/{{Entry}}" title="Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/write">Create or Update Access Rule</a></td>
                    <td>Succeeded</td>
                    <td><time datetime="2026-11-22T08:30:05.0000000Z">2026-11-22 08:30:05 UTC</time></td>
                    <td><span title="/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp/profiles/p/accessRules/allow-corp">allow-corp</span></td>
                    <td>Contoso Production</td>
                    <td>alice@contoso.com</td>
                  </tr>
                </tbody>
              </table>
            </div>
            """, html);
    }

    [Fact]
    public async Task SaysSoWhenNothingWasRecorded()
    {
        var html = await Render(new ActivityLogListResult([], 0, []), new ActivityLogListQuery(Guid.NewGuid(), 1));

        var fragment = Html.ParseFragment(html);
        Assert.Equal("No activity to display", fragment.QuerySelector(".empty-state h2")!.TextContent);
        Assert.Contains("in this subscription", fragment.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Network/networkSecurityPerimeters/delete", "Microsoft.Network/networkSecurityPerimeters", "Delete Network Security Perimeter")]
    [InlineData("Microsoft.Network/networkSecurityPerimeters/resourceAssociations/write", "Microsoft.Network/networkSecurityPerimeters/resourceAssociations", "Create or Update Resource Association")]
    [InlineData("Microsoft.KeyVault/vaults/write", "Microsoft.KeyVault/vaults", "Create or Update vaults")]
    public void NamesOperationsAsThePortalDoes(string operation, string type, string expected) =>
        Assert.Equal(expected, ActivityLogList.Describe(operation, type));
}
