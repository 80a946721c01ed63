using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;
using NspPortal.Web.Features.Perimeters.Associations;

namespace NspPortal.Web.Tests.Features.Perimeters.Associations;

/// <summary>The Associated resources component: rows, empty, read-only, the panes' states (traffic impact, conflict).</summary>
public class AssociationsBladeTests
{
    private static readonly Guid Subscription = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");
    private const string Base = "/resource/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp1";

    private static readonly AssociationRow Sql = new(Guid.NewGuid(), "sql1-assoc", "e1", "sql1", $"/subscriptions/{Subscription}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql1",
        "Microsoft.Sql/servers", "rg-data", "defaultProfile", AccessMode.Enforced, PublicNetworkAccess.Enabled, "r1", ProvisioningState.Succeeded, HasIssues: false);

    private static readonly AssociationRow Storage = new(Guid.NewGuid(), "st1-assoc", "e2", "st1", $"/subscriptions/{Subscription}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/st1",
        "Microsoft.Storage/storageAccounts", "rg-data", "defaultProfile", AccessMode.Learning, PublicNetworkAccess.SecuredByPerimeter, "r2", ProvisioningState.Succeeded, HasIssues: true);

    private static AssociationsView View(bool canWrite, params AssociationRow[] rows) =>
        new(Subscription, "rg", "nsp1", Guid.NewGuid(), rows, ["defaultProfile", "monitoring"], canWrite);

    private static Task<string> Render(AssociationsView view, AssociationPane? pane = null, string? message = null, string kind = "success") =>
        ComponentRenderer.RenderAsync<AssociationsBlade>(new Dictionary<string, object?>
        {
            [nameof(AssociationsBlade.View)] = view,
            [nameof(AssociationsBlade.Pane)] = pane,
            [nameof(AssociationsBlade.Message)] = message,
            [nameof(AssociationsBlade.MessageKind)] = kind,
        }, s => s.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>());

    [Fact]
    public async Task ARowShowsNameTypeProfileModeEffectiveAccessStatusAndIssues()
    {
        var html = await Render(View(canWrite: true, Sql));

        var row = Html.ParseFragment(html).QuerySelector("tbody tr")!;
        Html.AssertEquivalent($$"""
            <tr data-association="sql1-assoc">
              <td class="check"><input type="checkbox" name="selected" value="sql1-assoc" aria-label="Select sql1" /></td>
              <td><a href="/resource/subscriptions/{{Subscription}}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql1/overview" title="/subscriptions/{{Subscription}}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql1">sql1</a><div class="muted small">rg-data</div></td>
              <td>SQL server</td>
              <td><a href="{{Base}}/profiles/defaultProfile">defaultProfile</a></td>
              <td><span class="mode mode-enforced">Enforced</span></td>
              <td><span>Secured by perimeter</span><div class="muted small" title="Enforced mode overrides the resource's own public network access setting (reference: Azure's transition guidance).">Configured: Enabled</div></td>
              <td><span class="status ok"><span class="dot" aria-hidden="true"></span>Succeeded</span></td>
              <td><span class="muted">None</span></td>
              <td>
                <details class="row-menu">
                  <summary class="cmd" aria-label="More actions for sql1"><svg diff:ignore></svg></summary>
                  <div class="menu" role="menu">
                    <a role="menuitem" href="{{Base}}/associatedResources?pane=accessMode&amp;selected=sql1-assoc" hx-get="{{Base}}/associatedResources?pane=accessMode&amp;selected=sql1-assoc">Change access mode</a>
                    <a role="menuitem" href="{{Base}}/associatedResources?pane=publicNetworkAccess&amp;selected=sql1-assoc" hx-get="{{Base}}/associatedResources?pane=publicNetworkAccess&amp;selected=sql1-assoc">Configure public network access</a>
                    <a role="menuitem" href="{{Base}}/associatedResources?pane=move&amp;selected=sql1-assoc" hx-get="{{Base}}/associatedResources?pane=move&amp;selected=sql1-assoc">Move to another profile</a>
                    <a role="menuitem" href="{{Base}}/associatedResources?pane=remove&amp;selected=sql1-assoc" hx-get="{{Base}}/associatedResources?pane=remove&amp;selected=sql1-assoc">Remove resource</a>
                  </div>
                </details>
              </td>
            </tr>
            """, row.OuterHtml);
        Assert.Equal("1 resource · 1 Enforced", Html.ParseFragment(html).QuerySelector(".grid-summary")!.TextContent);
    }

