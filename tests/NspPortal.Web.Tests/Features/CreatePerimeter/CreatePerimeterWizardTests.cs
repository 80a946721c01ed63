using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.CreatePerimeter;

/// <summary>The create wizard posted step by step as the browser does, through the last Create.</summary>
public class CreatePerimeterWizardTests : IAsyncLifetime
{
    private static readonly Guid Prod = DemoTenant.Production;
    private static readonly string Audit = ArmIds.Resource(Prod, "rg-prod-data", "Microsoft.Storage/storageAccounts", "stcontosoaudit");
    private static readonly string Search = ArmIds.Resource(Prod, "rg-prod-data", "Microsoft.Search/searchServices", "srch-contoso-catalog");
    private static readonly string OrdersSql = ArmIds.Resource(Prod, "rg-prod-data", "Microsoft.Sql/servers", "sql-contoso-orders");
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<WizardSession> OpenAsync(NspRole role = NspRole.Contributor, NspScope? scope = null) =>
        await WizardSession.OpenAsync(await factory.CreateSignedInClientAsync(role, scope, allowAutoRedirect: false));

    /// <summary>Basics filled in for Contoso Production / rg-prod-network.</summary>
    private async Task<WizardSession> BasicsAsync(string name = "nsp-wizard")
    {
        var wizard = await OpenAsync();
        wizard.Set("subscription", Prod.ToString());
        await wizard.PressAsync("stay");
        wizard.Set("resourceGroup", "rg-prod-network").Set("perimeterName", name).Set("location", "westeurope");
        return wizard;
    }

