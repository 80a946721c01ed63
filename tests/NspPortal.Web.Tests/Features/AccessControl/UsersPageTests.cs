using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.AccessControl;

public class UsersPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task AnOwnerAddsAUserWhoCanThenSignInButHasNoRoleYet()
    {
        var response = await portal.Client(allowAutoRedirect: false).SubmitFormAsync("/access-control/users", "form.inline-form", new Dictionary<string, string>
        {
            ["NewUser.Email"] = "added@contoso.test",
            ["NewUser.Password"] = PortalFactory.Password,
        });

        Assert.Equal("/access-control/users?done=added", Html.RedirectTarget(response));
        var added = await portal.Factory.CreateSignedInClientAsync("added@contoso.test", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await added.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await added.GetAsync("/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task DeletingAUserRemovesTheirAssignmentsAndTokens()
    {
        await portal.Factory.EnsureUserAsync("to-delete@contoso.test", (NspRole.Contributor, NspScope.Root));
        var secret = await portal.Factory.CreatePersonalAccessTokenAsync("to-delete@contoso.test");
        string id;
        await using (var db = portal.Factory.CreateDbContext())
        {
            id = await db.Users.Where(u => u.Email == "to-delete@contoso.test").Select(u => u.Id).SingleAsync();
        }

        var response = await portal.Client(allowAutoRedirect: false).SubmitFormAsync("/access-control/users", "form:has(table)", new Dictionary<string, string>(), ("Action.Command", $"delete:{id}"));

        Assert.Equal("/access-control/users?done=deleted", Html.RedirectTarget(response));
        await using var check = portal.Factory.CreateDbContext();
        Assert.False(await check.RoleAssignments.AnyAsync(a => a.UserId == id));
        Assert.False(await check.PersonalAccessTokens.AnyAsync(t => t.UserId == id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Factory.CreateApiClient(secret).GetAsync("/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")).StatusCode);
    }

    [Fact]
    public async Task AnOwnerOfOneSubscriptionMayNotManageUsers()
    {
        var subscriptionOwner = await portal.ClientAsync(NspRole.Owner, NspScope.Subscription(DemoTenant.Production), allowAutoRedirect: false);
        var page = Html.Parse(await subscriptionOwner.GetStringAsync("/access-control/users"));
        Assert.Null(page.QuerySelector("form.inline-form"));

        // The add form is not rendered for them, so Blazor refuses a post to it outright (400) ...
        var add = await subscriptionOwner.SubmitFormAsync("/access-control/users", "form:has(table)", new Dictionary<string, string>
        {
            ["_handler"] = "add-user",
            ["NewUser.Email"] = "sneaky@contoso.test",
            ["NewUser.Password"] = PortalFactory.Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);

        // ... and an action through the form that is rendered is refused by the handler (403).
        string ownerId;
        await using (var db = portal.Factory.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "sneaky@contoso.test"));
            ownerId = await db.Users.Where(u => u.Email == PortalFactory.OwnerEmail).Select(u => u.Id).SingleAsync();
        }

        var delete = await subscriptionOwner.SubmitFormAsync("/access-control/users", "form:has(table)", new Dictionary<string, string>(), ("Action.Command", $"delete:{ownerId}"));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        await using var check = portal.Factory.CreateDbContext();
        Assert.True(await check.Users.AnyAsync(u => u.Id == ownerId));
    }

    [Fact]
    public async Task AContributorCannotOpenTheUsersPage()
    {
        var contributor = await portal.ClientAsync(NspRole.Contributor, allowAutoRedirect: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/access-control/users")).StatusCode);
    }
}
