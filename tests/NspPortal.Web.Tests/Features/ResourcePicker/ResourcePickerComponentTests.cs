using NspPortal.TestSupport;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Features.ResourcePicker;

namespace NspPortal.Web.Tests.Features.ResourcePicker;

/// <summary>The "Select resources" pane and its list, rendered alone.</summary>
public class ResourcePickerComponentTests
{
    private static readonly Guid Prod = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");

    private static readonly PickerResource Free = new("stcontosoaudit", "Microsoft.Storage/storageAccounts", "rg-prod-data", "eastus2", Prod, "Contoso Production", null);

    private static readonly PickerResource Taken = new("kv-contoso-prod", "Microsoft.KeyVault/vaults", "rg-prod-data", "eastus2", Prod, "Contoso Production", "nsp-contoso-prod");

    private const string Include =
        "#resource-picker [name='picker.subscription'], #resource-picker [name='picker.type'], #resource-picker [name='picker.name'], #resource-picker [name='picker.selected'], #resource-picker [name='picker.exclude']";

    private static Task<string> Results(PickerPage data, ResourcePickerState state) =>
        ComponentRenderer.RenderAsync<ResourcePickerResults>(new Dictionary<string, object?> { ["Data"] = data, ["State"] = state });

    [Fact]
    public async Task ListsEachResourceWithACheckboxAndShowsWhyOneInAPerimeterCannotBeTicked()
    {
        var html = await Results(new PickerPage([Taken, Free], 2, 1, []), ResourcePickerState.Empty);

        Html.AssertEquivalent($$"""
            <div id="resource-picker-results" class="picker-results">
              <div class="picker-summary"><p class="grid-summary" role="status">Showing 1 to 2 of 2 resources.</p></div>
              <div class="grid-wrap">
                <table class="grid picker-grid" aria-label="Resources">
                  <thead><tr>
                    <th scope="col" class="check"><span class="visually-hidden">Select</span></th>
                    <th scope="col">Name</th><th scope="col">Resource type</th><th scope="col">Resource group</th>
                    <th scope="col">Location</th><th scope="col">Subscription</th><th scope="col">Network security perimeter</th>
                  </tr></thead>
                  <tbody>
                    <tr class="unavailable">
                      <td class="check"><input type="checkbox" id="resource-picker-results-row-0" name="picker.selected" value="{{Taken.Id}}" disabled aria-describedby="resource-picker-results-row-0-why" /></td>
                      <td><label for="resource-picker-results-row-0">kv-contoso-prod</label></td>
                      <td>Key vault</td><td>rg-prod-data</td><td>East US 2</td><td>Contoso Production</td>
                      <td><span id="resource-picker-results-row-0-why" class="picker-taken">Already in nsp-contoso-prod: a resource belongs to one perimeter at a time.</span></td>
                    </tr>
                    <tr>
                      <td class="check"><input type="checkbox" id="resource-picker-results-row-1" name="picker.selected" value="{{Free.Id}}" /></td>
                      <td><label for="resource-picker-results-row-1">stcontosoaudit</label></td>
                      <td>Storage account</td><td>rg-prod-data</td><td>East US 2</td><td>Contoso Production</td>
                      <td><span class="muted">None</span></td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </div>
            """, html);
    }

    [Fact]
    public async Task KeepsTheSelectionOfOtherPagesInHiddenFieldsAndPagesThroughTheListEndpoint()
    {
        var elsewhere = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Sql/servers/sql-elsewhere";
        var state = new ResourcePickerState(new PickerFilter(null, null, "st", 2), [elsewhere, Free.Id], []);

        var html = Html.ParseFragment(await Results(new PickerPage([Free], 45, 2, []), state));

        Assert.Equal([elsewhere], html.QuerySelectorAll("input[type=hidden][name='picker.selected']").Select(i => i.GetAttribute("value")));
        Assert.True(html.QuerySelector("#resource-picker-results-row-0")!.HasAttribute("checked"));
        Assert.Equal("Showing 21 to 21 of 45 resources.", html.QuerySelector(".grid-summary[role=status]")!.TextContent);
        Assert.Equal("2 selected", html.QuerySelectorAll(".grid-summary")[1].TextContent);
        Html.AssertEquivalent($$"""
            <nav class="pager" aria-label="Pages of resources">
              <button type="submit" class="btn" name="picker.page" value="1" formnovalidate hx-get="/pickers/resources" hx-target="#resource-picker-results" hx-swap="outerHTML"
                      hx-include="{{Include}}" hx-vals='{"picker.page":"1"}'>Previous</button>
              <span>Page 2 of 3</span>
              <button type="submit" class="btn" name="picker.page" value="3" formnovalidate hx-get="/pickers/resources" hx-target="#resource-picker-results" hx-swap="outerHTML"
                      hx-include="{{Include}}" hx-vals='{"picker.page":"3"}'>Next</button>
            </nav>
            """, html.QuerySelector("nav.pager")!.OuterHtml);
    }

