using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data.Security;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Tests.Security;

/// <summary>The four permission policies as the pipeline evaluates them, for every role and every kind of request scope —
/// including Troubleshoot, which no endpoint uses yet (the traffic-log and troubleshooter blades will).</summary>
public class PermissionPolicyTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly Guid Prod = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");

    public static TheoryData<NspRole?, NspPermission, string> Cases()
    {
        var data = new TheoryData<NspRole?, NspPermission, string>();
        foreach (var role in new NspRole?[] { null, NspRole.Reader, NspRole.Troubleshooter, NspRole.Contributor, NspRole.Owner })
        {
            foreach (var permission in Enum.GetValues<NspPermission>())
            {
                foreach (var path in new[] { "prod", "other", "none", "bad" })
                {
                    data.Add(role, permission, path);
                }
            }
        }

        return data;
    }

    /// <summary>The caller holds <paramref name="role"/> on the production subscription only.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task APolicyPassesExactlyWhenTheRoleAtTheRequestsScopeGrantsThePermission(NspRole? role, NspPermission permission, string path)
    {
        var claims = role is { } r ? [new Claim(NspClaims.Grant, NspClaims.GrantValue(r, NspScope.Subscription(Prod)))] : Array.Empty<Claim>();
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiTokenDefaults.AuthenticationType));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        context.Request.Path = path switch
        {
            "prod" => $"/subscriptions/{Prod}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp",
            "other" => $"/subscriptions/{Guid.NewGuid()}/providers/Microsoft.Network/networkSecurityPerimeters",
            "bad" => "/subscriptions/not-a-guid/providers/Microsoft.Network/networkSecurityPerimeters",
            _ => "/browse/all",
        };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;

        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, context, NspPolicies.For(permission));

        var grants = role is { } held && held.Grants(permission);
        var expected = path switch
        {
            "prod" => grants,
            "none" => grants, // not about one subscription: held somewhere is enough; the page filters what it shows
            _ => false, // another subscription, or one that is not a GUID (checked as the root)
        };
        Assert.Equal(expected, result.Succeeded);
    }

    [Fact]
    public async Task GrantClaimsFromACookieIdentityAreIgnored()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(NspClaims.Grant, "Owner@/")], "Identity.Application"));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        context.Request.Path = "/browse/all";
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;

        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, context, NspPolicies.Read);

        Assert.False(result.Succeeded);
    }
}
