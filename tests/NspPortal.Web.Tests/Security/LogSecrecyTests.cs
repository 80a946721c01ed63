using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

public class LogSecrecyTests
{
    /// <summary>With every category at Trace, signing in (right and wrong passwords), creating and using a personal access
    /// token, and using the bootstrap token leave none of those secrets in the log.</summary>
    [Fact]
    public async Task NoPasswordOrTokenEverReachesTheLog()
    {
        var capture = new LogCapture();
        await using var factory = await PortalFactory.CreateAsync(
            settings: new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            },
            configureHost: b => b.ConfigureLogging(l => l.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));
        await factory.EnsureUserAsync("logged@nspportal.test", (NspRole.Reader, NspScope.Root));

        await factory.CreateAnonymousClient().SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "logged@nspportal.test",
            ["Input.Password"] = "a-wrong-password-to-remember",
        });
        var secret = await factory.CreatePersonalAccessTokenAsync("logged@nspportal.test");
        var url = $"/subscriptions/{DemoTenant.Production}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01";
        Assert.True((await factory.CreateApiClient(secret).GetAsync(url)).IsSuccessStatusCode);
        Assert.True((await factory.CreateApiClient().GetAsync(url)).IsSuccessStatusCode);
        await factory.CreateApiClient(secret + "x").GetAsync(url);

        var log = string.Join('\n', capture.Lines);
        Assert.True(capture.Lines.Count > 50, "the capture saw the log");
        Assert.Contains("Request starting HTTP/1.1 GET https://localhost/account/tokens", log, StringComparison.Ordinal);
        foreach (var forbidden in new[] { PortalFactory.Password, "a-wrong-password-to-remember", secret, secret[8..], PortalFactory.BootstrapToken })
        {
            Assert.DoesNotContain(forbidden, log, StringComparison.Ordinal);
        }
    }
}
