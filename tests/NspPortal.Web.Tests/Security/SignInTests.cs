using System.Net;
using NspPortal.Data.Security;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

public class SignInTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private HttpClient Anonymous() => portal.Factory.CreateAnonymousClient(allowAutoRedirect: false);

    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheSignInFormAndBackAfterwards()
    {
        var response = await Anonymous().GetAsync("/browse/all?filter=kv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fbrowse%2Fall%3Ffilter%3Dkv", Html.RedirectTarget(response));
    }

    [Fact]
    public async Task TheSignInFormHasEmailAndPasswordFieldsAndASignInButton()
    {
        var document = Html.Parse(await portal.Factory.CreateClient().GetStringAsync("/signin"));
        var form = document.QuerySelector("form.auth-form")!;

        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Email", form.QuerySelector("label[for=signin-email]")!.TextContent);
        Assert.Equal("email", form.QuerySelector("#signin-email")!.GetAttribute("type"));
        Assert.Equal("Password", form.QuerySelector("label[for=signin-password]")!.TextContent);
        Assert.Equal("password", form.QuerySelector("#signin-password")!.GetAttribute("type"));
        Assert.Equal("Sign in", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(document.QuerySelector("nav.leftnav")); // no portal menu before signing in
    }

    [Fact]
    public async Task TheRightPasswordSignsInAndGoesToTheReturnUrl()
    {
        var response = await Anonymous().SubmitFormAsync("/signin?returnUrl=%2Fbrowse%2Fall", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.OwnerEmail,
            ["Input.Password"] = PortalFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/browse/all", Html.RedirectTarget(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nsp-auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        await portal.Factory.EnsureUserAsync("wrong-password@nspportal.test");
        var response = await Anonymous().SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "wrong-password@nspportal.test",
            ["Input.Password"] = "not-the-password-at-all",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The email or password is incorrect.", document.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Empty(document.QuerySelector("#signin-password")!.GetAttribute("value") ?? "");
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("nsp-auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnUnknownAccountGetsTheSameAnswerAsAWrongPassword()
    {
        var response = await Anonymous().SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@nspportal.test",
            ["Input.Password"] = "whatever-password-1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The email or password is incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        const string email = "lockout@nspportal.test";
        await portal.Factory.EnsureUserAsync(email);
        for (var i = 0; i < 5; i++)
        {
            await Anonymous().SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = $"wrong-password-{i}" });
        }

        var response = await Anonymous().SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalFactory.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http:/evil.example")]
    [InlineData(" /browse/all")]
    public async Task AReturnUrlOutsideThePortalIsIgnored(string returnUrl)
    {
        var response = await Anonymous().SubmitFormAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.OwnerEmail,
            ["Input.Password"] = PortalFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Html.RedirectTarget(response));
    }

    [Fact]
    public async Task AnHtmxRequestWithoutASessionGets401AndAFullPageRedirectToSignIn()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        client.DefaultRequestHeaders.Add("HX-Target", "perimeter-grid");
        client.DefaultRequestHeaders.Add("HX-Current-URL", "https://localhost/browse/Microsoft.Network/networkSecurityPerimeters?filter=dev");

        var response = await client.GetAsync("/browse/Microsoft.Network/networkSecurityPerimeters?filter=dev");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fbrowse%2FMicrosoft.Network%2FnetworkSecurityPerimeters%3Ffilter%3Ddev", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        await portal.Factory.EnsureUserAsync("signout@nspportal.test", (NspRole.Reader, NspScope.Root));
        var session = await portal.Factory.CreateSignedInClientAsync("signout@nspportal.test", allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        var response = await session.SubmitFormAsync("/", "form[action='/signout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", Html.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOutWithoutTheAntiforgeryTokenIsRefused()
    {
        var response = await portal.Client(allowAutoRedirect: false).PostAsync("/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client(allowAutoRedirect: false).GetAsync("/")).StatusCode);
    }
}