    [Fact]
    public async Task SaysWhenNothingMatchesTheFilters()
    {
        var state = new ResourcePickerState(new PickerFilter(null, null, "nothing-like-this", 1), [], []);

        var html = Html.ParseFragment(await Results(PickerPage.Empty, state));

        Assert.Equal("No resources match your filters. Try another name, type or subscription.", html.QuerySelector(".picker-empty")!.TextContent);
        Assert.Null(html.QuerySelector("table"));
        Assert.Null(html.QuerySelector("nav.pager"));
    }

    [Fact]
    public async Task ThePaneHasLabelledFiltersTheHostsSubmitButtonsAndCarriesWhatTheHostExcludes()
    {
        var state = new ResourcePickerState(new PickerFilter(Prod, "Microsoft.KeyVault/vaults", "kv", 1), [], [Free.Id]);
        var subscriptions = new[] { new SubscriptionOption(Prod, "Contoso Production") };

        var html = Html.ParseFragment(await ComponentRenderer.RenderAsync<ResourcePickerPane>(new Dictionary<string, object?>
        {
            ["Data"] = new PickerPage([Taken], 1, 1, subscriptions),
            ["State"] = state,
            ["SubmitName"] = "command",
            ["SubmitValue"] = "picker-select",
            ["Autofocus"] = true,
        }));

        var pane = html.QuerySelector("#resource-picker")!;
        Assert.Equal("dialog", pane.QuerySelector("aside")!.GetAttribute("role"));
        Assert.Equal("Select resources", pane.QuerySelector("#resource-picker-title")!.TextContent);
        Assert.Equal("true", pane.QuerySelector("input[type=hidden][name='picker.open']")!.GetAttribute("value"));
        Assert.Equal([Free.Id], pane.QuerySelectorAll("input[type=hidden][name='picker.exclude']").Select(i => i.GetAttribute("value")));
        foreach (var (id, label) in new[] { ("resource-picker-name", "Filter by name"), ("resource-picker-subscription", "Subscription"), ("resource-picker-type", "Resource type") })
        {
            Assert.Equal(label, pane.QuerySelector($"label[for={id}]")!.TextContent);
            var input = pane.QuerySelector($"#{id}")!;
            Assert.Equal("/pickers/resources", input.GetAttribute("hx-get"));
            Assert.Equal("#resource-picker-results", input.GetAttribute("hx-target"));
            Assert.Equal(Include, input.GetAttribute("hx-include"));
        }

        Assert.Equal("kv", pane.QuerySelector("#resource-picker-name")!.GetAttribute("value"));
        Assert.True(pane.QuerySelector("#resource-picker-name")!.HasAttribute("autofocus"));
        Assert.Equal(Prod.ToString(), pane.QuerySelector("#resource-picker-subscription option[selected]")!.GetAttribute("value"));
        Assert.Equal("Key vault", pane.QuerySelector("#resource-picker-type option[selected]")!.TextContent);
        var select = pane.QuerySelector(".pane-footer button.btn-primary")!;
        Assert.Equal(("command", "picker-select", "Select"), (select.GetAttribute("name"), select.GetAttribute("value"), select.TextContent));
        var cancel = pane.QuerySelectorAll(".pane-footer button")[1];
        Assert.Equal(("command", "picker-close", "Cancel"), (cancel.GetAttribute("name"), cancel.GetAttribute("value"), cancel.TextContent));
        Assert.NotNull(pane.QuerySelector("button.pane-close[data-pane-close][name=command][value=picker-close]"));
    }
}
