using System.Net;
using NspPortal.TestSupport;
using NspPortal.Web.Security.Hardening;

namespace NspPortal.Web.Tests.Security;

public class HardeningTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Perimeters = "/browse/Microsoft.Network/networkSecurityPerimeters";

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData(Perimeters)]
    [InlineData("/no/such/page")]
    [InlineData("/healthz/ready")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string url)
    {
        var response = await portal.Client().GetAsync(url);
        string Header(string name) => string.Join(",", response.Headers.TryGetValues(name, out var v) ? v : response.Content.Headers.TryGetValues(name, out var c) ? c : []);

        var csp = Header("Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("no-store", Header("Cache-Control"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesHaveNoInlineScriptsStylesOrEventHandlers()
    {
        foreach (var url in new[] { "/", Perimeters, "/access-control", "/account/tokens", "/access-control/users", "/signin" })
        {
            var document = Html.Parse(await portal.Client().GetStringAsync(url));
            Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"inline script on {url}"));
            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task SessionAndAntiforgeryCookiesAreSecureHttpOnlyAndSameSite()
    {
        var signIn = await portal.Factory.CreateAnonymousClient(allowAutoRedirect: false).SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.OwnerEmail,
            ["Input.Password"] = PortalFactory.Password,
        });
        var page = await portal.Factory.CreateAnonymousClient().GetAsync("/signin");

        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nsp-auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", session, StringComparison.Ordinal);
        Assert.Contains("; httponly", session, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", session, StringComparison.Ordinal);
        Assert.Contains("; path=/", session, StringComparison.Ordinal);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nsp-af=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = portal.Client(allowAutoRedirect: false);
        var response = await client.PostAsync("/account/tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-token",
            ["NewToken.Name"] = "forged",
            ["NewToken.LifetimeDays"] = "30",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("forged", await client.GetStringAsync("/account/tokens"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmxPostWithoutTheTokenHeaderIsRefusedWithAMessageAndARenewedToken()
    {
        var client = portal.HtmxClient("tags-editor");
        var page = $"/resource/subscriptions/{NspPortal.Data.Seeding.DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-dev/tags";
        var etag = Html.Parse(await portal.Client().GetStringAsync(page)).QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["etag"] = etag, ["name"] = "renewed", ["value"] = "1" };

        var response = await client.PostAsync(page + "/apply", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AntiforgeryGuard.RenewedMessage, response.Headers.GetValues("X-Nsp-Message").Single());
        // The page (portal.js) takes the renewed token and the user presses the button again: it passes.
        var renewed = response.Headers.GetValues(AntiforgeryGuard.RenewedTokenHeader).Single();
        client.DefaultRequestHeaders.AddAntiforgeryHeader(renewed);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(page + "/apply", new FormUrlEncodedContent(fields))).StatusCode);
    }

    [Fact]
    public async Task AnAnonymousHtmxPostWithoutTheTokenGetsNoRenewedToken()
    {
        var client = portal.Factory.CreateAnonymousClient(allowAutoRedirect: false);
        client.DefaultRequestHeaders.Add("HX-Request", "true");

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.z" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains(AntiforgeryGuard.RenewedTokenHeader));
    }

    [Fact]
    public async Task AnHtmxPostWithTheTokenFromThePageHeaderPasses()
    {
        var client = portal.HtmxClient("tags-editor");
        var page = $"/resource/subscriptions/{NspPortal.Data.Seeding.DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-dev/tags";
        var etag = Html.Parse(await portal.Client().GetStringAsync(page)).QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        client.DefaultRequestHeaders.AddAntiforgeryHeader(await client.AntiforgeryTokenAsync(page));

        var response = await client.PostAsync(page + "/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["etag"] = etag,
            ["name"] = "environment",
            ["value"] = "development",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheApiNeverAcceptsTheBrowserSessionCookie()
    {
        var response = await portal.Client(allowAutoRedirect: false).GetAsync($"/subscriptions/{NspPortal.Data.Seeding.DemoTenant.Production}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("\"code\":\"AuthenticationFailed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("desc=maybe", "desc")]
    [InlineData("subscription=not-a-guid", "subscription")]
    [InlineData("page=99999999999", "page")]
    public async Task AQueryValueAPageCannotReadIs400NotACrash(string query, string parameter)
    {
        var response = await portal.Client().GetAsync($"{Perimeters}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"The query parameter '{parameter}' has a value this page cannot read.", Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?q=a%00b")]
    [InlineData("/browse/all?filter=%00")]
    [InlineData("/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&x=%00")]
    public async Task ANulCharacterInAQueryIsRefusedAtTheDoor(string url)
    {
        var client = url.StartsWith("/subscriptions", StringComparison.Ordinal) ? portal.Factory.CreateApiClient() : portal.Client();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL character", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormThatCannotBeReadIsRefusedAtTheDoorWithAReason()
    {
        var response = await portal.Factory.CreateAnonymousClient(allowAutoRedirect: false).SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "someone\0@nspportal.test",
            ["Input.Password"] = "whatever-password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("The form could not be read", StringComparison.Ordinal), body); // ASP.NET's form reader refuses NUL itself
    }

    [Fact]
    public async Task AnAbsurdPageNumberShowsAnEmptyPageNotAnOverflow()
    {
        var fragment = Html.ParseFragment(await portal.HtmxClient("perimeter-grid").GetStringAsync($"{Perimeters}?page=2147483647"));

        Assert.Equal("Showing 0 to 0 of 2 records.", fragment.QuerySelector(".grid-summary")!.TextContent);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/browse/all?filter=x", true)]
    [InlineData("/resource/subscriptions/1/overview#essentials", true)]
    [InlineData("", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\r\n/evil.example", false)]
    [InlineData("https://localhost/", false)]
    [InlineData("evil.example", false)]
    [InlineData("~/x", false)]
    public void OnlyLocalPathsAreAcceptedAsReturnUrls(string url, bool local) => Assert.Equal(local, ReturnUrls.IsLocal(url));
}
