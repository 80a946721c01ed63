using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NspPortal.E2E.Tests;

/// <summary>The Profiles blade and a profile's rule editors in Chromium, used as a new administrator would: from the
/// perimeter's menu, with pasted lists, mistakes and the keyboard.</summary>
public class AccessRulesEditorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string PerimeterId = "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
    private const string Perimeter = "/resource" + PerimeterId;

    [Fact]
    public async Task ANewUserCreatesAProfileAndPastesFiftyRangesWithThreeBadLinesThenFixesThem()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync(Perimeter + "/overview");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "nsp-contoso-prod menu" }).GetByRole(AriaRole.Link, new() { Name = "Profiles" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nsp-contoso-prod | Profiles", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Create profile" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Profile name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("branch-offices");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#profiles-editor .messagebar.success")).ToContainTextAsync("The profile 'branch-offices' was created.");
        await Expect(page.Locator("tr[data-profile=branch-offices] td.num").First).ToHaveTextAsync("0");
        await portal.ScreenshotAsync("profiles-blade");

        await page.GetByRole(AriaRole.Link, new() { Name = "branch-offices", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "branch-offices | Inbound access rules", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No inbound access rules")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "Add" }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Add inbound access rule" });
        await Expect(pane).ToBeVisibleAsync();
        await Expect(pane.GetByLabel("Rule name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("branch-offices");
        var lines = Enumerable.Range(1, 50).Select(i => i switch
        {
            7 => "20.7.1.0/16",    // host bits set: the portal offers 20.7.0.0/16
            23 => "20.23.0.0/33",  // no such prefix length
            41 => "20.41.0",       // not an address
            _ => $"20.{i.ToString(CultureInfo.InvariantCulture)}.0.0/16",
        }).ToList();
        await pane.GetByLabel("Allowed sources").FillAsync(string.Join('\n', lines));
        await pane.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Expect(pane.Locator("#rule-values-errors strong")).ToHaveTextAsync("3 lines need attention; nothing was saved.");
        await Expect(pane.Locator("ul.line-errors li")).ToHaveCountAsync(3);
        await Expect(pane.GetByLabel("Allowed sources")).ToBeFocusedAsync();
        await Expect(pane.GetByLabel("Allowed sources")).ToHaveValueAsync(string.Join('\n', lines));
        await portal.ScreenshotAsync("inbound-rule-pane-line-errors");

        await pane.GetByRole(AriaRole.Button, new() { Name = "Apply suggested fixes (1)" }).ClickAsync();
        await Expect(pane.Locator("ul.line-errors li")).ToHaveCountAsync(2);
        await Expect(pane.Locator("ul.line-errors li").First).ToHaveAttributeAsync("data-line", "23");
        var text = await pane.GetByLabel("Allowed sources").InputValueAsync();
        Assert.Contains("20.7.0.0/16", text, StringComparison.Ordinal);

        await pane.GetByLabel("Allowed sources").FillAsync(text.Replace("20.23.0.0/33", "20.23.0.0/16", StringComparison.Ordinal).Replace("20.41.0\n", "20.41.0.0/16\n", StringComparison.Ordinal));
        await pane.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Expect(page.Locator("#rules-editor .messagebar.success")).ToHaveTextAsync("The rule 'branch-offices' was added with 50 values.");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        var row = page.Locator("tr[data-rule=branch-offices]");
        await Expect(row.Locator("td.num")).ToHaveTextAsync("50");
        await Expect(row.Locator("ul.values li.more")).ToHaveTextAsync("and 42 more");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profiles/branch-offices/inboundRules$"));
        portal.AssertNoProblems([422]);
    }

    [Fact]
    public async Task TheInboundRulesEditorLooksLikeThePortalsBlade()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync(Perimeter + "/profiles/defaultProfile/inboundRules");
        await Expect(page.Locator("tr[data-rule=allow-corp-network]")).ToBeVisibleAsync();
        await portal.ScreenshotAsync("inbound-rules-editor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit allow-corp-network" }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit allow-corp-network" });
        await Expect(pane).ToBeVisibleAsync();
        await Expect(pane.GetByLabel("Allowed sources")).ToBeFocusedAsync();
        await portal.ScreenshotAsync("inbound-rules-editor-edit-pane");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        portal.AssertNoProblems();
    }

    [Fact]
    public async Task AnOutboundFqdnRuleIsAddedAndDeletedWithTheKeyboardOnly()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(Perimeter + "/profiles/monitoring/outboundRules");
        await Expect(page.GetByText("No outbound access rules")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "Add" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Add outbound access rule" });
        await Expect(pane.GetByLabel("Rule name")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab"); // the close button, first in the pane
        await page.Keyboard.PressAsync("Shift+Tab"); // wraps to the pane's last control, not into the blade behind it
        await Expect(pane.GetByRole(AriaRole.Link, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await pane.GetByLabel("Rule name").FocusAsync();
        await page.Keyboard.TypeAsync("monitoring-ingest");
        await TabUntilAsync(page, "#rule-values");
        await page.Keyboard.TypeAsync("https://ingest.monitor.azure.com");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("*.ods.opinsights.azure.com");
        await TabUntilAsync(page, "button[value=save]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(pane.Locator("ul.line-errors li")).ToHaveCountAsync(1);
        await Expect(pane.Locator("ul.line-errors li")).ToContainTextAsync("is a URL; enter only the host name");
        await Expect(pane.GetByLabel("Allowed destinations")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+Home");
        for (var i = 0; i < "https://".Length; i++)
        {
            await page.Keyboard.PressAsync("Delete");
        }

        await TabUntilAsync(page, "button[value=save]");
        await page.Keyboard.PressAsync("Enter");

        var row = page.Locator("tr[data-rule=monitoring-ingest]");
        await Expect(row.Locator("ul.values li")).ToHaveTextAsync(["ingest.monitor.azure.com", "*.ods.opinsights.azure.com"]);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("FQDN");
        await Expect(page.Locator("#rules-editor .messagebar.success")).ToBeFocusedAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete monitoring-ingest" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#rules-editor .messagebar.success")).ToHaveTextAsync("The rule 'monitoring-ingest' was deleted.");
        await Expect(page.GetByText("No outbound access rules")).ToBeVisibleAsync();
        portal.AssertNoProblems([422]);
    }

    [Fact]
    public async Task AStaleEditShowsTheCurrentValuesAndKeepsWhatWasTyped()
    {
        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync(Perimeter + "/profiles/monitoring/inboundRules?panel=edit&rule=allow-monitoring-agents");
        var pane = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit allow-monitoring-agents" });
        await Expect(pane.GetByLabel("Allowed sources")).ToHaveValueAsync("198.51.100.32/27");

        // Someone else changes the rule through the API while the pane is open.
        using var api = browser.Portal.CreateApiClient();
        (await api.PutAsync($"{PerimeterId}/profiles/monitoring/accessRules/allow-monitoring-agents?api-version=2025-05-01",
            new StringContent("""{"properties":{"direction":"Inbound","addressPrefixes":["198.51.100.64/27"]}}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        await pane.GetByLabel("Allowed sources").FillAsync("198.51.100.32/27\n198.51.100.96/27");
        await pane.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(pane.Locator(".messagebar.warning")).ToContainTextAsync("Someone else changed this rule after you opened it, so nothing was saved.");
        await Expect(pane.Locator(".messagebar.warning")).ToBeFocusedAsync();
        await Expect(pane.GetByLabel("Allowed sources")).ToHaveValueAsync("198.51.100.64/27");
        await Expect(pane.GetByLabel("What you typed (not saved)")).ToHaveValueAsync("198.51.100.32/27\n198.51.100.96/27");
        await portal.ScreenshotAsync("inbound-rule-conflict");

        await pane.GetByRole(AriaRole.Button, new() { Name = "Put my values back" }).ClickAsync();
        await Expect(pane.GetByLabel("Allowed sources")).ToHaveValueAsync("198.51.100.32/27\n198.51.100.96/27");
        await pane.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("tr[data-rule=allow-monitoring-agents] td.num")).ToHaveTextAsync("2");
        portal.AssertNoProblems([409]);
    }

    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}");
    }
}