    [Fact]
    public async Task OpensOnBasicsWithAzuresTabsTheFirstSubscriptionAndTheDefaultProfile()
    {
        var wizard = await OpenAsync();

        Assert.Equal(["Basics", "Resources", "Inbound access rules", "Outbound access rules", "Tags", "Review + create"],
            wizard.Wizard.QuerySelectorAll(".wizard-tab").Select(t => t.TextContent.Trim()));
        Assert.Equal("Basics", wizard.ShownTab);
        Assert.False(wizard.Wizard.QuerySelector("#wizard-panel-basics")!.HasAttribute("hidden"));
        Assert.True(wizard.Wizard.QuerySelector("#wizard-panel-resources")!.HasAttribute("hidden"));
        Assert.Equal(["Contoso Development", "Contoso Production"], wizard.Wizard.QuerySelectorAll("#wizard-subscription option").Select(o => o.TextContent));
        Assert.Equal(DemoTenant.Development.ToString(), wizard.Value("subscription"));
        Assert.Equal(["", "rg-dev-apps"], wizard.Wizard.QuerySelectorAll("#wizard-resourceGroup option").Select(o => o.GetAttribute("value")));
        Assert.Equal("defaultProfile", wizard.Value("profileName"));
        Assert.Equal("wizard-subscription", wizard.Focused);
        Assert.Empty(wizard.MarkedTabs); // nothing is red before the user had a chance
        Assert.Equal(["Review + create", "< Previous", "Next : Resources >"], wizard.Wizard.QuerySelectorAll(".wizard-footer button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task ChoosingAnotherSubscriptionOffersItsResourceGroups()
    {
        var wizard = await OpenAsync();
        wizard.Set("resourceGroup", "rg-dev-apps").Set("subscription", Prod.ToString());

        Assert.Equal(HttpStatusCode.OK, await wizard.PressAsync("stay"));

        Assert.Equal(["", "rg-prod-data", "rg-prod-network"], wizard.Wizard.QuerySelectorAll("#wizard-resourceGroup option").Select(o => o.GetAttribute("value")));
        Assert.Equal("", wizard.Value("resourceGroup"));
    }

    [Fact]
    public async Task NextNeverBlocksButMarksTheTabLeftWithErrorsAndGoingBackFocusesTheFirstError()
    {
        var wizard = await OpenAsync();

        await wizard.PressAsync("next");

        Assert.Equal("Resources", wizard.ShownTab);
        Assert.Equal(["Basics"], wizard.MarkedTabs);
        Assert.Equal("wizard-heading-resources", wizard.Focused);

        await wizard.PressAsync("tab:basics");

        Assert.Equal("Basics", wizard.ShownTab);
        Assert.Equal(["Select a resource group, or create a new one."], wizard.Messages("resourceGroup"));
        Assert.NotEmpty(wizard.Messages("name"));
        Assert.Equal("true", wizard.Wizard.QuerySelector("#wizard-name")!.GetAttribute("aria-invalid"));
        Assert.Equal("wizard-resourceGroup", wizard.Focused);
    }

    [Fact]
    public async Task NothingTypedIsLostMovingBetweenTabs()
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("tab:inbound-rules");
        await wizard.PressAsync("add-inbound");
        wizard.Set("inboundName", "allow-office").Set("inboundSources", "203.0.113.0/24\n2001:db8::/48");
        await wizard.PressAsync("tab:tags");
        wizard.Set("tag.name", "env").Set("tag.value", "prod");
        await wizard.PressAsync("previous");
        await wizard.PressAsync("tab:basics");

        Assert.Equal("nsp-wizard", wizard.Value("perimeterName"));
        Assert.Equal("westeurope", wizard.Value("location"));
        Assert.Equal("allow-office", wizard.Value("inboundName"));
        Assert.Equal("203.0.113.0/24\n2001:db8::/48", wizard.Value("inboundSources"));
        Assert.Equal("env", wizard.Value("tag.name"));
        Assert.Equal("prod", wizard.Value("tag.value"));
    }

    [Fact]
    public async Task TheNameIsCheckedAsYouTypeWithTheApiRulesAndTheResourceGroup()
    {
        var wizard = await BasicsAsync("bad name!");
        Assert.Contains("name", (await wizard.ValidateAsync("name")).TextContent, StringComparison.OrdinalIgnoreCase);

        wizard.Set("perimeterName", "nsp-contoso-prod");
        Assert.Equal("A network security perimeter named 'nsp-contoso-prod' already exists in resource group 'rg-prod-network'.",
            (await wizard.ValidateAsync("name")).TextContent.Trim());

        wizard.Set("perimeterName", "nsp-fresh");
        Assert.Empty((await wizard.ValidateAsync("name")).Children);
        wizard.Set("resourceGroup", "rg-prod-data").Set("perimeterName", "nsp-contoso-prod");
        Assert.Empty((await wizard.ValidateAsync("name")).Children); // free in another resource group
    }

    [Fact]
    public async Task ANewResourceGroupNameIsCheckedAsYouType()
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("rg-new");
        Assert.Equal("wizard-newResourceGroup", wizard.Focused);
        Assert.Equal("true", wizard.Value("createResourceGroup"));

        wizard.Set("newResourceGroup", "rg bad/name");
        Assert.Contains("invalid characters", (await wizard.ValidateAsync("newResourceGroup")).TextContent, StringComparison.Ordinal);
        wizard.Set("newResourceGroup", "RG-PROD-DATA");
        Assert.Contains("already exists", (await wizard.ValidateAsync("newResourceGroup")).TextContent, StringComparison.Ordinal);
        wizard.Set("newResourceGroup", "rg-new-network");
        Assert.Empty((await wizard.ValidateAsync("newResourceGroup")).Children);

        await wizard.PressAsync("rg-existing");
        Assert.Null(wizard.Value("createResourceGroup"));
        Assert.Equal("rg-new-network", wizard.Value("newResourceGroup")); // kept, should they switch back
    }

    [Fact]
    public async Task APrefixWithHostBitsIsExplainedWithTheNormalisedPrefixToTake()
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("add-inbound");
        wizard.Set("inboundName", "office").Set("inboundSources", "10.1.2.3/8, 2001:db8::1/32");

        var messages = await wizard.ValidateAsync("inbound-0-sources");

        Assert.Equal(["Use 10.0.0.0/8", "Use 2001:db8::/32"], messages.QuerySelectorAll("button").Select(b => b.TextContent));
        Assert.All(messages.QuerySelectorAll("button"), b => Assert.Equal("fix:inbound-0-sources", b.GetAttribute("value")));

        await wizard.PressAsync("fix:inbound-0-sources");

        Assert.Equal("10.0.0.0/8\n2001:db8::/32", wizard.Value("inboundSources"));
        Assert.Equal("wizard-inbound-0-sources", wizard.Focused);
        Assert.Empty((await wizard.ValidateAsync("inbound-0-sources")).Children);
    }

