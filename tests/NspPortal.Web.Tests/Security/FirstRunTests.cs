using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>A portal started with no account and no bootstrap admin: the first visitor creates the first Owner.</summary>
public class FirstRunTests : IAsyncLifetime
{
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
    {
        ["NspPortal:Auth:BootstrapAdmin:Email"] = "",
        ["NspPortal:Auth:BootstrapAdmin:Password"] = "",
    });

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task WithNoAccountTheSignInPageLeadsToFirstRunSetup()
    {
        var client = factory.CreateAnonymousClient(allowAutoRedirect: false);

        var home = await client.GetAsync("/");
        Assert.Equal("/signin", Html.RedirectTarget(home));
        var signIn = await client.GetAsync("/signin");
        Assert.Equal("/setup", Html.RedirectTarget(signIn));
        var setup = Html.Parse(await client.GetStringAsync("/setup"));
        Assert.Equal("Set up NspPortal", setup.QuerySelector("h1")!.TextContent);
        Assert.Equal("Create Owner account", setup.QuerySelector("form button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheFirstAccountBecomesOwnerOfEverythingAndSetupClosesBehindIt()
    {
        var client = factory.CreateAnonymousClient(allowAutoRedirect: false);
        var response = await client.SubmitFormAsync("/setup", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@contoso.test",
            ["Input.Password"] = "a-long-enough-password",
            ["Input.ConfirmPassword"] = "a-long-enough-password",
        });

        Assert.Equal("/", Html.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/access-control/users")).StatusCode); // signed in, and Owner at /
        await using (var db = factory.CreateDbContext())
        {
            var assignment = await db.RoleAssignments.Include(a => a.User).SingleAsync();
            Assert.Equal(("first@contoso.test", NspRole.Owner, "/", "first-run"), (assignment.User!.Email, assignment.Role, assignment.Scope, assignment.CreatedBy));
            Assert.DoesNotContain("a-long-enough-password", assignment.User.PasswordHash, StringComparison.Ordinal);
        }

        var again = await factory.CreateAnonymousClient(allowAutoRedirect: false).GetAsync("/setup");
        Assert.Equal("/signin", Html.RedirectTarget(again));
    }

    [Theory]
    [InlineData("short-pw", "short-pw", "at least 12 characters")]
    [InlineData("a-long-enough-password", "a-different-password", "The passwords do not match.")]
    [InlineData("first-run-user-password", "first-run-user-password", "must not contain your e-mail address")]
    public async Task PasswordRulesAreEnforced(string password, string confirm, string message)
    {
        var response = await factory.CreateAnonymousClient(allowAutoRedirect: false).SubmitFormAsync("/setup", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "first-run-user@contoso.test",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Users.AnyAsync());
    }
}
