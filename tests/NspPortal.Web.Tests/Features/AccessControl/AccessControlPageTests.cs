using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.AccessControl;

public class AccessControlPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly string Prod = $"/access-control?scope=%2Fsubscriptions%2F{DemoTenant.Production}";

    [Fact]
    public async Task ShowsTheAssignmentsOfAScopeWithThoseInheritedFromTheRoot()
    {
        await portal.Factory.EnsureUserAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));
        var document = Html.Parse(await portal.Client().GetStringAsync(Prod));

        Assert.Equal("Access control (IAM)", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Subscription Contoso Production", document.QuerySelector(".blade-subtitle")!.TextContent);
        var rows = document.QuerySelectorAll("#role-assignments tbody tr").Select(r => r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(["reader.8f2b1c4e@nspportal.test", "Reader", "This scope"], rows);
        Assert.Contains([PortalFactory.OwnerEmail, "Owner", "All subscriptions (/) (Inherited)"], rows);
        Assert.Equal("Owner", document.QuerySelector("#my-access strong")!.TextContent);
    }

    [Fact]
    public async Task AnOwnerAssignsARoleThroughThePanelAndItTakesEffectAtOnce()
    {
        await portal.Factory.EnsureUserAsync("iam-new@nspportal.test");
        var newcomer = await portal.Factory.CreateSignedInClientAsync("iam-new@nspportal.test", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync(Perimeter(DemoTenant.Development))).StatusCode);
        string userId;
        await using (var db = portal.Factory.CreateDbContext())
        {
            userId = await db.Users.Where(u => u.Email == "iam-new@nspportal.test").Select(u => u.Id).SingleAsync();
        }

        var panel = $"/access-control?scope=%2Fsubscriptions%2F{DemoTenant.Development}&panel=add";
        var response = await portal.Client(allowAutoRedirect: false).SubmitFormAsync(panel, "form.panel-form", new Dictionary<string, string>
        {
            ["Assign.Role"] = "Contributor",
            ["Assign.UserId"] = userId,
        });

        Assert.Equal($"/access-control?scope=%2Fsubscriptions%2F{DemoTenant.Development}&done=assigned", Html.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(Perimeter(DemoTenant.Development))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync(Perimeter(DemoTenant.Production))).StatusCode);
    }

    [Fact]
    public async Task AReaderSeesTheAssignmentsButCannotChangeThem()
    {
        var reader = await portal.ClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production), allowAutoRedirect: false);
        var document = Html.Parse(await reader.GetStringAsync(Prod));
        Assert.Null(document.QuerySelector("a.cmd[href*='panel=add']"));
        Assert.Equal("true", document.QuerySelector(".commandbar span.cmd")!.GetAttribute("aria-disabled"));
        Assert.Empty(document.QuerySelectorAll("button[name='Remove.AssignmentId']"));

        // A forged post (valid antiforgery token, crafted fields) is refused by the handler.
        string ownerAssignment;
        await using (var db = portal.Factory.CreateDbContext())
        {
            ownerAssignment = (await db.RoleAssignments.FirstAsync(a => a.Scope == "/" && a.Role == NspRole.Owner)).Id.ToString();
        }

        var response = await reader.SubmitFormAsync(Prod, "form:has(#role-assignments)", new Dictionary<string, string>(), ("Remove.AssignmentId", ownerAssignment));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You need the Owner role on /", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderOfOneSubscriptionCannotSeeTheRootOrTheOtherSubscription()
    {
        var reader = await portal.ClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production), allowAutoRedirect: false);
        var document = Html.Parse(await reader.GetStringAsync("/access-control"));

        var options = document.QuerySelectorAll("#iam-scope option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Subscription Contoso Production"], options);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/access-control?scope=%2F")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/access-control?scope=%2Fsubscriptions%2F{DemoTenant.Development}")).StatusCode);
    }

    [Fact]
    public async Task TheLastOwnerOfEverythingCannotBeRemoved()
    {
        await using var factory = await PortalFactory.CreateAsync(seed: false);
        var owner = await factory.CreateSignedInClientAsync();
        string ownerAssignment;
        await using (var db = factory.CreateDbContext())
        {
            ownerAssignment = (await db.RoleAssignments.SingleAsync()).Id.ToString();
        }

        var response = await owner.SubmitFormAsync("/access-control?scope=%2F", "form:has(#role-assignments)", new Dictionary<string, string>(), ("Remove.AssignmentId", ownerAssignment));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("last Owner", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = factory.CreateDbContext();
        Assert.Equal(1, await check.RoleAssignments.CountAsync());
    }

    private static string Perimeter(Guid subscription) => subscription == DemoTenant.Production
        ? $"/resource/subscriptions/{subscription}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview"
        : $"/resource/subscriptions/{subscription}/resourceGroups/rg-dev-apps/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-dev/overview";
}
