using System.Net;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>A portal with production-like (small) limits: sign-in posts per client address, API calls per caller.</summary>
public class RateLimitTests : IAsyncLifetime
{
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
    {
        ["NspPortal:RateLimits:SignIn:PermitLimit"] = "3",
        ["NspPortal:RateLimits:SignIn:WindowSeconds"] = "60",
        ["NspPortal:RateLimits:Api:PermitsPerSecond"] = "1",
        ["NspPortal:RateLimits:Api:Burst"] = "2",
    });

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SignInAttemptsBeyondTheLimitGet429WithRetryAfter()
    {
        var client = factory.CreateAnonymousClient(allowAutoRedirect: false);
        var fields = new Dictionary<string, string> { ["Input.Email"] = "guess@nspportal.test", ["Input.Password"] = "guessing-passwords" };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitFormAsync("/signin", "form.auth-form", fields)).StatusCode);
        }

        var limited = await client.SubmitFormAsync("/signin", "form.auth-form", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode); // reading the form is not limited
    }

    [Fact]
    public async Task ApiCallsBeyondTheBucketGet429WithRetryAfterAndAnArmErrorBody()
    {
        var client = factory.CreateAnonymousClient();
        var url = "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Network/networkSecurityPerimeters?api-version=2025-05-01";
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await client.GetAsync(url);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Contains("\"code\":\"TooManyRequests\"", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(statuses.Take(2), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode); // probes are never limited
    }
}
