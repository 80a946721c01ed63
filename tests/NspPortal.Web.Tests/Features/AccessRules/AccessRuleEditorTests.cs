using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;
using NspPortal.Web.Tests.Arm;

namespace NspPortal.Web.Tests.Features.AccessRules;

/// <summary>A profile's Inbound and Outbound access rules blades against a seeded portal: the page and the fragment,
/// add, edit and delete through htmx with ETags, per-line errors, conflicts, generated rules, roles. Each test works on
/// a profile of its own in the production perimeter.</summary>
public class AccessRuleEditorTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly Guid Prod = DemoTenant.Production;
    private static readonly string Perimeter = $"/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";

    private static string Blade(string profile, string direction = "inboundRules") => $"/resource{Perimeter}/profiles/{profile}/{direction}";

    [Fact]
    public async Task TheInboundBladeListsTheRulesInsideThePerimeterBlade()
    {
        var page = Html.Parse(await portal.Client().GetStringAsync(Blade("defaultProfile")));

        Assert.Equal("defaultProfile | Inbound access rules", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Network security perimeter profile", page.QuerySelector(".blade-subtitle")!.TextContent);
        Assert.Equal("page", page.QuerySelector(".resource-menu a[href$='/profiles']")!.GetAttribute("aria-current"));
        Assert.Equal(["Home", "Network security perimeters", "nsp-contoso-prod", "Profiles", "defaultProfile"],
            page.QuerySelectorAll("nav[aria-label=Breadcrumb] a").Select(a => a.TextContent.Trim()));
        Assert.Equal("Inbound access rules", page.QuerySelector(".tabs a[aria-current=page]")!.TextContent);
        Assert.Equal(["allow-corp-network", "allow-prod-subscription"], page.QuerySelectorAll("#rules-editor tbody tr").Select(r => r.GetAttribute("data-rule")));
        var corp = page.QuerySelector("tr[data-rule=allow-corp-network]")!;
        Assert.Equal(["203.0.113.0/24", "2001:db8:1000::/48"], corp.QuerySelectorAll("ul.values li").Select(li => li.TextContent));
        Assert.Equal("2", corp.QuerySelector("td.num")!.TextContent);
        Assert.Equal("Contoso Production (" + Prod + ")", page.QuerySelector("tr[data-rule=allow-prod-subscription] ul.values li")!.TextContent);
        Assert.Equal("Used by 5 associated resources · access rules version 3", page.QuerySelector(".blade-meta")!.TextContent);
        Assert.NotNull(page.QuerySelector(".commandbar a[href$='inboundRules?panel=add']"));
    }

    [Fact]
    public async Task TheProfileUrlOpensItsInboundRulesAndTheOutboundTabListsOutboundRules()
    {
        var client = portal.Client();
        var profile = Html.Parse(await client.GetStringAsync($"/resource{Perimeter}/profiles/defaultProfile"));
        var outbound = Html.Parse(await client.GetStringAsync(Blade("defaultProfile", "outboundRules")));

        Assert.Equal("defaultProfile | Inbound access rules", profile.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("defaultProfile | Outbound access rules", outbound.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["allow-partner-api"], outbound.QuerySelectorAll("#rules-editor tbody tr").Select(r => r.GetAttribute("data-rule")));
        Assert.Equal("Destination type", outbound.QuerySelectorAll("#rules-editor th")[1].TextContent);
        Assert.Equal("FQDN", outbound.QuerySelector("tr[data-rule=allow-partner-api] td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public async Task AnHtmxRequestGetsTheEditorAloneWithThePaneADeepLinkOpens()
    {
        var html = await portal.HtmxClient("rules-editor").GetStringAsync(Blade("defaultProfile") + "?panel=edit&rule=allow-corp-network");
        var fragment = Html.ParseFragment(html);

        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("rules-editor", fragment.Children.Single().Id);
        Assert.Equal("Edit allow-corp-network", fragment.QuerySelector(".pane-header h2")!.TextContent);
        Assert.Equal("203.0.113.0/24\n2001:db8:1000::/48", fragment.QuerySelector("#rule-values")!.TextContent);
        Assert.True(fragment.QuerySelector("#rule-values")!.HasAttribute("data-autofocus"));
    }

    [Fact]
    public async Task AnUnknownProfileIsNotFound()
    {
        var response = await portal.Client().GetAsync(Blade("no-such-profile"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This profile does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastedRangesWithBadLinesAreRefusedLineByLineAndNothingIsSaved()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);

        var response = await editor.SaveAsync(new() { ["name"] = "office", ["values"] = "203.0.113.0/24\n10.1.2.3/16\n\n999.1.1.1\n198.51.100.7" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal("203.0.113.0/24\n10.1.2.3/16\n\n999.1.1.1\n198.51.100.7", fragment.QuerySelector("#rule-values")!.TextContent);
        Assert.Equal("office", fragment.QuerySelector("#rule-name")!.GetAttribute("value"));
        Assert.Equal(["2", "4"], fragment.QuerySelectorAll("ul.line-errors li").Select(li => li.GetAttribute("data-line")));
        Assert.Equal("Apply suggested fixes (1)", fragment.QuerySelector("button[value=fix]")!.TextContent.Trim());
        Assert.Equal(0, await RuleCountAsync(profile));
    }

    [Fact]
    public async Task ApplyingTheSuggestedFixesReplacesOnlyTheFixableLinesAndSavesNothing()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);

        var response = await editor.SaveAsync(new() { ["name"] = "office", ["values"] = "10.1.2.3/16\n999.1.1.1\n203.0.113.9/24", ["_action"] = "fix" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal("10.1.0.0/16\n999.1.1.1\n203.0.113.0/24", fragment.QuerySelector("#rule-values")!.TextContent);
        Assert.Equal(["2"], fragment.QuerySelectorAll("ul.line-errors li").Select(li => li.GetAttribute("data-line")));
        Assert.Equal(0, await RuleCountAsync(profile));
    }

    [Fact]
    public async Task AddingARuleSavesItNormalisedThroughTheServiceAndTheActivityLog()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);

        var response = await editor.SaveAsync(new() { ["name"] = "office", ["values"] = "203.0.113.0/24, 2001:DB8::/32\n198.51.100.7\n203.0.113.0/24" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Blade(profile), response.Headers.GetValues("HX-Push-Url").Single());
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal("The rule 'office' was added with 3 values.", fragment.QuerySelector(".messagebar.success span")!.TextContent);
        Assert.Null(fragment.QuerySelector(".context-pane"));
        Assert.Equal(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"], fragment.QuerySelectorAll("tr[data-rule=office] ul.values li").Select(li => li.TextContent));
        await using var db = portal.Factory.CreateDbContext();
        var rule = await db.AccessRules.SingleAsync(r => r.Profile!.Name == profile && r.Name == "office");
        Assert.Equal(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"], rule.AddressPrefixes);
        Assert.Equal(AccessRuleDirection.Inbound, rule.Direction);
        Assert.Equal(PortalFactory.OwnerEmail, rule.CreatedBy);
        Assert.Equal(1, await db.Profiles.Where(p => p.Name == profile).Select(p => p.AccessRulesVersion).SingleAsync());
        Assert.True(await db.ActivityLog.AnyAsync(e => e.ResourceIdKey.EndsWith($"/PROFILES/{profile.ToUpperInvariant()}/ACCESSRULES/OFFICE") && e.Caller == PortalFactory.OwnerEmail));
    }

    [Fact]
    public async Task ABadNameIsShownNextToTheNameFieldTogetherWithTheLineErrors()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);

        var response = await editor.SaveAsync(new() { ["name"] = "bad name!", ["values"] = "nope" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal("true", fragment.QuerySelector("#rule-name")!.GetAttribute("aria-invalid"));
        Assert.Equal("'bad name!' contains ' '; access rule names use letters, digits, '_', '.' and '-'.", fragment.QuerySelector("#rule-name-error")!.TextContent);
        Assert.Equal("true", fragment.QuerySelector("#rule-values")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await RuleCountAsync(profile));
    }

    [Fact]
    public async Task ARuleWithoutValuesIsRefusedAtTheValuesField()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);

        var response = await editor.SaveAsync(new() { ["name"] = "empty", ["values"] = "\n \n" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter at least one IP address range.", fragment.QuerySelector("#rule-values-errors strong")!.TextContent);
        Assert.Equal(0, await RuleCountAsync(profile));
    }

    [Fact]
    public async Task AnOutboundFqdnRuleIsValidatedAndSaved()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile, "outboundRules");

        var bad = await editor.SaveAsync(new() { ["name"] = "partner", ["sourceType"] = "FQDN", ["values"] = "https://api.partner.example\n*.contoso.com" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("is a URL; enter only the host name", Html.ParseFragment(await bad.Content.ReadAsStringAsync()).QuerySelector("ul.line-errors")!.TextContent, StringComparison.Ordinal);

        var good = await editor.SaveAsync(new() { ["name"] = "partner", ["sourceType"] = "FQDN", ["values"] = "API.Partner.example, *.contoso.com" });

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        await using var db = portal.Factory.CreateDbContext();
        var rule = await db.AccessRules.SingleAsync(r => r.Profile!.Name == profile && r.Name == "partner");
        Assert.Equal(AccessRuleDirection.Outbound, rule.Direction);
        Assert.Equal(["api.partner.example", "*.contoso.com"], rule.FullyQualifiedDomainNames);
        Assert.Empty(rule.AddressPrefixes);
    }

    [Fact]
    public async Task ASubscriptionsRuleTakesKnownSubscriptionsTickedAndOthersTyped()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);
        var other = Guid.NewGuid();

        var retyped = await editor.SaveAsync(new() { ["name"] = "subs", ["sourceType"] = "Subscriptions", ["values"] = "", ["_action"] = "retype" });
        var pane = Html.ParseFragment(await retyped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, retyped.StatusCode);
        Assert.Equal(["Contoso Development", "Contoso Production"], pane.QuerySelectorAll("input[name=subscription]").Select(i => i.ParentElement!.QuerySelector("span")!.FirstChild!.TextContent.Trim()));
        Assert.True(pane.QuerySelector("input[name=sourceType][value=Subscriptions]")!.HasAttribute("data-autofocus"));

        var response = await editor.SaveFieldsAsync([new("name", "subs"), new("sourceType", "Subscriptions"), new("subscription", ArmIds.Subscription(Prod)), new("values", other.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = portal.Factory.CreateDbContext();
        var rule = await db.AccessRules.SingleAsync(r => r.Profile!.Name == profile && r.Name == "subs");
        Assert.Equal([ArmIds.Subscription(Prod), ArmIds.Subscription(other)], rule.Subscriptions);
    }

    [Fact]
    public async Task EditingReplacesTheValuesWithTheETagItWasOpenedWith()
    {
        var profile = await NewProfileAsync();
        await PutRuleAsync(profile, "office", "203.0.113.0/24");
        var editor = await OpenAsync(profile);
        var etag = await editor.EtagInPaneAsync("office");

        var response = await editor.SaveAsync(new() { ["isNew"] = "false", ["etag"] = etag, ["name"] = "office", ["sourceType"] = "IPAddressRanges", ["values"] = "198.51.100.0/24" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["198.51.100.0/24"], await PrefixesAsync(profile, "office"));
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithTheCurrentValuesBesideWhatTheUserTyped()
    {
        var profile = await NewProfileAsync();
        await PutRuleAsync(profile, "office", "203.0.113.0/24");
        var editor = await OpenAsync(profile);
        var etag = await editor.EtagInPaneAsync("office");
        await PutRuleAsync(profile, "office", "192.0.2.0/24"); // someone else, through the API

        var response = await editor.SaveAsync(new() { ["isNew"] = "false", ["etag"] = etag, ["name"] = "office", ["sourceType"] = "IPAddressRanges", ["values"] = "198.51.100.0/24" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this rule after you opened it, so nothing was saved.", fragment.QuerySelector(".context-pane [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("192.0.2.0/24", fragment.QuerySelector("#rule-values")!.TextContent);
        Assert.Equal("198.51.100.0/24", fragment.QuerySelector("#rule-your-values")!.TextContent);
        Assert.NotEqual(etag, fragment.QuerySelector(".rule-form input[name=etag]")!.GetAttribute("value"));
        Assert.Equal(["192.0.2.0/24"], await PrefixesAsync(profile, "office"));

        var mine = await editor.SaveAsync(new()
        {
            ["isNew"] = "false",
            ["etag"] = fragment.QuerySelector(".rule-form input[name=etag]")!.GetAttribute("value")!,
            ["name"] = "office",
            ["sourceType"] = "IPAddressRanges",
            ["values"] = "192.0.2.0/24",
            ["yourValues"] = "198.51.100.0/24",
            ["_action"] = "keepMine",
        });
        var back = Html.ParseFragment(await mine.Content.ReadAsStringAsync());
        Assert.Equal("198.51.100.0/24", back.QuerySelector("#rule-values")!.TextContent);
        Assert.Null(back.QuerySelector("#rule-your-values"));
        Assert.Equal(["192.0.2.0/24"], await PrefixesAsync(profile, "office"));
    }

    [Fact]
    public async Task AddingANameSomeoneElseJustUsedIsAConflictNotAnOverwrite()
    {
        var profile = await NewProfileAsync();
        var editor = await OpenAsync(profile);
        await PutRuleAsync(profile, "office", "192.0.2.0/24");

        var response = await editor.SaveAsync(new() { ["name"] = "OFFICE", ["values"] = "198.51.100.0/24" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Contains("A rule named 'office' already exists", fragment.QuerySelector(".context-pane [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("198.51.100.0/24", fragment.QuerySelector("#rule-your-values")!.TextContent);
        Assert.Equal(["192.0.2.0/24"], await PrefixesAsync(profile, "office"));
    }

    [Fact]
    public async Task DeletingRemovesTheRuleAndAStaleDeleteRemovesNothing()
    {
        var profile = await NewProfileAsync();
        await PutRuleAsync(profile, "a", "203.0.113.0/24");
        await PutRuleAsync(profile, "b", "198.51.100.0/24");
        var editor = await OpenAsync(profile);
        var page = Html.Parse(await editor.Client.GetStringAsync(Blade(profile)));
        string EtagOf(string rule) => page.QuerySelector($"tr[data-rule={rule}] input[name=etag]")!.GetAttribute("value")!;
        var staleB = EtagOf("b");

        var deleted = await editor.DeleteAsync("a", EtagOf("a"));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("The rule 'a' was deleted.", Html.ParseFragment(await deleted.Content.ReadAsStringAsync()).QuerySelector(".messagebar span")!.TextContent);

        await PutRuleAsync(profile, "b", "192.0.2.0/24");
        var stale = await editor.DeleteAsync("b", staleB);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed the rule 'b'", Html.ParseFragment(await stale.Content.ReadAsStringAsync()).QuerySelector(".messagebar")!.TextContent, StringComparison.Ordinal);
        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(["b"], await db.AccessRules.Where(r => r.Profile!.Name == profile).Select(r => r.Name).ToListAsync());
    }

    [Fact]
    public async Task HygieneWarningsAppearNextToTheRules()
    {
        var profile = await NewProfileAsync();
        await PutRuleAsync(profile, "wide", "10.0.0.0/8");
        await PutRuleAsync(profile, "office", "10.1.0.0/16");

        var page = Html.Parse(await portal.Client().GetStringAsync(Blade(profile)));

        var kinds = page.QuerySelectorAll("tr[data-rule=office] ul.hygiene li").Select(li => li.GetAttribute("data-kind")).ToList();
        Assert.Contains("ContainedIn", kinds);
        Assert.Contains("PrivateOrReserved", kinds);
        Assert.Contains("VeryBroad", page.QuerySelectorAll("tr[data-rule=wide] ul.hygiene li").Select(li => li.GetAttribute("data-kind")));
    }

    [Fact]
    public async Task RulesGeneratedByALinkAreReadOnlyWithTheirOrigin()
    {
        // Two perimeters of its own: a link adds rules to every profile of both.
        var api = portal.Factory.CreateApiClient();
        var local = await NewPerimeterAsync();
        var remote = await NewPerimeterAsync();
        (await api.PutJsonAsync($"{local}/profiles/p1", """{"properties":{}}""")).EnsureSuccessStatusCode();
        (await api.PutJsonAsync($"{local}/links/to-remote", $$$"""{"properties":{"autoApprovedRemotePerimeterResourceId":"{{{remote}}}"}}""")).EnsureSuccessStatusCode();
        string generated;
        var localName = local.Split('/')[^1];
        await using (var db = portal.Factory.CreateDbContext())
        {
            generated = await db.AccessRules.Where(r => r.Profile!.Perimeter!.Name == localName && r.Direction == AccessRuleDirection.Inbound && r.LinkId != null)
                .Select(r => r.Name).SingleAsync();
        }

        var blade = $"/resource{local}/profiles/p1/inboundRules";
        var editor = await OpenBladeAsync(blade);
        var page = Html.Parse(await editor.Client.GetStringAsync(blade));
        var row = page.QuerySelector($"tr[data-rule='{generated}']")!;
        Assert.Equal("Generated by perimeter link 'to-remote' (read-only)", row.QuerySelector(".origin span")!.TextContent);
        Assert.Equal("Network security perimeter", row.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal(remote.Split('/')[^1], row.QuerySelector("ul.values li")!.TextContent);
        Assert.Null(row.QuerySelector("form, a"));

        var edit = await editor.SaveAsync(new() { ["isNew"] = "false", ["etag"] = "*", ["name"] = generated, ["sourceType"] = "IPAddressRanges", ["values"] = "203.0.113.0/24" });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("generated by a perimeter link and is read-only", Html.ParseFragment(await edit.Content.ReadAsStringAsync()).QuerySelector(".context-pane [role=alert]")!.TextContent, StringComparison.Ordinal);
        var delete = await editor.DeleteAsync(generated, "*");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("generated by a perimeter link and is read-only", Html.ParseFragment(await delete.Content.ReadAsStringAsync()).QuerySelector(".messagebar.error")!.TextContent, StringComparison.Ordinal);
        await using var check = portal.Factory.CreateDbContext();
        Assert.True(await check.AccessRules.AnyAsync(r => r.Name == generated && r.LinkId != null));
    }

    [Fact]
    public async Task AReaderSeesTheRulesButCannotSave()
    {
        var reader = await portal.ClientAsync(NspRole.Reader, NspScope.Subscription(Prod));
        var page = Html.Parse(await reader.GetStringAsync(Blade("defaultProfile") + "?panel=add"));
        Assert.Null(page.QuerySelector(".context-pane"));
        Assert.Equal("true", page.QuerySelector(".commandbar span.cmd")!.GetAttribute("aria-disabled"));
        reader.DefaultRequestHeaders.AddAntiforgeryHeader(await reader.AntiforgeryTokenAsync(Blade("defaultProfile")));
        reader.DefaultRequestHeaders.Add("HX-Request", "true");

        var response = await reader.PostAsync(Blade("defaultProfile") + "/save", new FormUrlEncodedContent([new("name", "sneaky"), new("values", "0.0.0.0/0")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = portal.Factory.CreateDbContext();
        Assert.False(await db.AccessRules.AnyAsync(r => r.Name == "sneaky"));
    }

    [Fact]
    public async Task WithoutScriptsAPostComesBackToTheBlade()
    {
        var profile = await NewProfileAsync();
        var client = portal.Client(allowAutoRedirect: false);

        var response = await client.SubmitFormAsync(Blade(profile) + "?panel=add", "form.rule-form", new Dictionary<string, string> { ["name"] = "plain", ["values"] = "203.0.113.0/24" },
            ("_action", "save"));

        Assert.Equal(Blade(profile) + "?result=saved&rule=plain", Html.RedirectTarget(response));
        var page = Html.Parse(await client.GetStringAsync(Blade(profile) + "?result=saved&rule=plain"));
        Assert.Equal("The rule 'plain' was saved.", page.QuerySelector(".messagebar span")!.TextContent);
        Assert.NotNull(page.QuerySelector("tr[data-rule=plain]"));
    }

    // ---- helpers ----

    private async Task<string> NewProfileAsync()
    {
        var name = $"p-{Guid.NewGuid():N}"[..14];
        (await portal.Factory.CreateApiClient().PutJsonAsync($"{Perimeter}/profiles/{name}", """{"properties":{}}""")).EnsureSuccessStatusCode();
        return name;
    }

    private async Task PutRuleAsync(string profile, string rule, params string[] prefixes) =>
        (await portal.Factory.CreateApiClient().PutJsonAsync($"{Perimeter}/profiles/{profile}/accessRules/{rule}",
            System.Text.Json.JsonSerializer.Serialize(new { properties = new { direction = "Inbound", addressPrefixes = prefixes } }))).EnsureSuccessStatusCode();

    private async Task<int> RuleCountAsync(string profile)
    {
        await using var db = portal.Factory.CreateDbContext();
        return await db.AccessRules.CountAsync(r => r.Profile!.Name == profile);
    }

    private async Task<List<string>> PrefixesAsync(string profile, string rule)
    {
        await using var db = portal.Factory.CreateDbContext();
        return (await db.AccessRules.SingleAsync(r => r.Profile!.Name == profile && r.Name == rule)).AddressPrefixes;
    }

    private Task<EditorClient> OpenAsync(string profile, string direction = "inboundRules") => OpenBladeAsync(Blade(profile, direction));

    private async Task<EditorClient> OpenBladeAsync(string blade)
    {
        var client = portal.Client();
        client.DefaultRequestHeaders.AddAntiforgeryHeader(await client.AntiforgeryTokenAsync(blade));
        return new EditorClient(client, blade);
    }

    private async Task<string> NewPerimeterAsync()
    {
        var path = $"/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-{Guid.NewGuid():N}"[..^20];
        (await portal.Factory.CreateApiClient().PutJsonAsync(path, """{"location":"eastus2"}""")).EnsureSuccessStatusCode();
        return path;
    }

    /// <summary>Posts as htmx does from the editor (HX-Request, HX-Target rules-editor, the antiforgery header).</summary>
    private sealed record EditorClient(HttpClient Client, string Blade)
    {
        public Task<HttpResponseMessage> SaveAsync(Dictionary<string, string> fields) => SaveFieldsAsync([.. fields]);

        public Task<HttpResponseMessage> SaveFieldsAsync(List<KeyValuePair<string, string>> fields)
        {
            if (!fields.Any(f => f.Key == "isNew"))
            {
                fields.Add(new("isNew", "true"));
            }

            if (!fields.Any(f => f.Key == "_action"))
            {
                fields.Add(new("_action", "save"));
            }

            return SendAsync(Blade + "/save", fields);
        }

        public Task<HttpResponseMessage> DeleteAsync(string name, string etag) => SendAsync(Blade + "/delete", [new("name", name), new("etag", etag)]);

        public async Task<string> EtagInPaneAsync(string rule)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Blade}?panel=edit&rule={rule}");
            var page = Html.Parse(await (await Client.SendAsync(request)).Content.ReadAsStringAsync());
            return page.QuerySelector(".rule-form input[name=etag]")!.GetAttribute("value")!;
        }

        private async Task<HttpResponseMessage> SendAsync(string url, List<KeyValuePair<string, string>> fields)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("HX-Target", "rules-editor");
            return await Client.SendAsync(request);
        }
    }
}
