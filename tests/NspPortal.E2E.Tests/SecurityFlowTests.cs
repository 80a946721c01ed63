using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace NspPortal.E2E.Tests;

public class SecurityFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ANewcomerSignsInLandsWhereTheyWereGoingAndSignsOut()
    {
        var portal = await browser.NewAnonymousPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/all");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fbrowse%2Fall$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await portal.ScreenshotAsync("sign-in");

        await page.GetByLabel("Email").FillAsync(PortalFactory.OwnerEmail);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is incorrect.");

        await page.GetByLabel("Password").FillAsync(PortalFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All resources", Level = 1 })).ToBeVisibleAsync();

        await page.Locator(".account-menu summary").ClickAsync();
        await Expect(page.Locator(".account-panel")).ToContainTextAsync(PortalFactory.OwnerEmail);
        await portal.ScreenshotAsync("account-menu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await page.GotoAsync("/browse/all");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        portal.AssertNoProblems(allowStatus: [400]);
    }

    [Fact]
    public async Task AnOwnerGivesAColleagueTheReaderRoleOnOneSubscription()
    {
        await browser.Portal.EnsureUserAsync("colleague@contoso.test");
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Portal menu" }).GetByRole(AriaRole.Link, new() { Name = "Access control (IAM)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access control (IAM)", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Scope", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Subscription Contoso Production" });
        await Expect(page).ToHaveURLAsync(new Regex($"scope=%2Fsubscriptions%2F{DemoTenant.Production}"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add role assignment" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Add role assignment" });
        await Expect(panel).ToBeVisibleAsync();
        await panel.GetByLabel("Reader").CheckAsync();
        await panel.GetByLabel("User").SelectOptionAsync(new SelectOptionValue { Label = "colleague@contoso.test" });
        await portal.ScreenshotAsync("iam-add-role-assignment");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The role assignment was added." })).ToBeVisibleAsync();
        var row = page.Locator("#role-assignments tbody tr", new() { HasText = "colleague@contoso.test" });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Reader");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("This scope");
        await portal.ScreenshotAsync("iam-blade");
        portal.AssertNoProblems();

        // The colleague now sees production, and nothing of development.
        var colleague = await browser.NewAnonymousPageAsync();
        await BrowserFixture.SignInAsync(colleague.Page, "colleague@contoso.test");
        await colleague.Page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        await Expect(colleague.Page.Locator("#perimeter-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(colleague.Page.Locator("#perimeter-grid tbody tr td").First).ToHaveTextAsync("nsp-contoso-prod");
    }

    [Fact]
    public async Task AUserCreatesAPersonalAccessTokenSeesItOnceAndRevokesIt()
    {
        var portal = await browser.NewPageAsync(role: NspRole.Reader, scope: NspScope.Subscription(DemoTenant.Production));
        var page = portal.Page;
        await page.GotoAsync("/");
        await page.Locator(".account-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Personal access tokens" }).ClickAsync();

        await page.GetByLabel("Name").FillAsync("release pipeline");
        await page.GetByLabel("Expires in").SelectOptionAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        var secret = await page.GetByLabel("New token").InputValueAsync();
        Assert.StartsWith("nsp_pat_", secret, StringComparison.Ordinal);
        await portal.ScreenshotAsync("personal-access-token-created");

        var api = browser.Portal.CreateApiClient(secret);
        Assert.True((await api.GetAsync($"/subscriptions/{DemoTenant.Production}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")).IsSuccessStatusCode);

        await page.GotoAsync("/account/tokens");
        await Expect(page.GetByLabel("New token")).ToHaveCountAsync(0); // shown once, never again
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke release pipeline" }).ClickAsync();
        await Expect(page.Locator("table.grid tbody tr", new() { HasText = "release pipeline" })).ToContainTextAsync("Revoked");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync($"/subscriptions/{DemoTenant.Production}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")).StatusCode);
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task TwoPeopleEditTheSameTagsAndTheSecondIsToldInsteadOfOverwriting()
    {
        var tags = $"/resource/subscriptions/{DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-dev/tags";
        var alice = await browser.NewPageAsync(role: NspRole.Contributor);
        var bob = await browser.NewPageAsync();
        await alice.Page.GotoAsync(tags);
        await bob.Page.GotoAsync(tags);

        await alice.Page.GetByLabel("Tag name 2").FillAsync("owner");
        await alice.Page.GetByLabel("Tag value 2").FillAsync("alice");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(alice.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The tags were saved.");

        await bob.Page.GetByLabel("Tag name 2").FillAsync("owner");
        await bob.Page.GetByLabel("Tag value 2").FillAsync("bob");
        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Someone else changed this perimeter");
        await Expect(bob.Page.GetByLabel("Tag value 2")).ToHaveValueAsync("alice");
        await bob.ScreenshotAsync("tags-conflict");
        alice.AssertNoProblems();
        bob.AssertNoProblems(allowStatus: [409]);
    }

    [Fact]
    public async Task AReaderIsToldWhichRoleIsMissing()
    {
        var portal = await browser.NewPageAsync(role: NspRole.Reader, scope: NspScope.Subscription(DemoTenant.Development));
        var page = portal.Page;
        await page.GotoAsync($"/resource/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".empty-state p")).ToContainTextAsync($"You need the Reader role on /subscriptions/{DemoTenant.Production}");
        await portal.ScreenshotAsync("access-denied");
    }
}
