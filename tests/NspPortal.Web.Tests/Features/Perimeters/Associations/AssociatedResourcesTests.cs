using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data.Traffic;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;
using static NspPortal.Web.Tests.Features.Perimeters.BladeTestClient;

namespace NspPortal.Web.Tests.Features.Perimeters.Associations;

/// <summary>The Associated resources blade on a seeded portal (SQLite, or PostgreSQL with NSPPORTAL_TEST_DATABASE):
/// every action through the service layer, in one transaction, with the ETags the pane was opened with.</summary>
public class AssociatedResourcesTests : IAsyncLifetime
{
    private static readonly string Page = Prod + "/associatedResources";
    private static readonly Guid Guid = System.Guid.Parse("4a1f6c2e-8b3d-4e5f-9a7b-0c1d2e3f4a5b");
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static string Assoc(string resource) => $"{resource}-{Guid}";

    [Fact]
    public async Task TheGridListsEveryAssociationWithItsModeAndEffectivePublicAccess()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("nsp-contoso-prod | Associated resources", page.QuerySelector("h1")!.TextContent);
        var rows = page.QuerySelectorAll("table.associations-grid tbody tr");
        Assert.Equal(6, rows.Length);
        var sql = rows.Single(r => r.GetAttribute("data-association") == Assoc("sql-contoso-orders"));
        var cells = sql.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith("sql-contoso-orders", cells[1], StringComparison.Ordinal);
        Assert.Equal("SQL server", cells[2]);
        Assert.Equal("defaultProfile", cells[3]);
        Assert.Equal("Enforced", cells[4]);
        Assert.StartsWith("Secured by perimeter", cells[5], StringComparison.Ordinal);
        Assert.Contains("Configured: Enabled", cells[5], StringComparison.Ordinal);
        Assert.Equal("Succeeded", cells[6]);
        Assert.Equal("None", cells[7]);
        // A reader gets no checkboxes and no enabled commands.
        Assert.Empty(page.QuerySelectorAll("input[name=selected]"));
        Assert.All(page.QuerySelectorAll(".commandbar.inline .cmd[aria-disabled=true]"), c => Assert.NotNull(c.GetAttribute("title")));
        Assert.Empty(page.QuerySelectorAll("button[name=pane]"));
    }

    [Fact]
    public async Task ChangingTwoResourcesToEnforcedSavesBothAndSaysSo()
    {
        var client = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await client.GetAsync($"{Page}?pane=accessMode&selected={Assoc("stcontosoorders")}&selected={Assoc("evhns-contoso-telemetry")}"));
        Assert.Equal("Change access mode", pane.QuerySelector(".context-pane h2")!.TextContent);
        // The pane reports what the traffic log says for exactly these two associations over the last 7 days.
        WouldBeDeniedSummary expected;
        await using (var scope = factory.Services.CreateAsyncScope())
        await using (var read = factory.CreateDbContext())
        {
            var ids = await read.ResourceAssociations.Where(a => a.Name == Assoc("stcontosoorders") || a.Name == Assoc("evhns-contoso-telemetry")).Select(a => a.Id).ToListAsync();
            var perimeterId = await read.Perimeters.Where(p => p.Name == "nsp-contoso-prod").Select(p => p.Id).SingleAsync();
            expected = await scope.ServiceProvider.GetRequiredService<ITrafficInsights>().WouldBeDeniedAsync(perimeterId, ids, TimeSpan.FromDays(7));
        }

        var impact = pane.QuerySelector("[data-impact]")!;
        if (expected.NoTrafficLogged)
        {
            Assert.Equal("none", impact.GetAttribute("data-impact"));
            Assert.Contains("No traffic logged yet", impact.TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected.WouldBeDenied.ToString(System.Globalization.CultureInfo.InvariantCulture), impact.GetAttribute("data-impact"));
            Assert.Contains(expected.LoggedConnections.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " connections logged in the last 7 days", impact.TextContent, StringComparison.Ordinal);
        }
        Assert.True(pane.QuerySelector("input[name=value][value=Enforced]")!.HasAttribute("checked"));

        var response = await client.PostAsync(Page + "/accessMode", Form([.. Hidden(pane), ("value", "Enforced")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blade = await FragmentAsync(response);
        Assert.Equal("2 resources changed to Enforced.", blade.QuerySelector(".messagebar.success span")!.TextContent);
        Assert.Null(blade.QuerySelector(".context-pane"));
        await using var db = factory.CreateDbContext();
        var modes = await db.ResourceAssociations.Where(a => a.Name == Assoc("stcontosoorders") || a.Name == Assoc("evhns-contoso-telemetry")).Select(a => a.AccessMode).ToListAsync();
        Assert.Equal([AccessMode.Enforced, AccessMode.Enforced], modes);
        var logged = await db.ActivityLog.Where(e => e.ResourceType == "Microsoft.Network/networkSecurityPerimeters/resourceAssociations" && e.Caller == PortalFactory.OwnerEmail).ToListAsync();
        Assert.Equal(2, logged.Count);
        Assert.Single(logged.Select(e => e.CorrelationId).Distinct());
    }

    [Fact]
    public async Task AStaleSelectionIsRefusedWithTheCurrentValuesAndNothingChanges()
    {
        var alice = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await alice.GetAsync($"{Page}?pane=accessMode&selected={Assoc("stcontosoorders")}&selected={Assoc("cosmos-contoso-catalog")}"));
        var bob = await HtmxAsync(factory, "associations", NspRole.Contributor, NspScope.Subscription(DemoTenant.Production));
        var bobPane = await FragmentAsync(await bob.GetAsync($"{Page}?pane=accessMode&selected={Assoc("cosmos-contoso-catalog")}"));
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsync(Page + "/accessMode", Form([.. Hidden(bobPane), ("value", "Audit")]))).StatusCode);

        var response = await alice.PostAsync(Page + "/accessMode", Form([.. Hidden(pane), ("value", "Enforced")]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var blade = await FragmentAsync(response);
        var problems = blade.QuerySelector(".context-pane .messagebar.warning")!.TextContent;
        Assert.Contains("Someone else changed this after you opened it", problems, StringComparison.Ordinal);
        Assert.Contains("cosmos-contoso-catalog", problems, StringComparison.Ordinal);
        // The current values are shown, the user's choice is kept, and the new ETags let them apply again.
        Assert.Contains("Audit", blade.QuerySelector(".context-pane table.selected-list")!.TextContent, StringComparison.Ordinal);
        Assert.True(blade.QuerySelector("input[name=value][value=Enforced]")!.HasAttribute("checked"));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AccessMode.Learning, (await db.ResourceAssociations.SingleAsync(a => a.Name == Assoc("stcontosoorders"))).AccessMode);
        }

        var again = await alice.PostAsync(Page + "/accessMode", Form([.. Hidden(blade), ("value", "Enforced")]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task AskingForTheModeAResourceAlreadyHasIsRefusedSayingWhy()
    {
        var client = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await client.GetAsync($"{Page}?pane=accessMode&selected={Assoc("kv-contoso-prod")}"));

        var response = await client.PostAsync(Page + "/accessMode", Form([.. Hidden(pane), ("value", "Enforced")]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already in Enforced mode", (await FragmentAsync(response)).QuerySelector(".context-pane .messagebar")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicNetworkAccessExplainsTheConsequencesThenChangesTheResource()
    {
        var client = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await client.GetAsync($"{Page}?pane=publicNetworkAccess&selected={Assoc("stcontosoorders")}"));
        var secured = pane.QuerySelector("input[name=value][value=SecuredByPerimeter]")!.ParentElement!.TextContent;
        Assert.Contains("In Transition (Learning): inbound perimeter rules only; trusted services are not honoured; outbound perimeter rules only.", secured, StringComparison.Ordinal);
        Assert.Contains("locks down", secured, StringComparison.Ordinal);
        Assert.Contains("resource's own firewall", pane.QuerySelector("input[name=value][value=Enabled]")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var response = await client.PostAsync(Page + "/publicNetworkAccess", Form([.. Hidden(pane), ("value", "SecuredByPerimeter")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(PublicNetworkAccess.SecuredByPerimeter, (await db.PaasResources.SingleAsync(r => r.Name == "stcontosoorders")).PublicNetworkAccess);
    }

    [Fact]
    public async Task MovingToAnotherProfileKeepsTheAccessMode()
    {
        var client = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await client.GetAsync($"{Page}?pane=move&selected={Assoc("sql-contoso-orders")}"));
        Assert.Equal("monitoring", pane.QuerySelector("#move-profile option[selected]")!.GetAttribute("value"));

        var response = await client.PostAsync(Page + "/move", Form([.. Hidden(pane), ("value", "monitoring")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1 resource moved to the profile 'monitoring'.", (await FragmentAsync(response)).QuerySelector(".messagebar span")!.TextContent);
        await using var db = factory.CreateDbContext();
        var moved = await db.ResourceAssociations.Include(a => a.Profile).SingleAsync(a => a.Name == Assoc("sql-contoso-orders"));
        Assert.Equal(("monitoring", AccessMode.Enforced), (moved.Profile!.Name, moved.AccessMode));
    }

    [Fact]
    public async Task RemovingWarnsAboutLockDownAndKeepsTheResources()
    {
        var client = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await client.GetAsync($"{Page}?pane=remove&selected={Assoc("cosmos-contoso-catalog")}&selected={Assoc("stcontosoorders")}"));
        Assert.Equal("Remove 2 resources", pane.QuerySelector(".context-pane h2")!.TextContent);
        Assert.Contains("locked down", pane.QuerySelector(".remove-list .consequence.risk")!.TextContent, StringComparison.Ordinal);

        var response = await client.PostAsync(Page + "/remove", Form(Hidden(pane).ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blade = await FragmentAsync(response);
        Assert.Equal(4, blade.QuerySelectorAll("tbody tr").Length);
        await using var db = factory.CreateDbContext();
        Assert.Equal(4, await db.ResourceAssociations.CountAsync(a => a.Perimeter!.Name == "nsp-contoso-prod"));
        Assert.True(await db.PaasResources.AnyAsync(r => r.Name == "cosmos-contoso-catalog"));
    }

    [Fact]
    public async Task AddingWithANewProfilePicksResourcesThenCreatesProfileAndAssociationsTogether()
    {
        var client = await HtmxAsync(factory, "associations");
        var picker = await FragmentAsync(await client.GetAsync($"{Page}?pane=add&profileChoice=new&newProfile=analytics&value=Learning&command=picker-open"));
        Assert.Equal("Select resources", picker.QuerySelector("#add-resource-picker h2")!.TextContent);
        var offered = picker.QuerySelectorAll("#add-resource-picker input[name='picker.selected']:not([disabled])").Select(i => i.GetAttribute("value")!.Split('/')[^1]).Order().ToList();
        Assert.Equal(["sql-contoso-dev", "srch-contoso-catalog", "stcontosoaudit"], offered);
        Assert.Equal(3, picker.QuerySelectorAll("#add-resource-picker input[name='picker.selected'][disabled]").Length);
        Assert.DoesNotContain(picker.QuerySelectorAll("#add-resource-picker input[name='picker.selected']"), i => i.GetAttribute("value")!.EndsWith("/sql-contoso-orders", StringComparison.Ordinal));
        Assert.Equal("analytics", picker.QuerySelector("#add-new-profile")!.GetAttribute("value"));
        var audit = picker.QuerySelector("input[name='picker.selected'][value$=stcontosoaudit]")!.GetAttribute("value")!;
        var search = picker.QuerySelector("input[name='picker.selected'][value$=srch-contoso-catalog]")!.GetAttribute("value")!;

        var selected = await FragmentAsync(await client.GetAsync($"{Page}?pane=add&profileChoice=new&newProfile=analytics&value=Learning&picker.open=true" +
            $"&picker.selected={Uri.EscapeDataString(audit)}&picker.selected={Uri.EscapeDataString(search)}&command=picker-select"));
        Assert.Null(selected.QuerySelector("#add-resource-picker"));
        Assert.Equal([audit, search], selected.QuerySelectorAll("input[name=resource]").Select(i => i.GetAttribute("value")));
        Assert.False(selected.QuerySelector("button[formaction$='/associatedResources/add']")!.HasAttribute("disabled"));

        var response = await client.PostAsync(Page + "/add", Form(("profileChoice", "new"), ("newProfile", "analytics"), ("value", "Learning"), ("resource", audit), ("resource", search)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2 resources associated with the profile 'analytics' in Transition (Learning).", (await FragmentAsync(response)).QuerySelector(".messagebar span")!.TextContent);
        await using var db = factory.CreateDbContext();
        var added = await db.ResourceAssociations.Include(a => a.Profile).Where(a => a.Profile!.Name == "analytics").OrderBy(a => a.Name).ToListAsync();
        Assert.Equal([$"srch-contoso-catalog-{Guid}", $"stcontosoaudit-{Guid}"], added.Select(a => a.Name));
        Assert.All(added, a => Assert.Equal(AccessMode.Learning, a.AccessMode));
    }

    [Fact]
    public async Task AddingAResourceOfAnotherPerimeterStoresNothingAndKeepsWhatWasTyped()
    {
        var client = await HtmxAsync(factory, "associations");
        var free = $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoaudit";
        var taken = $"/subscriptions/{DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.KeyVault/vaults/kv-contoso-dev";

        var response = await client.PostAsync(Page + "/add", Form(("profileChoice", "new"), ("newProfile", "vaults"), ("value", "Learning"), ("resource", free), ("resource", taken)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var blade = await FragmentAsync(response);
        Assert.Contains("nsp-contoso-dev", blade.QuerySelector(".context-pane .messagebar.error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("vaults", blade.QuerySelector("#add-new-profile")!.GetAttribute("value"));
        Assert.True(blade.QuerySelector("input[name=profileChoice][value=new]")!.HasAttribute("checked"));
        Assert.Equal([free, taken], blade.QuerySelectorAll("input[type=hidden][name=resource]").Select(i => i.GetAttribute("value")));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Profiles.AnyAsync(p => p.Name == "vaults"));
        Assert.False(await db.ResourceAssociations.AnyAsync(a => a.PaasResource!.Name == "stcontosoaudit"));
    }

    [Fact]
    public async Task AnActionWithoutASelectionAsksForOne()
    {
        var client = await HtmxAsync(factory, "associations");

        var blade = await FragmentAsync(await client.GetAsync($"{Page}?pane=remove"));

        Assert.Null(blade.QuerySelector(".context-pane"));
        Assert.Equal("Select one or more resources first, then choose the action.", blade.QuerySelector(".messagebar.info span")!.TextContent);
    }

    [Fact]
    public async Task AReaderCannotChangeAnything()
    {
        var owner = await HtmxAsync(factory, "associations");
        var pane = await FragmentAsync(await owner.GetAsync($"{Page}?pane=accessMode&selected={Assoc("stcontosoorders")}"));
        var reader = await HtmxAsync(factory, "associations", NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var response = await reader.PostAsync(Page + "/accessMode", Form([.. Hidden(pane), ("value", "Enforced")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(AccessMode.Learning, (await db.ResourceAssociations.SingleAsync(a => a.Name == Assoc("stcontosoorders"))).AccessMode);
    }

    [Fact]
    public async Task WithoutScriptsTheGridOpensThePaneAndThePanePostsBack()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Contributor, NspScope.Subscription(DemoTenant.Production), allowAutoRedirect: false);
        var page = Html.Parse(await client.GetStringAsync($"{Page}?pane=accessMode&selected={Assoc("evhns-contoso-telemetry")}"));
        Assert.Equal("nsp-contoso-prod | Associated resources", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("#association-pane"));

        var response = await client.SubmitFormAsync($"{Page}?pane=accessMode&selected={Assoc("evhns-contoso-telemetry")}", ".context-pane form", new Dictionary<string, string> { ["value"] = "Audit" });

        Assert.Equal(Page + "?result=done", Html.RedirectTarget(response));
        await using var db = factory.CreateDbContext();
        Assert.Equal(AccessMode.Audit, (await db.ResourceAssociations.SingleAsync(a => a.Name == Assoc("evhns-contoso-telemetry"))).AccessMode);
    }
}
