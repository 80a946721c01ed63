using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;
using NspPortal.Web.Security.Tokens;

namespace NspPortal.Web.Tests.Features.Account;

public class PersonalAccessTokenTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly string ProdAssignments = $"/subscriptions/{DemoTenant.Production}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01";

    [Fact]
    public async Task ATokenIsShownOnceAndStoredOnlyAsAHash()
    {
        await portal.Factory.EnsureUserAsync("pat-once@nspportal.test", (NspRole.Reader, NspScope.Root));
        var secret = await portal.Factory.CreatePersonalAccessTokenAsync("pat-once@nspportal.test", "CI pipeline", 90);

        Assert.StartsWith("nsp_pat_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 50);
        var client = await portal.Factory.CreateSignedInClientAsync("pat-once@nspportal.test");
        var page = await client.GetStringAsync("/account/tokens");
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        var row = Html.Parse(page).QuerySelector("table.grid tbody tr")!;
        Assert.Contains("CI pipeline", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(secret[..12], row.TextContent, StringComparison.Ordinal); // the hint
        await using var db = portal.Factory.CreateDbContext();
        var stored = await db.PersonalAccessTokens.SingleAsync(t => t.Name == "CI pipeline");
        Assert.Equal(PersonalAccessTokens.Hash(secret), stored.TokenHash);
        Assert.InRange((stored.ExpiresAt - stored.CreatedAt).TotalDays, 89.9, 90.1);
        Assert.Null(stored.LastUsedAt);
    }

    [Fact]
    public async Task ATokenActsWithItsOwnersRolesAndRecordsItsLastUse()
    {
        var api = await portal.Factory.CreateApiClientAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production));

        var list = await api.GetAsync(ProdAssignments);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(ProdAssignments.Replace(DemoTenant.Production.ToString(), DemoTenant.Development.ToString(), StringComparison.Ordinal))).StatusCode);
        await using var db = portal.Factory.CreateDbContext();
        Assert.NotNull((await db.PersonalAccessTokens.Include(t => t.User).SingleAsync(t => t.User!.Email == "reader.8f2b1c4e@nspportal.test")).LastUsedAt);
    }

    [Fact]
    public async Task AForbiddenApiCallNamesTheActionAndTheScope()
    {
        var api = await portal.Factory.CreateApiClientAsync(NspRole.Contributor, NspScope.Subscription(DemoTenant.Production));

        var response = await api.PutAsJsonAsync(
            $"/subscriptions/{DemoTenant.Production}/providers/Microsoft.Authorization/roleAssignments/{Guid.NewGuid()}?api-version=2022-04-01",
            new { properties = new { roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7", principalId = PortalFactory.OwnerEmail } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error");
        Assert.Equal("AuthorizationFailed", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("Microsoft.Authorization/roleAssignments/write", message, StringComparison.Ordinal);
        Assert.Contains($"/subscriptions/{DemoTenant.Production}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedTokenStopsWorking()
    {
        await portal.Factory.EnsureUserAsync("pat-revoke@nspportal.test", (NspRole.Reader, NspScope.Root));
        var secret = await portal.Factory.CreatePersonalAccessTokenAsync("pat-revoke@nspportal.test", "to revoke");
        var api = portal.Factory.CreateApiClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(ProdAssignments)).StatusCode);

        var owner = await portal.Factory.CreateSignedInClientAsync("pat-revoke@nspportal.test");
        var id = Html.Parse(await owner.GetStringAsync("/account/tokens")).QuerySelector("button[name='Revoke.TokenId']")!.GetAttribute("value")!;
        var revoked = await owner.SubmitFormAsync("/account/tokens", "form:has(button[name='Revoke.TokenId'])", new Dictionary<string, string>(), ("Revoke.TokenId", id));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refused = await api.GetAsync(ProdAssignments);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("InvalidAuthenticationToken", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedAsExpired()
    {
        await portal.Factory.EnsureUserAsync("pat-expired@nspportal.test", (NspRole.Reader, NspScope.Root));
        var secret = await portal.Factory.CreatePersonalAccessTokenAsync("pat-expired@nspportal.test", "expires");
        await using (var db = portal.Factory.CreateDbContext())
        {
            var hash = PersonalAccessTokens.Hash(secret);
            await db.PersonalAccessTokens.Where(t => t.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        var response = await portal.Factory.CreateApiClient(secret).GetAsync(ProdAssignments);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("ExpiredAuthenticationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomebodyElsesTokenCannotBeRevoked()
    {
        await portal.Factory.EnsureUserAsync("pat-victim@nspportal.test", (NspRole.Reader, NspScope.Root));
        await portal.Factory.CreatePersonalAccessTokenAsync("pat-victim@nspportal.test", "victim");
        Guid victimToken;
        await using (var db = portal.Factory.CreateDbContext())
        {
            victimToken = await db.PersonalAccessTokens.Where(t => t.Name == "victim").Select(t => t.Id).SingleAsync();
        }

        await portal.Factory.CreatePersonalAccessTokenAsync(PortalFactory.OwnerEmail, "mine");
        var response = await portal.Client().SubmitFormAsync("/account/tokens", "form:has(button[name='Revoke.TokenId'])", new Dictionary<string, string>(), ("Revoke.TokenId", victimToken.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var check = portal.Factory.CreateDbContext();
        Assert.Null((await check.PersonalAccessTokens.SingleAsync(t => t.Id == victimToken)).RevokedAt);
    }

    [Theory]
    [InlineData(null, "AuthenticationFailed")]
    [InlineData("Bearer nsp_pat_not-a-real-token", "InvalidAuthenticationToken")]
    [InlineData("Bearer test-bootstrap-tokeN", "InvalidAuthenticationToken")]
    [InlineData("Basic dXNlcjpwYXNz", "InvalidAuthenticationToken")]
    public async Task WithoutAValidTokenTheApiAnswers401WithAnArmError(string? authorization, string code)
    {
        var client = portal.Factory.CreateAnonymousClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync(ProdAssignments);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var error = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheBootstrapTokenIsOwnerEverywhere()
    {
        var api = portal.Factory.CreateApiClient();

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(ProdAssignments)).StatusCode);
    }
}
