using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NspPortal.E2E.Tests;

/// <summary>The perimeter blade as a new user meets it: from the perimeter list into the blade, an association to
/// Enforced and back, a link created and deleted. Screenshots of Overview and Associated resources for the review
/// against the Azure portal (reference/nsp.md §5.2).</summary>
public class PerimeterBladeFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ANewUserChangesAnAssociationToEnforcedAndBack()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        await page.GetByRole(AriaRole.Link, new() { Name = "nsp-contoso-prod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nsp-contoso-prod", Level = 1 })).ToBeVisibleAsync();
        await portal.ScreenshotAsync("perimeter-overview");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "nsp-contoso-prod menu" }).GetByRole(AriaRole.Link, new() { Name = "Associated resources" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nsp-contoso-prod | Associated resources" })).ToBeVisibleAsync();
        var change = page.GetByRole(AriaRole.Button, new() { Name = "Change access mode" });
        await Expect(change).ToBeDisabledAsync();
        await portal.ScreenshotAsync("associated-resources");
        // Nothing sticks out of the window: the grid fits (or scrolls inside its own box), the page does not scroll sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the page scrolls sideways");

        var row = page.Locator("tr[data-association^='stcontosoorders-']");
        await page.GetByLabel("Select stcontosoorders").CheckAsync();
        await Expect(change).ToBeEnabledAsync();
        await change.ClickAsync();
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Change access mode" });
        await Expect(pane).ToBeVisibleAsync();
        // What enforcing would have denied over the last 7 days, from the traffic log (or that nothing was logged).
        await Expect(pane.Locator("[data-impact]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("last 7 days"));
        await Expect(pane.Locator("input[name=value][value=Enforced]")).ToBeCheckedAsync();
        await portal.ScreenshotAsync("associated-resources-change-access-mode");
        await pane.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.Locator("#associations .messagebar.success")).ToHaveTextAsync("1 resource changed to Enforced.");
        await Expect(row.Locator(".mode")).ToHaveTextAsync("Enforced");
        await Expect(row).ToContainTextAsync("Configured: Enabled");

        await row.GetByLabel("More actions for stcontosoorders").ClickAsync();
        await row.GetByRole(AriaRole.Menuitem, new() { Name = "Change access mode" }).ClickAsync();
        await Expect(pane).ToBeVisibleAsync();
        await pane.Locator("input[name=value][value=Learning]").CheckAsync();
        await pane.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.Locator("#associations .messagebar.success")).ToHaveTextAsync("1 resource changed to Transition (Learning).");
        await Expect(row.Locator(".mode")).ToHaveTextAsync("Transition (Learning)");
        await page.ReloadAsync();
        await Expect(page.Locator("tr[data-association^='stcontosoorders-'] .mode")).ToHaveTextAsync("Transition (Learning)");
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task ANewUserCreatesALinkToAnotherPerimeterAndDeletesIt()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        await page.GetByRole(AriaRole.Link, new() { Name = "nsp-contoso-prod" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "nsp-contoso-prod menu" }).GetByRole(AriaRole.Link, new() { Name = "Links", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No links" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Create" }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Create link" });
        await Expect(pane).ToBeVisibleAsync();
        await pane.GetByLabel("Name").FillAsync("to-dev");
        await pane.GetByLabel("Remote perimeter").SelectOptionAsync(new SelectOptionValue { Label = "nsp-contoso-dev (rg-dev-apps, West Europe)" });
        // Choosing the remote reloads the pane with its profiles; what was typed stays.
        await Expect(pane.Locator("input[name=remoteInbound][value=defaultProfile]")).ToBeVisibleAsync();
        await Expect(pane.GetByLabel("Name")).ToHaveValueAsync("to-dev");
        await pane.GetByLabel("Description").FillAsync("orders to dev");
        await portal.ScreenshotAsync("links-create");
        await pane.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        var row = page.Locator("tr[data-link=to-dev]");
        await Expect(page.Locator("#links .messagebar.success")).ToHaveTextAsync("The link 'to-dev' to 'nsp-contoso-dev' was created: Approved.");
        await Expect(row).ToContainTextAsync("Approved");
        await Expect(row).ToContainTextAsync("orders to dev");
        await portal.ScreenshotAsync("links");

        await row.GetByRole(AriaRole.Link, new() { Name = "Delete to-dev" }).ClickAsync();
        var delete = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete link" });
        var confirm = delete.GetByRole(AriaRole.Button, new() { Name = "Delete" });
        await Expect(confirm).ToBeDisabledAsync();
        await delete.GetByLabel("Type the link name to confirm").FillAsync("to-dev");
        await Expect(confirm).ToBeEnabledAsync();
        await confirm.ClickAsync();

        await Expect(page.Locator("#links .messagebar.success")).ToContainTextAsync("The link 'to-dev' was deleted");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No links" })).ToBeVisibleAsync();
        await page.GotoAsync(page.Url.Replace("/links", "/linkReferences", StringComparison.Ordinal).Replace("nsp-contoso-prod", "nsp-contoso-dev", StringComparison.Ordinal)
            .Replace("rg-prod-network", "rg-dev-apps", StringComparison.Ordinal).Replace(NspPortal.Data.Seeding.DemoTenant.Production.ToString(), NspPortal.Data.Seeding.DemoTenant.Development.ToString(), StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No link references" })).ToBeVisibleAsync();
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task ANewUserAddsAResourceWithANewProfileThroughTheResourcePicker()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/browse/Microsoft.Network/networkSecurityPerimeters");
        await page.GetByRole(AriaRole.Link, new() { Name = "nsp-contoso-prod" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "nsp-contoso-prod menu" }).GetByRole(AriaRole.Link, new() { Name = "Associated resources" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Associate resources" });
        await Expect(pane).ToBeVisibleAsync();
        await pane.GetByLabel("Associate resources with a new profile").CheckAsync();
        await pane.GetByLabel("New profile name").FillAsync("analytics");
        await Expect(pane.GetByRole(AriaRole.Button, new() { Name = "Associate" })).ToBeDisabledAsync();
        await pane.GetByRole(AriaRole.Button, new() { Name = "Add resources" }).ClickAsync();

        var picker = page.GetByRole(AriaRole.Dialog, new() { Name = "Select resources" });
        await Expect(picker).ToBeVisibleAsync();
        await picker.GetByLabel("stcontosoaudit").CheckAsync();
        await portal.ScreenshotAsync("associated-resources-add-picker");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Select" }).ClickAsync();

        await Expect(picker).ToHaveCountAsync(0);
        await Expect(pane.Locator("table[aria-label='Resources to associate'] tbody tr")).ToHaveCountAsync(1);
        await Expect(pane.GetByLabel("New profile name")).ToHaveValueAsync("analytics");
        await portal.ScreenshotAsync("associated-resources-add");
        await pane.GetByRole(AriaRole.Button, new() { Name = "Associate" }).ClickAsync();

        await Expect(page.Locator("#associations .messagebar.success")).ToHaveTextAsync("1 resource associated with the profile 'analytics' in Transition (Learning).");
        var row = page.Locator("tr[data-association^='stcontosoaudit-']");
        await Expect(row).ToContainTextAsync("analytics");
        await Expect(row.Locator(".mode")).ToHaveTextAsync("Transition (Learning)");
        portal.AssertNoProblems();
    }

    [Theory]
    [InlineData("properties", "Properties")]
    [InlineData("diagnosticSettings", "Diagnostic settings")]
    [InlineData("exportTemplate?format=bicep", "Export template")]
    [InlineData("locks", "Locks")]
    [InlineData("iam", "Access control (IAM)")]
    public async Task TheOtherBladesOpenFromTheMenuWithoutErrors(string key, string label)
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync($"/resource/subscriptions/{NspPortal.Data.Seeding.DemoTenant.Production}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/{key}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"nsp-contoso-prod | {label}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "nsp-contoso-prod menu" }).Locator("a[aria-current=page]")).ToHaveTextAsync(label);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the page scrolls sideways");
        await portal.ScreenshotAsync($"perimeter-{key.Split('?')[0]}");
        portal.AssertNoProblems();
    }
}