    [Theory]
    [InlineData("IpAddressRanges", "not-an-ip")]
    [InlineData("IpAddressRanges", "10.0.0.0/33")]
    [InlineData("IpAddressRanges", "2001:db8::/129")]
    [InlineData("IpAddressRanges", "")]
    [InlineData("Subscriptions", "not-a-subscription")]
    public async Task BadSourcesAreExplainedNextToTheField(string type, string sources)
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("add-inbound");
        wizard.Set("inboundName", "rule").Set("inboundSourceType", type).Set("inboundSources", sources);

        var messages = await wizard.ValidateAsync("inbound-0-sources");

        Assert.NotEmpty(messages.QuerySelectorAll(".field-error"));
    }

    [Fact]
    public async Task SubscriptionSourcesAcceptAGuidOrTheArmForm()
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("add-inbound");
        wizard.Set("inboundName", "partners").Set("inboundSourceType", "Subscriptions").Set("inboundSources", $"{DemoTenant.Development}\n/subscriptions/{Prod}");

        Assert.Empty((await wizard.ValidateAsync("inbound-0-sources")).Children);
    }

    [Fact]
    public async Task BadFqdnsAndDuplicateRuleNamesAreExplained()
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("add-inbound");
        await wizard.PressAsync("add-outbound");
        wizard.Set("inboundName", "shared").Set("inboundSources", "203.0.113.0/24")
            .Set("outboundName", "SHARED").Set("outboundDestinations", "contoso.com, not a domain");

        Assert.NotEmpty((await wizard.ValidateAsync("outbound-0-destinations")).QuerySelectorAll(".field-error"));
        Assert.Contains("already has a rule named 'SHARED'", (await wizard.ValidateAsync("outbound-0-name")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreRulesThanAProfileTakesAreRefused()
    {
        var wizard = await BasicsAsync();
        for (var i = 0; i < 201; i++)
        {
            wizard.Add("inboundName", $"r{i}").Add("inboundSourceType", "IpAddressRanges").Add("inboundSources", $"10.{i / 256}.{i % 256}.0/24");
        }

        Assert.Contains("201 inbound rules: a profile has at most 200", (await wizard.ValidateAsync("inbound")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePickerAddsResourcesInTransitionModeAndTheyCanBeRemoved()
    {
        var wizard = await BasicsAsync();
        await wizard.PressAsync("add-resources");

        Assert.NotNull(wizard.Wizard.QuerySelector("#resource-picker [role=dialog]"));
        Assert.Equal("resource-picker-name", wizard.Focused);
        var taken = wizard.Wizard.QuerySelector($"#resource-picker input[value='{OrdersSql}']")!;
        Assert.True(taken.HasAttribute("disabled"));

        wizard.Add("picker.selected", Audit).Add("picker.selected", Search);
        await wizard.PressAsync("picker-select");

        Assert.Null(wizard.Wizard.QuerySelector("#resource-picker"));
        Assert.Equal("Resources", wizard.ShownTab);
        var rows = wizard.Wizard.QuerySelectorAll("#wizard-panel-resources tbody tr").Select(r => r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["stcontosoaudit", "Storage account", "East US 2"], rows[0]);
        Assert.Equal(["srch-contoso-catalog", "Search service", "East US 2"], rows[1]);
        Assert.Equal(["Learning", "Learning"], [wizard.Value("resourceAccessMode", 0)!, wizard.Value("resourceAccessMode", 1)!]);
        Assert.Equal("Transition (Learning)", wizard.Wizard.QuerySelector("#wizard-resource-0-mode option[selected]")!.TextContent);

        await wizard.PressAsync("add-resources");
        Assert.Null(wizard.Wizard.QuerySelector($"#resource-picker input[type=checkbox][value='{Audit}']")); // already chosen: not offered again
        await wizard.PressAsync("picker-close");
        await wizard.PressAsync("remove-resource:0");
        Assert.Equal([Search], [wizard.Value("resource")!]);
    }

    [Fact]
    public async Task AResourceAlreadyInAnotherPerimeterIsRefusedNextToIt()
    {
        var wizard = await BasicsAsync();
        wizard.Add("resource", OrdersSql).Add("resourceAccessMode", "Learning");

        var message = await wizard.ValidateAsync("resource-0");

        Assert.Contains("already associated with the perimeter 'nsp-contoso-prod'", message.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoResourcesWithTheSameNameCannotBothBeAssociatedByTheWizard()
    {
        var wizard = await BasicsAsync();
        await using (var db = factory.CreateDbContext())
        {
            var group = await db.ResourceGroups.SingleAsync(g => g.Name == "rg-prod-network");
            var id = ArmIds.Resource(Prod, "rg-prod-network", "Microsoft.KeyVault/vaults", "stcontosoaudit");
            db.PaasResources.Add(new NspPortal.Data.Entities.PaasResourceEntity
            {
                Name = "stcontosoaudit",
                ResourceGroupId = group.Id,
                ResourceType = "Microsoft.KeyVault/vaults",
                ResourceIdKey = id.ToUpperInvariant(),
                Location = "westeurope",
            });
            await db.SaveChangesAsync();
            wizard.Add("resource", Audit).Add("resourceAccessMode", "Learning").Add("resource", id).Add("resourceAccessMode", "Learning");
        }

        Assert.Empty((await wizard.ValidateAsync("resource-0")).Children);
        Assert.Contains("also named 'stcontosoaudit'", (await wizard.ValidateAsync("resource-1")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMakesEverythingAndLandsOnTheDeploymentPage()
    {
        var wizard = await BasicsAsync();
        wizard.Add("resource", Audit).Add("resourceAccessMode", "Learning").Add("resource", Search).Add("resourceAccessMode", "Enforced")
            .Add("inboundName", "allow-office").Add("inboundSourceType", "IpAddressRanges").Add("inboundSources", "203.0.113.0/24\n2001:db8:1234::/48")
            .Add("inboundName", "allow-dev").Add("inboundSourceType", "Subscriptions").Add("inboundSources", DemoTenant.Development.ToString())
            .Add("outboundName", "allow-contoso").Add("outboundDestinations", "contoso.com, api.contoso.com")
            .Add("tag.name", "env").Add("tag.value", "prod");
        Assert.Equal(HttpStatusCode.OK, await wizard.PressAsync("review"));
        Assert.Equal("Validation passed", wizard.Wizard.QuerySelector("#wizard-validation")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.OK, await wizard.PressAsync("create"));

        var url = wizard.Response.Headers.GetValues("HX-Redirect").Single();
        Assert.Equal($"/deployments/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-wizard", url);
        await using (var db = factory.CreateDbContext())
        {
            var perimeter = await db.Perimeters.Include(p => p.Profiles).ThenInclude(p => p.AccessRules).Include(p => p.Associations).ThenInclude(a => a.PaasResource)
                .SingleAsync(p => p.Name == "nsp-wizard");
            Assert.Equal("westeurope", perimeter.Location);
            Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, perimeter.Tags);
            var profile = Assert.Single(perimeter.Profiles);
            Assert.Equal("defaultProfile", profile.Name);
            var rules = profile.AccessRules.OrderBy(r => r.Name).ToList();
            Assert.Equal(["allow-contoso", "allow-dev", "allow-office"], rules.Select(r => r.Name));
            Assert.Equal(["contoso.com", "api.contoso.com"], rules[0].FullyQualifiedDomainNames);
            Assert.Equal([$"/subscriptions/{DemoTenant.Development}"], rules[1].Subscriptions);
            Assert.Equal(["203.0.113.0/24", "2001:db8:1234::/48"], rules[2].AddressPrefixes);
            Assert.Equal([("srch-contoso-catalog", AccessMode.Enforced), ("stcontosoaudit", AccessMode.Learning)],
                perimeter.Associations.OrderBy(a => a.PaasResource!.Name).Select(a => (a.PaasResource!.Name, a.AccessMode)));
            Assert.All(perimeter.Associations, a => Assert.Equal($"{a.PaasResource!.Name}-{perimeter.PerimeterGuid:D}", a.Name));
            Assert.Equal("contributor.root@nspportal.test", perimeter.CreatedBy);
        }

        var page = Html.Parse(await wizard.Client.GetStringAsync(url));
        Assert.Equal("Your deployment is complete", page.QuerySelector("#deployment-status")!.TextContent);
        Assert.Equal(PortalRoutes(Prod, "rg-prod-network", "nsp-wizard"), page.QuerySelector("#go-to-resource")!.GetAttribute("href"));
        Assert.Equal(["nsp-wizard", "nsp-wizard/defaultProfile", "nsp-wizard/defaultProfile/allow-dev", "nsp-wizard/defaultProfile/allow-office",
            "nsp-wizard/defaultProfile/allow-contoso"], page.QuerySelectorAll(".deployment-details tbody tr td:first-child").Select(td => td.TextContent).Take(5));
        Assert.Equal(7, page.QuerySelectorAll(".deployment-details tbody tr").Length);
    }

    private static string PortalRoutes(Guid subscription, string group, string name) =>
        $"/resource/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Network/networkSecurityPerimeters/{name}/overview";

    [Fact]
    public async Task CreateWithANewResourceGroupMakesItInThePerimetersRegion()
    {
        var wizard = await BasicsAsync("nsp-in-new-group");
        await wizard.PressAsync("rg-new");
        wizard.Set("newResourceGroup", "rg-wizard-new");

        await wizard.PressAsync("create");

        Assert.EndsWith("/resourceGroups/rg-wizard-new/providers/Microsoft.Network/networkSecurityPerimeters/nsp-in-new-group", wizard.Response.Headers.GetValues("HX-Redirect").Single(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var group = await db.ResourceGroups.SingleAsync(g => g.Name == "rg-wizard-new");
        Assert.Equal(("westeurope", Prod), (group.Location, group.SubscriptionId));
        Assert.True(await db.Perimeters.AnyAsync(p => p.Name == "nsp-in-new-group" && p.ResourceGroupId == group.Id));
    }

    [Fact]
    public async Task CreateWithErrorsStaysOnReviewListsThemAndStoresNothing()
    {
        var wizard = await BasicsAsync("nsp-contoso-prod");
        wizard.Add("outboundName", "bad").Add("outboundDestinations", "not a domain");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await wizard.PressAsync("create"));

        Assert.Equal("Review + create", wizard.ShownTab);
        Assert.Equal(["Basics", "Outbound access rules"], wizard.MarkedTabs);
        Assert.StartsWith("Validation failed.", wizard.Wizard.QuerySelector("#wizard-validation strong")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("wizard-validation", wizard.Focused);
        var goTo = wizard.Wizard.QuerySelectorAll("#wizard-validation li button").Select(b => (b.TextContent, b.GetAttribute("value"))).ToList();
        Assert.Contains(("Basics", "goto:name"), goTo);
        Assert.Contains(("Outbound access rules", "goto:outbound-0-destinations"), goTo);
        Assert.Equal("nsp-contoso-prod", wizard.Value("perimeterName"));
        Assert.False(wizard.Response.Headers.Contains("HX-Redirect"));

        await wizard.PressAsync("goto:outbound-0-destinations");
        Assert.Equal("Outbound access rules", wizard.ShownTab);
        Assert.Equal("wizard-outbound-0-destinations", wizard.Focused);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Perimeters.CountAsync(p => p.Name == "nsp-contoso-prod"));
    }

    [Fact]
    public async Task ASecondCreateOfTheSameWizardGetsTheSameDeploymentAndNoSecondPerimeter()
    {
        var wizard = await BasicsAsync("nsp-once");

        var secondTab = wizard.Clone();

        var statuses = await Task.WhenAll(wizard.PressAsync("create"), secondTab.PressAsync("create"));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(wizard.Response.Headers.GetValues("HX-Redirect").Single(), secondTab.Response.Headers.GetValues("HX-Redirect").Single());

        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Perimeters.CountAsync(p => p.Name == "nsp-once"));
    }

    [Fact]
    public async Task ACallerCannotCreateInASubscriptionTheyOnlyRead()
    {
        await factory.EnsureUserAsync("mixed.roles@nspportal.test", (NspRole.Contributor, NspScope.Subscription(DemoTenant.Development)), (NspRole.Reader, NspScope.Subscription(Prod)));
        var client = await factory.CreateSignedInClientAsync("mixed.roles@nspportal.test", allowAutoRedirect: false);
        var wizard = await WizardSession.OpenAsync(client);
        Assert.Equal(["Contoso Development"], wizard.Wizard.QuerySelectorAll("#wizard-subscription option").Select(o => o.TextContent));
        wizard.Set("subscription", Prod.ToString()).Set("resourceGroup", "rg-prod-network").Set("perimeterName", "nsp-sneaky").Set("location", "westeurope");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await wizard.PressAsync("create"));

        Assert.Contains("Contributor", string.Join(" ", wizard.Messages("subscription")), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Perimeters.AnyAsync(p => p.Name == "nsp-sneaky"));
    }

    [Fact]
    public async Task AnExpiredFormTokenChangesNothingAndKeepsTheInput()
    {
        var wizard = await BasicsAsync("nsp-overnight");

        using var request = new HttpRequestMessage(HttpMethod.Post, WizardSession.Page)
        {
            Content = new FormUrlEncodedContent([new("perimeterName", "nsp-overnight"), new("command", "create"), new("__RequestVerificationToken", "expired")]),
        };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "wizard");
        request.Headers.Add("RequestVerificationToken", "expired-overnight");
        var response = await wizard.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // htmx swaps nothing on 400: the page keeps the draft
        Assert.Contains("security token expired", response.Headers.GetValues("X-Nsp-Message").Single(), StringComparison.Ordinal);
        Assert.NotEmpty(response.Headers.GetValues("X-Nsp-Antiforgery-Token").Single());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Perimeters.AnyAsync(p => p.Name == "nsp-overnight"));
    }

    [Fact]
    public async Task WithoutScriptsEveryButtonPostsTheFormAndGetsTheWholePage()
    {
        var wizard = await BasicsAsync("nsp-no-script");

        Assert.Equal(HttpStatusCode.OK, await wizard.PressAsync("next", htmx: false));

        Assert.Equal("Resources", wizard.ShownTab);
        Assert.Equal("nsp-no-script", wizard.Value("perimeterName"));
        var status = (int)await wizard.PressAsync("create", htmx: false);
        Assert.True(status < 400, await wizard.Response.Content.ReadAsStringAsync());
        Assert.InRange(status, 300, 399);
        Assert.StartsWith("/deployments/subscriptions/", Html.RedirectTarget(wizard.Response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderCannotOpenTheWizard()
    {
        var reader = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(Prod), allowAutoRedirect: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(WizardSession.Page)).StatusCode);
    }
}
