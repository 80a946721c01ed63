using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;
using NspPortal.Web.Features.Perimeters.Links;
using NspPortal.Web.Features.Perimeters.Overview;

namespace NspPortal.Web.Tests.Features.Perimeters;

/// <summary>Component states of the Links blade and the Overview's delete pane: empty, rows, refusals.</summary>
public class BladeComponentTests
{
    private static readonly Guid Subscription = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");

    private static Task<string> Render<T>(Dictionary<string, object?> parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        ComponentRenderer.RenderAsync<T>(parameters, s => s.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>());

    private static LinksView Links(bool canWrite, params LinkRow[] links) =>
        new(Subscription, "rg", "nsp1", $"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp1", links, [], ["defaultProfile"], [], canWrite);

    [Fact]
    public async Task WithoutLinksTheBladeExplainsThemAndAReaderCannotCreate()
    {
        var html = Html.ParseFragment(await Render<LinksBlade>(new() { [nameof(LinksBlade.View)] = Links(canWrite: false) }));

        Assert.Equal("No links", html.QuerySelector(".empty-state h2")!.TextContent);
        Assert.NotNull(html.QuerySelector(".commandbar span.cmd[aria-disabled=true]"));
        Assert.Null(html.QuerySelector("a.cmd[href$='pane=create']"));
    }

    [Fact]
    public async Task ALinkRowShowsRemoteProfilesAndStatus()
    {
        var remote = $"/subscriptions/{Subscription}/resourceGroups/rg2/providers/Microsoft.Network/networkSecurityPerimeters/nsp2";
        var row = new LinkRow("to-nsp2", "e1", remote, "nsp2", "/resource" + remote + "/overview", ["*"], ["p1", "p2"], LinkStatus.Pending, "Auto Approved", ProvisioningState.Succeeded);

        var html = Html.ParseFragment(await Render<LinksBlade>(new() { [nameof(LinksBlade.View)] = Links(true, row) }));

        var cells = html.QuerySelectorAll("tr[data-link=to-nsp2] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["to-nsp2", "nsp2", "All (*)", "p1, p2", "Pending", "Auto Approved"], cells.Take(6));
        Assert.Equal("status warn", html.QuerySelector("tr[data-link=to-nsp2] .status")!.GetAttribute("class"));
        Assert.EndsWith("/links?pane=delete&link=to-nsp2", html.QuerySelector("a[aria-label='Delete to-nsp2']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDeletePaneOffersForceDeletionWhenResourcesAreAssociatedAndKeepsWhatWasTyped()
    {
        var html = Html.ParseFragment(await Render<PerimeterDeletePane>(new()
        {
            [nameof(PerimeterDeletePane.SubscriptionId)] = Subscription,
            [nameof(PerimeterDeletePane.ResourceGroup)] = "rg",
            [nameof(PerimeterDeletePane.PerimeterName)] = "nsp1",
            [nameof(PerimeterDeletePane.ETag)] = "e1",
            [nameof(PerimeterDeletePane.Associations)] = 3,
            [nameof(PerimeterDeletePane.Typed)] = "nsp",
            [nameof(PerimeterDeletePane.NameError)] = true,
        }));

        Assert.Contains("3 resources are still associated", html.TextContent, StringComparison.Ordinal);
        Assert.NotNull(html.QuerySelector("input[name=force][value=true]"));
        Assert.Equal("nsp", html.QuerySelector("#delete-confirm-name")!.GetAttribute("value"));
        Assert.Equal("nsp1", html.QuerySelector("#delete-confirm-name")!.GetAttribute("data-confirm-name"));
        Assert.Equal("The name does not match 'nsp1'.", html.QuerySelector("#delete-confirm-error")!.TextContent.Trim());
        Assert.Equal("e1", html.QuerySelector("input[name=etag]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task WithoutAssociationsTheDeletePaneDoesNotOfferForce()
    {
        var html = Html.ParseFragment(await Render<PerimeterDeletePane>(new()
        {
            [nameof(PerimeterDeletePane.SubscriptionId)] = Subscription,
            [nameof(PerimeterDeletePane.ResourceGroup)] = "rg",
            [nameof(PerimeterDeletePane.PerimeterName)] = "nsp1",
            [nameof(PerimeterDeletePane.ETag)] = "e1",
        }));

        Assert.Null(html.QuerySelector("input[name=force]"));
        Assert.Null(html.QuerySelector("#delete-confirm-error"));
    }

    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
