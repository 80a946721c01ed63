using AngleSharp.Dom;
using NspPortal.TestSupport;
using NspPortal.Web.Features.CreatePerimeter;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Features.ResourcePicker;

namespace NspPortal.Web.Tests.Features.CreatePerimeter;

/// <summary>Each tab of the wizard rendered alone, with and without errors.</summary>
public class WizardTabsTests
{
    private static readonly Guid Prod = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");
    private static readonly PickerResource Audit = new("stcontosoaudit", "Microsoft.Storage/storageAccounts", "rg-prod-data", "eastus2", Prod, "Contoso Production", null);
    private static readonly PickerResource Orders = new("sql-contoso-orders", "Microsoft.Sql/servers", "rg-prod-data", "eastus2", Prod, "Contoso Production", "nsp-contoso-prod");

    private static WizardView View(WizardDraft draft, WizardTab tab, WizardIssues? issues = null, string? focus = null) =>
        new(draft, new WizardChoices([new SubscriptionOption(Prod, "Contoso Production")], ["rg-prod-data", "rg-prod-network"],
            new Dictionary<string, PickerResource>(StringComparer.OrdinalIgnoreCase) { [Audit.Id] = Audit, [Orders.Id] = Orders }, 2), issues ?? new WizardIssues(), tab)
        { Focus = focus };

    private static async Task<IElement> RenderAsync<T>(WizardView view) where T : Microsoft.AspNetCore.Components.IComponent =>
        Html.ParseFragment(await ComponentRenderer.RenderAsync<T>(new Dictionary<string, object?> { ["View"] = view }));

    private static WizardDraft Draft(params WizardTab[] visited)
    {
        var draft = new WizardDraft { Subscription = Prod.ToString(), ResourceGroup = "rg-prod-network", Name = "nsp-new", Location = "westeurope" };
        draft.Visited.UnionWith(visited);
        return draft;
    }

