using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;
using static NspPortal.Web.Tests.Features.Perimeters.BladeTestClient;

namespace NspPortal.Web.Tests.Features.Perimeters;

/// <summary>Links and Link references: create (with the remote's reference and generated rules), delete by typing the
/// name, remove a reference, and refusals that keep what was typed.</summary>
public class LinkBladeTests : IAsyncLifetime
{
    private static readonly string DevId = Dev["/resource".Length..];
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task CreatingALinkShowsItApprovedAndTheRemoteGetsAReference()
    {
        var client = await HtmxAsync(factory, "links");
        var pane = await FragmentAsync(await client.GetAsync($"{Prod}/links?pane=create"));
        Assert.Equal(["nsp-contoso-dev (rg-dev-apps, West Europe)"], pane.QuerySelectorAll("#link-remote option[value^='/']").Select(o => o.TextContent));
        var withRemote = await FragmentAsync(await client.GetAsync($"{Prod}/links?pane=create&linkName=to-dev&remote={Uri.EscapeDataString(DevId)}"));
        Assert.Equal(["*", "defaultProfile"], withRemote.QuerySelectorAll("input[name=remoteInbound]").Select(i => i.GetAttribute("value")));
        Assert.Equal("to-dev", withRemote.QuerySelector("#link-name")!.GetAttribute("value"));

        var response = await client.PostAsync($"{Prod}/links/create",
            Form(("linkName", "to-dev"), ("remote", DevId), ("local", "defaultProfile"), ("remoteInbound", "*"), ("description", "orders to dev")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blade = await FragmentAsync(response);
        Assert.Equal("The link 'to-dev' to 'nsp-contoso-dev' was created: Approved.", blade.QuerySelector(".messagebar span")!.TextContent);
        var row = blade.QuerySelector("tr[data-link=to-dev]")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["to-dev", "nsp-contoso-dev", "defaultProfile", "All (*)", "Approved", "orders to dev"], row.Take(6));
        var references = Html.Parse(await (await factory.CreateSignedInClientAsync()).GetStringAsync($"{Dev}/linkReferences"));
        var reference = references.QuerySelector("tr[data-link-reference]")!;
        Assert.StartsWith("to-dev-", reference.GetAttribute("data-link-reference"), StringComparison.Ordinal);
        Assert.Contains("nsp-contoso-prod", reference.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidLinkIsExplainedNextToTheFieldsAndNothingIsStored()
    {
        var client = await HtmxAsync(factory, "links");

        var response = await client.PostAsync($"{Prod}/links/create", Form(("linkName", ""), ("remoteId", "/subscriptions/not-a-guid"), ("description", new string('x', 141))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var pane = await FragmentAsync(response);
        Assert.Equal("true", pane.QuerySelector("#link-name")!.GetAttribute("aria-invalid"));
        Assert.Equal("true", pane.QuerySelector("#link-remote")!.GetAttribute("aria-invalid"));
        Assert.Equal("/subscriptions/not-a-guid", pane.QuerySelector("#link-remote-id")!.GetAttribute("value"));
        Assert.Contains("at most 140", pane.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Links.ToListAsync());
    }

    [Fact]
    public async Task LinkingNeedsWriteOnTheRemotePerimetersSubscription()
    {
        var client = await HtmxAsync(factory, "links", NspRole.Contributor, NspScope.Subscription(DemoTenant.Production));

        var response = await client.PostAsync($"{Prod}/links/create", Form(("linkName", "to-dev"), ("remote", DevId)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("needs the Contributor role on its subscription too", (await FragmentAsync(response)).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Links.ToListAsync());
    }

    [Fact]
    public async Task DeletingALinkAsksForItsNameThenRemovesBothSides()
    {
        var client = await HtmxAsync(factory, "links");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Prod}/links/create", Form(("linkName", "to-dev"), ("remote", DevId)))).StatusCode);
        var pane = await FragmentAsync(await client.GetAsync($"{Prod}/links?pane=delete&link=to-dev"));
        var hidden = Hidden(pane);

        var mistyped = await client.PostAsync($"{Prod}/links/delete", Form([.. hidden, ("confirmName", "to-de")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mistyped.StatusCode);
        Assert.Equal("to-de", (await FragmentAsync(mistyped)).QuerySelector("#link-delete-name")!.GetAttribute("value"));

        var response = await client.PostAsync($"{Prod}/links/delete", Form([.. hidden, ("confirmName", "to-dev")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await FragmentAsync(response)).QuerySelector(".empty-state"));
        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Links.ToListAsync());
        Assert.Empty(await db.LinkReferences.ToListAsync());
        Assert.False(await db.AccessRules.AnyAsync(r => r.LinkId != null || r.LinkReferenceId != null));
    }

    [Fact]
    public async Task RemovingALinkReferenceEndsTheLinkAndAStaleRemoveIsRefused()
    {
        var owner = await HtmxAsync(factory, "links");
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"{Prod}/links/create", Form(("linkName", "to-dev"), ("remote", DevId)))).StatusCode);
        var client = await HtmxAsync(factory, "link-references", NspRole.Contributor, NspScope.Subscription(DemoTenant.Development));
        var blade = await FragmentAsync(await client.GetAsync($"{Dev}/linkReferences"));
        var hidden = Hidden(blade, "tr[data-link-reference] form");

        var stale = await client.PostAsync($"{Dev}/linkReferences/remove", Form([.. hidden.Where(h => h.Name != "etag"), ("etag", "stale")]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed after you opened this page", (await FragmentAsync(stale)).QuerySelector(".messagebar")!.TextContent, StringComparison.Ordinal);

        var response = await client.PostAsync($"{Dev}/linkReferences/remove", Form(hidden.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await FragmentAsync(response)).QuerySelector(".empty-state"));
        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.LinkReferences.ToListAsync());
        Assert.Equal(LinkStatus.Disconnected, (await db.Links.SingleOrDefaultAsync())?.Status ?? LinkStatus.Disconnected);
    }
}
