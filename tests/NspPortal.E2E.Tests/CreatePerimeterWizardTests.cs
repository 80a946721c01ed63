using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NspPortal.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace NspPortal.E2E.Tests;

/// <summary>A new user creates a perimeter with the wizard, as they would in the Azure portal: two IP ranges (one IPv6),
/// a subscription rule, an FQDN rule, two resources; then finds it in the list.</summary>
public class CreatePerimeterWizardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ANewUserWalksTheWholeWizardAndFindsThePerimeterInTheList()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create a network security perimeter", Level = 1 })).ToBeVisibleAsync();
        var steps = page.GetByRole(AriaRole.Navigation, new() { Name = "Steps of Create a network security perimeter" });
        await Expect(steps.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Basics", "Resources", "Inbound access rules", "Outbound access rules", "Tags", "Review + create"]);

        // Basics
        await page.GetByLabel("Subscription").SelectOptionAsync(new SelectOptionValue { Label = "Contoso Production" });
        await Expect(page.GetByLabel("Resource group").Locator("option[value='rg-prod-network']")).ToHaveCountAsync(1);
        await page.GetByLabel("Resource group").SelectOptionAsync("rg-prod-network");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("nsp-contoso-prod");
        await Expect(page.Locator("#wizard-name-message")).ToContainTextAsync("already exists in resource group 'rg-prod-network'");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("nsp-e2e-wizard");
        await Expect(page.Locator("#wizard-name-message")).ToBeEmptyAsync();
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "West Europe" });
        await Expect(page.GetByLabel("Profile name")).ToHaveValueAsync("defaultProfile");
        await WaitForHtmxAsync(page);
        await portal.ScreenshotAsync("wizard-basics");

        // Resources: + Add opens "Select resources"
        await page.GetByRole(AriaRole.Button, new() { Name = "Next : Resources >" }).ClickAsync();
        await Expect(CurrentStep(steps)).ToHaveTextAsync(new Regex("^Resources"));
        await page.Locator("#wizard-panel-resources").GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Select resources" });
        await Expect(pane).ToBeVisibleAsync();
        await Expect(pane.GetByLabel("Filter by name")).ToBeFocusedAsync();
        await Expect(pane.GetByText("Already in nsp-contoso-prod").First).ToBeVisibleAsync();
        await pane.GetByLabel("Filter by name").FillAsync("catalog");
        await Expect(pane.Locator("tbody tr")).ToHaveCountAsync(2); // cosmos (taken) and search (free)
        await pane.GetByLabel("srch-contoso-catalog").CheckAsync();
        await pane.GetByLabel("Filter by name").FillAsync("stcontosoaudit");
        await Expect(pane.Locator("tbody tr")).ToHaveCountAsync(1);
        await pane.GetByLabel("stcontosoaudit").CheckAsync();
        await pane.GetByRole(AriaRole.Button, new() { Name = "Select", Exact = true }).ClickAsync();
        await Expect(pane).ToHaveCountAsync(0);
        var selected = page.Locator("#wizard-panel-resources tbody tr");
        await Expect(selected).ToHaveCountAsync(2);
        await Expect(selected.Nth(0)).ToContainTextAsync("srch-contoso-catalog");
        await Expect(selected.Nth(1)).ToContainTextAsync("Storage account");

        // Inbound access rules: IPv4 with host bits (fixed with one click) plus IPv6, and a subscription rule
        await page.GetByRole(AriaRole.Button, new() { Name = "Next : Inbound access rules >" }).ClickAsync();
        await page.Locator("#wizard-panel-inbound-rules").GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page.Locator("#wizard-inbound-0-name")).ToBeFocusedAsync();
        await page.Locator("#wizard-inbound-0-name").FillAsync("allow-office");
        await page.Locator("#wizard-inbound-0-sources").FillAsync("203.0.113.7/24\n2001:db8:1234::/48");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use 203.0.113.0/24" }).ClickAsync();
        await Expect(page.Locator("#wizard-inbound-0-sources")).ToHaveValueAsync("203.0.113.0/24\n2001:db8:1234::/48");
        await page.Locator("#wizard-panel-inbound-rules").GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await page.Locator("#wizard-inbound-1-name").FillAsync("allow-dev-subscription");
        await page.Locator("#wizard-inbound-1-type").SelectOptionAsync(new SelectOptionValue { Label = "Subscriptions" });
        await Expect(page.Locator("#wizard-panel-inbound-rules")).ToContainTextAsync("One subscription ID per line");
        await page.Locator("#wizard-inbound-1-sources").FillAsync(DemoTenant.Development.ToString());

        // Outbound access rules
        await page.GetByRole(AriaRole.Button, new() { Name = "Next : Outbound access rules >" }).ClickAsync();
        await page.Locator("#wizard-panel-outbound-rules").GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await page.Locator("#wizard-outbound-0-name").FillAsync("allow-contoso");
        await page.Locator("#wizard-outbound-0-destinations").FillAsync("contoso.com, api.contoso.com");

        // Tags
        await page.GetByRole(AriaRole.Button, new() { Name = "Next : Tags >" }).ClickAsync();
        await page.GetByLabel("Tag name 1").FillAsync("environment");
        await page.GetByLabel("Tag value 1").FillAsync("e2e");

        // Review + create
        await page.GetByRole(AriaRole.Button, new() { Name = "Next : Review + create >" }).ClickAsync();
        await Expect(CurrentStep(steps)).ToHaveTextAsync("Review + create");
        await Expect(page.Locator("#wizard-validation")).ToHaveTextAsync("Validation passed");
        var review = page.Locator("#wizard-panel-review");
        await Expect(review).ToContainTextAsync("nsp-e2e-wizard");
        await Expect(review).ToContainTextAsync("2001:db8:1234::/48");
        await Expect(review).ToContainTextAsync("api.contoso.com");
        await Expect(review.Locator("table[aria-label='Resources to associate'] tbody tr")).ToHaveCountAsync(2);
        await page.SetViewportSizeAsync(1400, 1500); // tall enough for the whole summary: the footer then sits below it in the full-page shot
        await portal.ScreenshotAsync("wizard-review-create");
        await page.SetViewportSizeAsync(1400, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).DblClickAsync(); // a double click creates once
        await page.WaitForURLAsync(new Regex("/deployments/subscriptions/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your deployment is complete" })).ToBeVisibleAsync();
        await portal.ScreenshotAsync("wizard-deployment");
        portal.AssertNoProblems(); // the wizard and the deployment page; the perimeter's blade and the list are checked by their own tests
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to resource" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nsp-e2e-wizard", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        var row = page.Locator("#perimeter-grid tbody tr", new() { HasText = "nsp-e2e-wizard" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("West Europe");
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("2");
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task TheWizardCanBeCompletedWithTheKeyboardAloneAndFocusGoesToTheFirstError()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/create/Microsoft.Network/networkSecurityPerimeters");
        await Expect(page.Locator("#wizard-subscription")).ToBeFocusedAsync();

        // Review + create straight away: validation fails and focus lands on the summary, which leads to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Review + create" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#wizard-validation")).ToContainTextAsync("Validation failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#wizard-validation")).ToBeFocusedAsync();
        await Expect(page.Locator(".wizard-tab.has-errors")).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter"); // the first error's "Basics" button
        await Expect(page.Locator("#wizard-resourceGroup")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("ArrowDown"); // rg-dev-apps
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create new" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#wizard-name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("nsp-keyboard");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#wizard-location")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("North Europe");
        await page.Keyboard.PressAsync("Enter"); // Enter stays on the tab (no tab header is pressed by accident)
        await Expect(page.Locator(".wizard-tab[aria-current=step]")).ToHaveTextAsync(new Regex("^Basics"));
        await WaitForHtmxAsync(page); // the as-you-type checks have answered (a swap of the wizard would cancel them)

        await page.GetByRole(AriaRole.Button, new() { Name = "Review + create" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#wizard-validation")).ToHaveTextAsync("Validation passed");
        await WaitForHtmxAsync(page); // the Review + create swap has settled: the form drops a post while its last one runs (hx-sync)
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/deployments/subscriptions/"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to resource" })).ToBeFocusedAsync();

        await page.GoBackAsync(); // Back shows a fresh wizard; it does not post the create again
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create a network security perimeter", Level = 1 })).ToBeVisibleAsync();
        await page.GoForwardAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your deployment is complete" })).ToBeVisibleAsync();
        portal.AssertNoProblems([422]);
    }

    private static ILocator CurrentStep(ILocator steps) => steps.Locator("[aria-current=step]");

    private static async Task WaitForHtmxAsync(IPage page) => await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request')");
}
