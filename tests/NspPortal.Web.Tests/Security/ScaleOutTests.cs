using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>Two portal instances on one database share the data-protection keys (stored in the database), so a session
/// and a form from one instance work on the other — no sticky sessions needed behind a load balancer.</summary>
public class ScaleOutTests
{
    [Fact]
    public async Task ASessionAndAFormFromOneInstanceWorkOnTheOther()
    {
        await using var first = await PortalFactory.CreateAsync();
        var cookie = await first.SessionCookieAsync(PortalFactory.OwnerEmail);
        await using var second = first.CreateSecondInstance();

        var onSecond = second.CreateClientWithCookie(cookie, allowAutoRedirect: false);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/account/tokens")).StatusCode);

        // The form (antiforgery token and cookie) comes from the first instance, the post goes to the second.
        var jar = new CookieContainer();
        var onFirst = first.CreateClientWithCookie(cookie, allowAutoRedirect: false, jar);
        var form = Html.Parse(await onFirst.GetStringAsync("/account/tokens")).QuerySelector("form.inline-form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antiforgeryCookie = jar.GetAllCookies().Single(c => c.Name == "nsp-af");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/tokens")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "create-token",
                ["__RequestVerificationToken"] = token,
                ["NewToken.Name"] = "made across instances",
                ["NewToken.LifetimeDays"] = "7",
            }),
        };
        request.Headers.Add("Cookie", $"{antiforgeryCookie.Name}={antiforgeryCookie.Value}");
        var response = await second.CreateClientWithCookie(cookie, allowAutoRedirect: false).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("made across instances", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = first.CreateDbContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
