using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;
using NspPortal.Web.Tests.Arm;

namespace NspPortal.Web.Tests.Features.Profiles;

/// <summary>The Profiles blade against a seeded portal: counts, create and delete through htmx and without scripts,
/// refusals with their reason, stale deletes, roles.</summary>
public class ProfilesTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly Guid Prod = DemoTenant.Production;
    private static readonly string Perimeter = $"/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
    private static readonly string Blade = $"/resource{Perimeter}/profiles";

    [Fact]
    public async Task TheBladeListsEachProfileWithItsRuleAndAssociationCounts()
    {
        var page = Html.Parse(await portal.Client().GetStringAsync(Blade));

        Assert.Equal("nsp-contoso-prod | Profiles", page.QuerySelector("h1")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#profiles-editor tbody tr").ToDictionary(r => r.GetAttribute("data-profile")!, r => r.QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()).ToList());
        Assert.Equal(["2", "1", "5"], rows["defaultProfile"]);
        Assert.Equal(["1", "0", "1"], rows["monitoring"]);
        Assert.Equal($"/resource{Perimeter}/profiles/defaultProfile/inboundRules", page.QuerySelector("tr[data-profile=defaultProfile] td a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".commandbar a[href$='/profiles?panel=create']"));
    }

    [Fact]
    public async Task AnHtmxRequestGetsTheEditorAloneAndTheCreatePaneHasAStableUrl()
    {
        var html = await portal.HtmxClient("profiles-editor").GetStringAsync(Blade + "?panel=create");
        var fragment = Html.ParseFragment(html);

        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("profiles-editor", fragment.Children.Single().Id);
        Assert.Equal("Create profile", fragment.QuerySelector(".pane-header h2")!.TextContent);
        Assert.True(fragment.QuerySelector("#profile-name")!.HasAttribute("data-autofocus"));
    }

    [Fact]
    public async Task CreatingAProfileAddsItThroughTheServiceAndTheActivityLog()
    {
        var name = Unique();
        var client = await HtmxAsync();

        var response = await PostAsync(client, "create", ("name", name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.StartsWith($"The profile '{name}' was created.", fragment.QuerySelector(".messagebar.success span")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0", "0", "0"], fragment.QuerySelectorAll($"tr[data-profile={name}] td.num").Select(td => td.TextContent.Trim()));
        Assert.Null(fragment.QuerySelector(".context-pane"));
        await using var db = portal.Factory.CreateDbContext();
        Assert.True(await db.Profiles.AnyAsync(p => p.Name == name && p.Perimeter!.Name == "nsp-contoso-prod"));
        Assert.True(await db.ActivityLog.AnyAsync(e => e.ResourceIdKey.EndsWith("/PROFILES/" + name.ToUpperInvariant()) && e.Caller == PortalFactory.OwnerEmail));
    }

    [Fact]
    public async Task ABadNameIsShownNextToTheFieldWithWhatWasTyped()
    {
        var client = await HtmxAsync();

        var response = await PostAsync(client, "create", ("name", "-bad"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        var input = fragment.QuerySelector("#profile-name")!;
        Assert.Equal("-bad", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("'-bad' must start with a letter or digit.", fragment.QuerySelector("#profile-name-error")!.TextContent);
    }

    [Fact]
    public async Task CreatingANameThatExistsIsRefusedNotReused()
    {
        var client = await HtmxAsync();

        var response = await PostAsync(client, "create", ("name", "DEFAULTPROFILE"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("A profile named 'defaultProfile' already exists in this perimeter; choose another name.",
            Html.ParseFragment(await response.Content.ReadAsStringAsync()).QuerySelector("#profile-name-error")!.TextContent);
    }

    [Fact]
    public async Task AnUnusedProfileIsDeletedWithItsRules()
    {
        var name = await NewProfileWithRuleAsync();
        var client = await HtmxAsync();

        var response = await PostAsync(client, "delete", ("name", name), ("etag", await EtagAsync(name)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = Html.ParseFragment(await response.Content.ReadAsStringAsync());
        Assert.Equal($"The profile '{name}' and its access rules were deleted.", fragment.QuerySelector(".messagebar span")!.TextContent);
        Assert.Null(fragment.QuerySelector($"tr[data-profile={name}]"));
        await using var db = portal.Factory.CreateDbContext();
        Assert.False(await db.Profiles.AnyAsync(p => p.Name == name));
        Assert.False(await db.AccessRules.AnyAsync(r => r.Profile!.Name == name));
    }

    [Fact]
    public async Task TheApiDeletesAProfileWithRulesAndLogsEachDeletion()
    {
        // The same service path as the blade: the activity log must find the ids of rules deleted with their profile.
        var name = await NewProfileWithRuleAsync();

        var response = await portal.Factory.CreateApiClient().DeleteAsync(Api.Url($"{Perimeter}/profiles/{name}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = portal.Factory.CreateDbContext();
        var key = $"{Perimeter}/profiles/{name}".ToUpperInvariant();
        Assert.Equal(2, await db.ActivityLog.CountAsync(e => e.ResourceIdKey.StartsWith(key) && e.OperationName.EndsWith("/delete")));
    }

    [Fact]
    public async Task AProfileInUseIsNotDeletedAndTheReasonIsShown()
    {
        var client = await HtmxAsync();

        var response = await PostAsync(client, "delete", ("name", "monitoring"), ("etag", await EtagAsync("monitoring")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var message = Html.ParseFragment(await response.Content.ReadAsStringAsync()).QuerySelector(".messagebar.error")!;
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Contains("is used by 1 resource association(s)", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("move them to another profile or remove them first", message.TextContent, StringComparison.Ordinal);
        await using var db = portal.Factory.CreateDbContext();
        Assert.True(await db.Profiles.AnyAsync(p => p.Name == "monitoring"));
    }

    [Fact]
    public async Task AStaleDeleteRemovesNothing()
    {
        var name = await NewProfileWithRuleAsync();
        var etag = await EtagAsync(name);
        (await portal.Factory.CreateApiClient().PutJsonAsync($"{Perimeter}/profiles/{name}/accessRules/more", """{"properties":{"direction":"Inbound","addressPrefixes":["192.0.2.0/24"]}}""")).EnsureSuccessStatusCode();
        var client = await HtmxAsync();

        var response = await PostAsync(client, "delete", ("name", name), ("etag", etag));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"Someone else changed the profile '{name}'", Html.ParseFragment(await response.Content.ReadAsStringAsync()).QuerySelector(".messagebar.warning")!.TextContent, StringComparison.Ordinal);
        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(2, await db.AccessRules.CountAsync(r => r.Profile!.Name == name));
    }

    [Fact]
    public async Task WithoutScriptsCreateAndARefusedDeleteComeBackToTheBlade()
    {
        var name = Unique();
        var client = portal.Client(allowAutoRedirect: false);

        var created = await client.SubmitFormAsync(Blade + "?panel=create", "form.profile-form", new Dictionary<string, string> { ["name"] = name });
        Assert.Equal($"{Blade}?result=created&profile={name}", Html.RedirectTarget(created));

        var refused = await client.SubmitFormAsync(Blade, "tr[data-profile=monitoring] form", new Dictionary<string, string>());
        Assert.Equal($"{Blade}?result=inuse&profile=monitoring", Html.RedirectTarget(refused));
        var page = Html.Parse(await client.GetStringAsync(Html.RedirectTarget(refused)));
        Assert.Contains("resource associations use it", page.QuerySelector(".messagebar.error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderSeesTheProfilesButCannotCreate()
    {
        var reader = await portal.ClientAsync(NspRole.Reader, NspScope.Subscription(Prod));
        var page = Html.Parse(await reader.GetStringAsync(Blade + "?panel=create"));
        Assert.Null(page.QuerySelector(".context-pane"));
        Assert.Empty(page.QuerySelectorAll("#profiles-editor form"));
        reader.DefaultRequestHeaders.AddAntiforgeryHeader(await reader.AntiforgeryTokenAsync(Blade));
        reader.DefaultRequestHeaders.Add("HX-Request", "true");

        var response = await reader.PostAsync(Blade + "/create", new FormUrlEncodedContent([new("name", "by-reader")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = portal.Factory.CreateDbContext();
        Assert.False(await db.Profiles.AnyAsync(p => p.Name == "by-reader"));
    }

    [Fact]
    public async Task AnUnknownPerimeterIsNotFound()
    {
        var response = await portal.Client().GetAsync($"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nope/profiles");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Unique() => $"p-{Guid.NewGuid():N}"[..14];

    private async Task<string> NewProfileWithRuleAsync()
    {
        var name = Unique();
        var api = portal.Factory.CreateApiClient();
        (await api.PutJsonAsync($"{Perimeter}/profiles/{name}", """{"properties":{}}""")).EnsureSuccessStatusCode();
        (await api.PutJsonAsync($"{Perimeter}/profiles/{name}/accessRules/r1", """{"properties":{"direction":"Inbound","addressPrefixes":["203.0.113.0/24"]}}""")).EnsureSuccessStatusCode();
        return name;
    }

    private async Task<string> EtagAsync(string profile)
    {
        var page = Html.Parse(await portal.Client().GetStringAsync(Blade));
        return page.QuerySelector($"tr[data-profile={profile}] input[name=etag]")!.GetAttribute("value")!;
    }

    private async Task<HttpClient> HtmxAsync()
    {
        var client = portal.HtmxClient("profiles-editor");
        client.DefaultRequestHeaders.AddAntiforgeryHeader(await client.AntiforgeryTokenAsync(Blade)); // the fragment's first form carries it
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, params (string Name, string Value)[] fields) =>
        client.PostAsync($"{Blade}/{action}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
}
