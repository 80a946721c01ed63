using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NspPortal.E2E.Tests;

public class PerimetersBladeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ANewUserOpensThePerimetersBladeFromTheMenuAndFiltersIt()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to NspPortal" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Portal menu" }).GetByRole(AriaRole.Link, new() { Name = "Network security perimeters" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Network security perimeters", Level = 1 })).ToBeVisibleAsync();
        var rows = page.Locator("#perimeter-grid tbody tr");
        await Expect(rows).ToHaveCountAsync(2);

        await page.GetByLabel("Filter for any field").FillAsync("prod");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("nsp-contoso-prod");
        await Expect(page).ToHaveURLAsync(new Regex("filter=prod"));
        await Expect(page.Locator(".grid-summary")).ToHaveTextAsync("Showing 1 to 1 of 1 records.");

        await portal.ScreenshotAsync("perimeters-filtered");
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task TheSubscriptionFilterUpdatesTheGridInPlaceAndSurvivesAReload()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        var heading = await page.Locator("h1").ElementHandleAsync();

        await page.GetByLabel("Subscription equals").SelectOptionAsync(new SelectOptionValue { Label = "Contoso Development" });
        var rows = page.Locator("#perimeter-grid tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("nsp-contoso-dev");
        Assert.True(await heading!.IsVisibleAsync(), "the page was reloaded instead of updated in place");

        await page.ReloadAsync();
        await Expect(page.Locator("#perimeter-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Subscription equals")).ToHaveValueAsync(NspPortal.Data.Seeding.DemoTenant.Development.ToString());
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task EverythingOnTheBladeCanBeReachedWithTheKeyboard()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        var focusedIds = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focusedIds.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()"));
        }

        Assert.Contains("perimeter-filter", focusedIds);
        Assert.Contains("subscription-filter", focusedIds);
        await page.Locator("#perimeter-filter").FocusAsync();
        await page.Keyboard.TypeAsync("dev");
        await Expect(page.Locator("#perimeter-grid tbody tr")).ToHaveCountAsync(1);
        // The filter pushes its state into the address bar once the grid is swapped in; waiting for it
        // (rather than for the row count alone) guarantees no request is still in flight to replace the row.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("dev"));
        await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request')");

        await page.Locator("#perimeter-grid tbody a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nsp-contoso-dev", Level = 1 })).ToBeVisibleAsync();
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task TheGlobalSearchFindsAResourceAndOpensIt()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("kv-contoso");
        var hit = page.Locator("#search-results a", new() { HasText = "kv-contoso-prod" });
        await Expect(hit).ToBeVisibleAsync();
        await hit.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "kv-contoso-prod", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("nsp-contoso-prod");
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task ThePortalFollowsTheOperatingSystemsDarkTheme()
    {
        var portal = await browser.NewPageAsync(colorScheme: "dark");
        var page = portal.Page;
        await page.GotoAsync("/browse/all");
        await Expect(page.Locator("#resource-grid tbody tr")).ToHaveCountAsync(14);

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.blade-body')).backgroundColor");
        Assert.Equal("rgb(41, 41, 41)", background);
        await portal.ScreenshotAsync("all-resources-dark");
        portal.AssertNoProblems();
    }
}