    [Fact]
    public async Task WithoutAssociationsItExplainsHowToStart()
    {
        var html = await Render(View(canWrite: true));

        var empty = Html.ParseFragment(html).QuerySelector(".empty-state")!;
        Assert.Equal("No associated resources", empty.QuerySelector("h2")!.TextContent);
        Assert.Contains("Transition (Learning)", empty.TextContent, StringComparison.Ordinal);
        Assert.NotNull(Html.ParseFragment(html).QuerySelector("button[name=pane][value=add]"));
    }

    [Fact]
    public async Task AReaderGetsTheGridWithoutSelectionOrActions()
    {
        var html = Html.ParseFragment(await Render(View(canWrite: false, Sql, Storage)));

        Assert.Empty(html.QuerySelectorAll("input[type=checkbox]"));
        Assert.Empty(html.QuerySelectorAll("details.row-menu"));
        Assert.Empty(html.QuerySelectorAll("button"));
        Assert.Equal(5, html.QuerySelectorAll(".commandbar span.cmd[aria-disabled=true]").Length);
        Assert.Equal("Yes", html.QuerySelector("tr[data-association=st1-assoc] .issues-yes")!.TextContent);
    }

    [Fact]
    public async Task TheAccessModePaneSaysHowManyConnectionsEnforcingWouldDeny()
    {
        var now = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
        var pane = new AssociationPane(AssociationPanes.AccessMode, [Storage]) { Chosen = "Enforced", Impact = new WouldBeDeniedSummary(1200, 37, now.AddDays(-7), now) };

        var html = Html.ParseFragment(await Render(View(true, Sql, Storage), pane));

        var impact = html.QuerySelector("[data-impact]")!;
        Assert.Equal("37", impact.GetAttribute("data-impact"));
        Assert.Equal("consequence risk", impact.GetAttribute("class"));
        Assert.StartsWith("37 of 1,200 connections logged in the last 7 days would have been denied in Enforced mode.", impact.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["st1-assoc", "e2"], html.QuerySelectorAll(".context-pane input[type=hidden]:not([name=__RequestVerificationToken])").Select(i => i.GetAttribute("value")));
        Assert.True(html.QuerySelector("input[name=value][value=Enforced]")!.HasAttribute("checked"));
        Assert.Equal("tr", html.QuerySelector("tr.selected")?.TagName.ToLowerInvariant() ?? "tr");
    }

    [Fact]
    public async Task TheAccessModePaneSaysWhenNothingWasLogged()
    {
        var now = DateTime.UtcNow;
        var pane = new AssociationPane(AssociationPanes.AccessMode, [Storage]) { Chosen = "Enforced", Impact = new WouldBeDeniedSummary(0, 0, now.AddDays(-7), now) };

        var impact = Html.ParseFragment(await Render(View(true, Storage), pane)).QuerySelector("[data-impact]")!;

        Assert.Equal("none", impact.GetAttribute("data-impact"));
        Assert.StartsWith("No traffic logged yet for this resource in the last 7 days", impact.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConflictShowsTheCurrentValueTheWarningAndKeepsTheChoice()
    {
        var pane = new AssociationPane(AssociationPanes.PublicNetworkAccess, [Storage])
        {
            Chosen = "Disabled",
            Problems = ["Someone else changed this after you opened it, so nothing was saved.", "'st1' was changed by someone else after you selected it."],
            ProblemKind = "warning",
        };

        var html = Html.ParseFragment(await Render(View(true, Storage), pane));

        Assert.Equal(2, html.QuerySelectorAll(".context-pane .messagebar.warning div div").Length);
        Assert.Equal("Secured by perimeter", html.QuerySelector("table.selected-list tbody td:last-child")!.TextContent);
        Assert.True(html.QuerySelector("input[name=value][value=Disabled]")!.HasAttribute("checked"));
        Assert.Equal(["st1-assoc", "r2"], html.QuerySelectorAll(".context-pane input[type=hidden]:not([name=__RequestVerificationToken])").Select(i => i.GetAttribute("value")));
    }

    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
