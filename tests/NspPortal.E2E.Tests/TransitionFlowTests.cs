using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NspPortal.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace NspPortal.E2E.Tests;

/// <summary>The Learning-to-Enforced flow as a new administrator goes through it: read the chart, add two suggestions
/// to a draft, run what-if, apply, switch to Enforced (typing the name), and see the result.</summary>
public class TransitionFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdministratorGoesFromLearningToEnforcedWithTheImpactKnown()
    {
        // The log file an administrator exports from Log Analytics (NSPAccessLogs as CSV); the demo tenant's simulated
        // traffic is cleared first so the numbers are this file's.
        var file = Path.Combine(RepositoryPaths.TestResults("uploads"), "NSPAccessLogs-stcontosoorders.csv");
        _ = browser.Portal.Services;
        await using (var db = browser.Portal.CreateDbContext())
        {
            await TrafficSeed.ClearAsync(db);
            await File.WriteAllTextAsync(file, (await TrafficSeed.ForAsync(db, "nsp-contoso-prod")).StorageOrders(DateTime.UtcNow).ToCsv());
        }

        var portal = await browser.NewPageAsync();
        var page = portal.Page;
        await page.GotoAsync("/traffic/import");
        await page.GetByLabel("Log file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("[data-count=imported]")).ToHaveTextAsync("6");

        await page.GotoAsync("/resource/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Learning to Enforced" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nsp-contoso-prod | Learning to Enforced" })).ToBeVisibleAsync();

        await Expect(page.Locator(".chart[data-chart-ready=true]")).ToBeVisibleAsync();
        await portal.ScreenshotAsync("transition-perimeter");
        await page.GetByLabel("Scope", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "stcontosoorders" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Expect(page.Locator(".chart[data-chart-ready=true]")).ToBeVisibleAsync();
        await Expect(page.Locator(".chart .apexcharts-legend")).ToContainTextAsync("NspPublicInboundResourceRulesAllowed (would be denied)");
        await Expect(page.Locator(".readiness .tile").Nth(2).Locator(".value")).ToHaveTextAsync("19");
        await portal.ScreenshotAsync("transition-view");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add 198.51.100.0/24 to draft" }).ClickAsync();
        await Expect(page.Locator(".messagebar[role=status]")).ToContainTextAsync("Added 198.51.100.0/24 to the draft of defaultProfile.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add api.other.example to draft" }).ClickAsync();
        await Expect(page.Locator(".draft-diff tbody tr")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Link, new() { Name = "Run what-if on the last 14 days" }).ClickAsync();
        var enforced = page.Locator(".whatif-card").Nth(1);
        await Expect(enforced.Locator("dd").First).ToHaveTextAsync("6 connections (1 rows)");
        await Expect(enforced.Locator("table[aria-label='Examples newly denied'] tbody tr")).ToHaveCountAsync(1);
        await portal.ScreenshotAsync("transition-what-if");

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply draft" }).ClickAsync();
        await Expect(page.Locator(".messagebar[role=status]")).ToContainTextAsync("Applied the draft to defaultProfile: 2 rule(s) written");

        var readiness = page.GetByRole(AriaRole.Table, new() { Name = "Associations and their readiness" });
        await readiness.Locator("tr", new() { HasText = "stcontosoorders" }).GetByRole(AriaRole.Link, new() { Name = "Switch stcontosoorders to Enforced" }).ClickAsync();
        await Expect(page.Locator(".tile").Nth(1).Locator(".value")).ToHaveTextAsync("6");
        await page.GetByLabel(new Regex("^Type stcontosoorders to confirm")).FillAsync("stcontosoorders");
        await page.GetByLabel(new Regex("^Why are you switching")).FillAsync("Callers are covered by the new rules; the trusted service moves to a managed identity.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to Enforced" }).ClickAsync();

        await Expect(page.Locator(".messagebar[role=status]")).ToContainTextAsync("stcontosoorders is now Enforced.");
        await Expect(readiness.Locator("tr", new() { HasText = "stcontosoorders" }).Locator(".mode")).ToHaveTextAsync("Enforced");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Access mode changes" })).ToContainTextAsync("Callers are covered by the new rules");
        await portal.ScreenshotAsync("transition-enforced");
        portal.AssertNoProblems();
    }
}
