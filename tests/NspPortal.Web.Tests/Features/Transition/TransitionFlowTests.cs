using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Transition;

/// <summary>The transition view end to end over HTTP: logged would-be-denied traffic shows in readiness, top sources and
/// suggestions; two suggestions make a draft whose diff and what-if are right; applying it writes the rules through the
/// service layer; the guarded switch records who and why, and the one-click return works.</summary>
public class TransitionFlowTests : IAsyncLifetime
{
    private const string Prod = "nsp-contoso-prod";
    private static readonly string Perimeter = $"/resource/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/{Prod}";
    private static readonly string View = Perimeter + "/transition";
    private PortalFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = await PortalFactory.CreateAsync();
        await TrafficSeed.StorageOrdersAsync(factory);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task TheViewShowsReadinessTopSourcesAndSuggestions()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Contributor);

        var page = Html.Parse(await client.GetStringAsync(View + "?association=" + await AssociationNameAsync("stcontosoorders")));

        var tiles = page.QuerySelectorAll(".readiness .tile .value").Select(v => v.TextContent.Trim()).ToList();
        Assert.Equal(["Not yet", "0", "19", "19", "22"], tiles);
        var networks = Rows(page, "Top source networks");
        Assert.Equal([["198.51.100.0/24", "11"], ["52.1.2.0/24", "6"]], networks);
        Assert.Equal([["api.other.example", "2"]], Rows(page, "Top destination FQDNs"));
        Assert.Contains("198.51.100.0/24 — SAS, 4 connections", page.QuerySelector(".key-based")!.TextContent, StringComparison.Ordinal);
        var suggestions = Rows(page, "Suggested rules").Select(r => r.Take(3).ToArray()).ToList();
        Assert.Contains(["Inbound address-prefix rule", "198.51.100.0/24", "11"], suggestions);
        Assert.Contains(["Inbound address-prefix rule", "52.1.2.0/24", "6"], suggestions);
        Assert.Contains(["Outbound FQDN rule", "api.other.example", "2"], suggestions);
        var chart = page.QuerySelector(".chart[data-chart]")!.GetAttribute("data-chart")!;
        Assert.Contains("NspPublicInboundResourceRulesAllowed (would be denied)", chart, StringComparison.Ordinal);
        Assert.Contains("#d13438", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSuggestionsMakeADraftThatWhatIfAndApplyHandleAsComputedByHand()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Contributor, allowAutoRedirect: false);
        var url = View + "?association=" + await AssociationNameAsync("stcontosoorders");

        var first = await client.SubmitFormAsync(url, "form.suggestions-form", new Dictionary<string, string>(), ("suggestion", "AddressPrefix:198.51.100.0/24"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.SubmitFormAsync(url, "form.suggestions-form", new Dictionary<string, string>(), ("suggestion", "Fqdn:api.other.example"));
        Assert.Contains("result=added", Html.RedirectTarget(second), StringComparison.Ordinal);

        var withDraft = Html.Parse(await client.GetStringAsync(url + "&whatif=14"));
        var diff = withDraft.QuerySelectorAll(".draft-diff tbody tr").Select(r => r.QuerySelectorAll("td").Take(4).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([["suggested-inbound-prefixes", "Inbound", "Added", "+ 198.51.100.0/24"], ["suggested-outbound-fqdns", "Outbound", "Added", "+ api.other.example"]], diff);
        var cards = withDraft.QuerySelectorAll(".whatif-card dd").Select(d => d.TextContent.Trim()).ToList();
        // Draft only: nothing changes (Learning still falls back). Draft + Enforced: the draft admits 198.51.100.0/24 (SAS
        // included: an address rule admits any caller) and api.other.example, 203.0.113.9 stays allowed, and only the
        // trusted service (6), which Enforced no longer honours, is newly denied.
        Assert.Equal(["0 connections (0 rows)", "0 connections (0 rows)", "6 connections (1 rows)", "0 connections (0 rows)"], cards);

        var apply = await client.SubmitFormAsync(url, "form.inline-post:has(input[name=version])", new Dictionary<string, string>());
        Assert.Contains("result=applied", Html.RedirectTarget(apply), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var profile = await db.Profiles.Include(p => p.AccessRules).SingleAsync(p => p.Name == "defaultProfile" && p.Perimeter!.Name == Prod);
        Assert.Equal(["198.51.100.0/24"], profile.AccessRules.Single(r => r.Name == "suggested-inbound-prefixes").AddressPrefixes);
        Assert.Equal(["api.other.example"], profile.AccessRules.Single(r => r.Name == "suggested-outbound-fqdns").FullyQualifiedDomainNames);
        Assert.Equal(5, profile.AccessRulesVersion);
        Assert.Empty(await db.ProfileDrafts.ToListAsync());
        Assert.Equal(2, await db.ActivityLog.CountAsync(e => e.ResourceId.Contains("/accessRules/suggested-")));

        // What the applied rules admit is no longer proposed; only the trusted service (6) is still denied once enforced.
        var after = Html.Parse(await client.GetStringAsync(url));
        Assert.Equal(["52.1.2.0/24"], Rows(after, "Suggested rules").Select(r => r[1]).ToArray());
        Assert.Equal("6", after.QuerySelectorAll(".readiness .tile .value")[3].TextContent.Trim());
    }

    [Fact]
    public async Task TheSwitchToEnforcedAsksForTheNameRecordsWhyAndReturnsInOneClick()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Contributor, allowAutoRedirect: false);
        var association = await AssociationNameAsync("stcontosoorders");
        var switchPage = View + "/switch?association=" + association;
        var page = Html.Parse(await client.GetStringAsync(switchPage));
        Assert.Equal("19", page.QuerySelectorAll(".tile .value")[1].TextContent.Trim());

        var wrongName = await client.SubmitFormAsync(switchPage, "form.switch-form", new Dictionary<string, string> { ["confirm"] = "stcontoso", ["reason"] = "rules added" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongName.StatusCode);
        var refusal = Html.Parse(await wrongName.Content.ReadAsStringAsync());
        Assert.Equal("The resource name you typed does not match; type stcontosoorders exactly to switch.", refusal.QuerySelector("[role=alert]")!.TextContent);
        var again = Html.Parse(await client.GetStringAsync(refusal.QuerySelector("a.btn")!.GetAttribute("href")!));
        Assert.Equal("rules added", again.QuerySelector("#switch-reason")!.TextContent);
        Assert.Equal("true", again.QuerySelector("#switch-confirm")!.GetAttribute("aria-invalid"));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AccessMode.Learning, (await db.ResourceAssociations.SingleAsync(a => a.Name == association)).AccessMode);
        }

        var noReason = await client.SubmitFormAsync(switchPage, "form.switch-form", new Dictionary<string, string> { ["confirm"] = "stcontosoorders", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);

        var done = await client.SubmitFormAsync(switchPage, "form.switch-form", new Dictionary<string, string> { ["confirm"] = "stcontosoorders", ["reason"] = "Callers moved to the corp network" });
        Assert.Contains("result=enforced", Html.RedirectTarget(done), StringComparison.Ordinal);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AccessMode.Enforced, (await db.ResourceAssociations.SingleAsync(a => a.Name == association)).AccessMode);
            var change = await db.AccessModeChanges.SingleAsync();
            Assert.Equal((AccessMode.Learning, AccessMode.Enforced, "contributor.root@nspportal.test", "Callers moved to the corp network", 19L, 22L),
                (change.From, change.To, change.ChangedBy, change.Reason, change.WouldBeDenied, change.LoggedConnections));
        }

        var back = await client.SubmitFormAsync(View, $"form.inline-post:has(input[name=association][value='{association}'])", new Dictionary<string, string>());
        Assert.Contains("result=learning", Html.RedirectTarget(back), StringComparison.Ordinal);
        await using var check = factory.CreateDbContext();
        Assert.Equal(AccessMode.Learning, (await check.ResourceAssociations.SingleAsync(a => a.Name == association)).AccessMode);
        Assert.Equal(2, await check.AccessModeChanges.CountAsync());
    }

    [Fact]
    public async Task AReaderSeesTheViewButCannotDraftOrSwitch()
    {
        var reader = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production), allowAutoRedirect: false);
        var page = Html.Parse(await reader.GetStringAsync(View));
        Assert.All(page.QuerySelectorAll(".suggestions-form button[name=suggestion]"), b => Assert.True(b.HasAttribute("disabled")));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await reader.PostAsync(Perimeter + "/transition/draft/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["profile"] = "defaultProfile",
            ["suggestion"] = "AddressPrefix:198.51.100.0/24",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.ProfileDrafts.ToListAsync());
    }

    private async Task<string> AssociationNameAsync(string resource)
    {
        await using var db = factory.CreateDbContext();
        return (await db.ResourceAssociations.SingleAsync(a => a.PaasResource!.Name == resource)).Name;
    }

    private static List<string[]> Rows(AngleSharp.Dom.IDocument page, string table) =>
        [.. page.QuerySelector($"table[aria-label='{table}']")!.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())];
}
