using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Perimeters;

/// <summary>The Tags blade: a write from the UI with the same optimistic concurrency (ETag) as the API.</summary>
public class PerimeterTagsTests : IAsyncLifetime
{
    private static readonly string Page = $"/resource/subscriptions/{DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-dev/tags";
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task AContributorSavesTagsAndTheETagChanges()
    {
        var (client, etag) = await OpenEditorAsync();

        var response = await ApplyAsync(client, etag, ("environment", "development"), ("owner", "platform-team"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal("The tags were saved.", fragment.QuerySelector("[role=status] span")!.TextContent);
        var newEtag = fragment.QuerySelector("input[name=etag]")!.GetAttribute("value");
        Assert.NotEqual(etag, newEtag);
        await using var db = factory.CreateDbContext();
        var perimeter = await db.Perimeters.SingleAsync(p => p.Name == "nsp-contoso-dev");
        Assert.Equal(new Dictionary<string, string> { ["environment"] = "development", ["owner"] = "platform-team" }, perimeter.Tags);
        Assert.Equal(newEtag, perimeter.ETag);
        Assert.Equal("contributor.root@nspportal.test", perimeter.LastModifiedBy);
    }

    [Fact]
    public async Task SavingOverSomeoneElsesChangeIsRefusedWithTheCurrentTags()
    {
        var (alice, etag) = await OpenEditorAsync();
        var (bob, sameEtag) = await OpenEditorAsync(NspRole.Owner);
        Assert.Equal(etag, sameEtag);
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(alice, etag, ("owner", "alice"))).StatusCode);

        var response = await ApplyAsync(bob, sameEtag, ("owner", "bob"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this perimeter", fragment.TextContent, StringComparison.Ordinal);
        Assert.Equal("alice", fragment.QuerySelector("#tag-value-1")!.GetAttribute("value"));
        await using var db = factory.CreateDbContext();
        Assert.Equal("alice", (await db.Perimeters.SingleAsync(p => p.Name == "nsp-contoso-dev")).Tags["owner"]);
    }

    [Fact]
    public async Task InvalidTagsAreExplainedAndNothingIsSaved()
    {
        var (client, etag) = await OpenEditorAsync();
        string before;
        await using (var db = factory.CreateDbContext())
        {
            before = (await db.Perimeters.SingleAsync(p => p.Name == "nsp-contoso-dev")).ETag;
        }

        var response = await ApplyAsync(client, etag, ("bad<name", "x"), ("Owner", "a"), ("owner", "b"), ("", "orphan value"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = Html.ParseFragment(await response.Content.ReadAsStringAsync()).QuerySelectorAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("Row 1:", problems[0], StringComparison.Ordinal);
        Assert.Contains("used twice", problems[1], StringComparison.Ordinal);
        Assert.Contains("needs a name", problems[2], StringComparison.Ordinal);
        await using var check = factory.CreateDbContext();
        Assert.Equal(before, (await check.Perimeters.SingleAsync(p => p.Name == "nsp-contoso-dev")).ETag);
    }

    [Fact]
    public async Task AReaderSeesTheTagsReadOnlyAndCannotApply()
    {
        var reader = await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Development));
        var page = Html.Parse(await reader.GetStringAsync(Page));
        Assert.True(page.QuerySelector("#tag-name-1")!.HasAttribute("disabled"));
        Assert.True(page.QuerySelector(".tags-form button[type=submit]")!.HasAttribute("disabled"));
        var etag = page.QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        reader.DefaultRequestHeaders.Add("HX-Request", "true");
        reader.DefaultRequestHeaders.AddAntiforgeryHeader(await reader.AntiforgeryTokenAsync(Page));

        var response = await ApplyAsync(reader, etag, ("owner", "reader"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Contributor role on /subscriptions/", response.Headers.GetValues("X-Nsp-Message").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutScriptsTheFormPostsAndComesBackToTheBlade()
    {
        var client = await factory.CreateSignedInClientAsync(NspRole.Contributor, allowAutoRedirect: false);

        var response = await client.SubmitFormAsync(Page, "form.tags-form", new Dictionary<string, string> { ["name"] = "plain", ["value"] = "form" });

        Assert.Equal(Page + "?result=saved", Html.RedirectTarget(response));
        Assert.Contains("The tags were saved.", await client.GetStringAsync(Page + "?result=saved"), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string ETag)> OpenEditorAsync(NspRole role = NspRole.Contributor)
    {
        var client = await factory.CreateSignedInClientAsync(role);
        var page = Html.Parse(await client.GetStringAsync(Page));
        var etag = page.QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        client.DefaultRequestHeaders.Add("HX-Target", "tags-editor");
        client.DefaultRequestHeaders.AddAntiforgeryHeader(await client.AntiforgeryTokenAsync(Page));
        return (client, etag);
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, string etag, params (string Name, string Value)[] tags)
    {
        var fields = new List<KeyValuePair<string, string>> { new("etag", etag) };
        foreach (var (name, value) in tags)
        {
            fields.Add(new("name", name));
            fields.Add(new("value", value));
        }

        return client.PostAsync(Page + "/apply", new FormUrlEncodedContent(fields));
    }
}