    [Fact]
    public async Task BasicsLabelsEveryFieldAndShowsTheNameErrorNextToItOnceTheTabWasVisited()
    {
        var issues = new WizardIssues();
        issues.Error(FieldKeys.Name, "A network security perimeter named 'nsp-new' already exists in resource group 'rg-prod-network'.");
        var draft = Draft(WizardTab.Basics);

        var html = await RenderAsync<BasicsTab>(View(draft, WizardTab.Basics, issues, FieldKeys.Name));

        Assert.Equal(["Subscription", "Resource group", "Name", "Region", "Profile name"], html.QuerySelectorAll("label.required").Select(l => l.TextContent));
        Assert.All(html.QuerySelectorAll("label.required"), l => Assert.NotNull(html.QuerySelector("#" + l.GetAttribute("for"))));
        Html.AssertEquivalent("""
            <div class="field">
              <label for="wizard-name" class="required">Name</label>
              <input id="wizard-name" name="perimeterName" type="text" maxlength="80" value="nsp-new" autocomplete="off" spellcheck="false" aria-required="true"
                     aria-invalid="true" autofocus hx-post="/create/Microsoft.Network/networkSecurityPerimeters/validate?field=name"
                     hx-trigger="input changed delay:400ms, change, change from:#wizard-resourceGroup" hx-target="#wizard-name-message" hx-swap="outerHTML"
                     hx-sync="this:queue last" aria-describedby="wizard-name-message" />
              <div id="wizard-name-message" class="field-messages" aria-live="polite">
                <div class="field-error"><svg diff:ignore></svg><span>A network security perimeter named 'nsp-new' already exists in resource group 'rg-prod-network'.</span></div>
              </div>
            </div>
            """, html.QuerySelector("#wizard-name")!.ParentElement!.OuterHtml);
        Assert.Equal("rg-prod-network", html.QuerySelector("#wizard-resourceGroup option[selected]")!.TextContent);
        Assert.Equal("rg-new", html.QuerySelector("button.link-button")!.GetAttribute("value"));
        Assert.False(html.QuerySelector("section")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task BasicsHidesErrorsOfATabNotYetVisitedAndIsHiddenWhenAnotherTabIsShown()
    {
        var issues = new WizardIssues();
        issues.Error(FieldKeys.Name, "Enter a name.");

        var html = await RenderAsync<BasicsTab>(View(Draft(), WizardTab.Resources, issues));

        Assert.True(html.QuerySelector("section")!.HasAttribute("hidden"));
        Assert.Empty(html.QuerySelector("#wizard-name-message")!.Children);
        Assert.False(html.QuerySelector("#wizard-name")!.HasAttribute("aria-invalid"));
    }

    [Fact]
    public async Task ResourcesListsTypeLocationAndAccessModeAndExplainsAResourceInAnotherPerimeter()
    {
        var draft = Draft(WizardTab.Resources);
        draft.Resources.Add(new ResourceDraft(Audit.Id, "Learning"));
        draft.Resources.Add(new ResourceDraft(Orders.Id, "Enforced"));
        var issues = new WizardIssues();
        issues.Error(FieldKeys.Resource(1), "sql-contoso-orders is already associated with the perimeter 'nsp-contoso-prod'.");

        var html = await RenderAsync<ResourcesTab>(View(draft, WizardTab.Resources, issues));

        var rows = html.QuerySelectorAll("tbody tr");
        Assert.Equal(["stcontosoaudit", "Storage account", "East US 2"], rows[0].QuerySelectorAll("td").Take(3).Select(td => td.QuerySelector(".name-cell")?.TextContent ?? td.TextContent.Trim()));
        Assert.Equal("Transition (Learning)", rows[0].QuerySelector("select option[selected]")!.TextContent);
        Assert.Equal("Enforced", rows[1].QuerySelector("select option[selected]")!.TextContent);
        Assert.Equal("Access mode of sql-contoso-orders", rows[1].QuerySelector("label")!.TextContent);
        Assert.Equal("invalid", rows[1].GetAttribute("class"));
        Assert.Contains("already associated", rows[1].QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Remove stcontosoaudit", "remove-resource:0"), (rows[0].QuerySelector("button")!.GetAttribute("aria-label"), rows[0].QuerySelector("button")!.GetAttribute("value")));
        Assert.Equal(Audit.Id, rows[0].QuerySelector("input[type=hidden][name=resource]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ResourcesSaysWhatToDoWhenNoneAreSelected()
    {
        var html = await RenderAsync<ResourcesTab>(View(Draft(), WizardTab.Resources));

        Assert.StartsWith("No resources selected.", html.QuerySelector(".wizard-empty")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("add-resources", html.QuerySelector("#wizard-add-resources")!.GetAttribute("value"));
    }

    [Fact]
    public async Task InboundRulesOfferTheNormalisedPrefixNextToTheSources()
    {
        var draft = Draft(WizardTab.Inbound);
        draft.Inbound.Add(new InboundRuleDraft("office", SourceTypes.IpAddressRanges, "10.1.2.3/8"));
        var issues = new WizardIssues();
        issues.Error(FieldKeys.InboundSources(0), "'10.1.2.3/8' has host bits set.", "10.0.0.0/8");

        var html = await RenderAsync<InboundRulesTab>(View(draft, WizardTab.Inbound, issues));

        Html.AssertEquivalent("""
            <div id="wizard-inbound-0-sources-message" class="field-messages" aria-live="polite">
              <div class="field-error"><svg diff:ignore></svg><span>'10.1.2.3/8' has host bits set.
                <button type="submit" class="link-button" name="command" value="fix:inbound-0-sources" formnovalidate>Use 10.0.0.0/8</button></span></div>
            </div>
            """, html.QuerySelector("#wizard-inbound-0-sources-message")!.OuterHtml);
        Assert.Equal("true", html.QuerySelector("#wizard-inbound-0-sources")!.GetAttribute("aria-invalid"));
        Assert.Equal(["IP address ranges", "Subscriptions"], html.QuerySelectorAll("#wizard-inbound-0-type option").Select(o => o.TextContent));
        Assert.Equal(["Rule name", "Source type", "Allowed sources"], html.QuerySelectorAll("thead th").Take(3).Select(th => th.TextContent));
    }

    [Fact]
    public async Task OutboundRulesAreFqdnOnly()
    {
        var draft = Draft(WizardTab.Outbound);
        draft.Outbound.Add(new OutboundRuleDraft("allow-contoso", "contoso.com, not a domain"));
        var issues = new WizardIssues();
        issues.Error(FieldKeys.OutboundDestinations(0), "'not a domain' is not a valid FQDN.");

        var html = await RenderAsync<OutboundRulesTab>(View(draft, WizardTab.Outbound, issues));

        Assert.Equal(["Rule name", "Destination type", "Allowed destinations"], html.QuerySelectorAll("thead th").Take(3).Select(th => th.TextContent));
        Assert.Equal("FQDN", html.QuerySelectorAll("tbody td")[1].TextContent);
        Assert.Equal("contoso.com, not a domain", html.QuerySelector("#wizard-outbound-0-destinations")!.TextContent);
        Assert.Equal("'not a domain' is not a valid FQDN.", html.QuerySelector("#wizard-outbound-0-destinations-message")!.TextContent.Trim());
    }

    [Fact]
    public async Task TagsAlwaysOfferAnEmptyRowAndShowTheirProblems()
    {
        var draft = Draft(WizardTab.Tags);
        draft.Tags.Add(("env", "prod"));
        var issues = new WizardIssues();
        issues.Error(FieldKeys.Tags, "Row 1: the tag name 'env' is used twice (names ignore case).");

        var html = await RenderAsync<TagsTab>(View(draft, WizardTab.Tags, issues));

        Assert.Equal(["env", ""], html.QuerySelectorAll("input[name='tag.name']").Select(i => i.GetAttribute("value")));
        Assert.Equal(["Tag name 1", "Tag value 1", "Tag name 2", "Tag value 2"], html.QuerySelectorAll("label").Select(l => l.TextContent));
        Assert.Single(html.QuerySelectorAll("button[value^='remove-tag']"));
        Assert.Contains("used twice", html.QuerySelector("#wizard-tags-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewListsEveryErrorWithAWayToItsFieldAndSummarisesTheDraft()
    {
        var draft = Draft(WizardTabs.All.ToArray());
        draft.Inbound.Add(new InboundRuleDraft("office", SourceTypes.IpAddressRanges, "203.0.113.0/24\n2001:db8::/48"));
        var issues = new WizardIssues();
        issues.Error(FieldKeys.Location, "Select a region.");
        issues.Error(FieldKeys.OutboundDestinations(0), "Enter at least one FQDN.");

        var html = await RenderAsync<ReviewTab>(View(draft, WizardTab.Review, issues, WizardView.FocusSummary));

        var summary = html.QuerySelector("#wizard-validation")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Equal([("Basics", "goto:location"), ("Outbound access rules", "goto:outbound-0-destinations")],
            summary.QuerySelectorAll("li button").Select(b => (b.TextContent, b.GetAttribute("value")!)));
        Assert.Equal(["Contoso Production", "rg-prod-network", "nsp-new", "West Europe", "defaultProfile"], html.QuerySelectorAll("dl.review-list")[0].QuerySelectorAll("dd").Select(d => d.TextContent));
        Assert.Equal(["203.0.113.0/24", "2001:db8::/48"], html.QuerySelectorAll("table[aria-label='Inbound access rules to create'] li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task ReviewSaysValidationPassedWhenThereIsNothingToFix()
    {
        var html = await RenderAsync<ReviewTab>(View(Draft(WizardTabs.All.ToArray()), WizardTab.Review));

        Assert.Equal("Validation passed", html.QuerySelector("#wizard-validation[role=status]")!.TextContent.Trim());
    }
}
