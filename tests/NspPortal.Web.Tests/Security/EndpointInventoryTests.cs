using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>Checks every endpoint the portal maps — including ones added after these tests were written — for the two
/// rules that must hold everywhere: nobody reaches anything without signing in unless it is on the short anonymous list,
/// and every state-changing browser endpoint checks antiforgery.</summary>
public class EndpointInventoryTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    /// <summary>The only routes reachable without signing in (static assets aside).</summary>
    private static readonly HashSet<string> AnonymousRoutes =
    [
        "/signin", "/setup", "/signout", "/status/{Code:int}", "/error", "/not-found", "/healthz/live", "/healthz/ready",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)];

    private static string Route(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.TrimStart('/');

    [Fact]
    public void OnlyTheSignInPagesStatusPagesAndProbesAllowAnonymousCallers()
    {
        var anonymous = Endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Route).ToHashSet();

        Assert.Subset(AnonymousRoutes, anonymous);
    }

    [Fact]
    public async Task EveryOtherEndpointDeclaresARoleOrFallsBackToRead()
    {
        var policy = portal.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await policy.GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is NspPortal.Web.Security.Authorization.NspPermissionRequirement { Permission: NspPortal.Data.Security.NspPermission.Read });
        Assert.All(Endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null), e =>
            Assert.DoesNotContain(Route(e), AnonymousRoutes));
    }

    [Fact]
    public void EveryStateChangingBrowserEndpointRequiresAntiforgery()
    {
        var unsafeEndpoints = Endpoints.Where(e => !NspPortal.Web.Hosting.PortalPaths.IsApi(new PathString(Route(e))))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") ?? true)
            .ToList();

        Assert.NotEmpty(unsafeEndpoints);
        Assert.All(unsafeEndpoints, e =>
            Assert.True(e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation == true, $"{Route(e)} ({e.DisplayName}) does not require antiforgery"));
    }

    [Fact]
    public async Task EveryPageRedirectsAnAnonymousVisitorToSignIn()
    {
        var client = portal.Factory.CreateAnonymousClient(allowAutoRedirect: false);
        var pages = Endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => Fill(Route(e))).Distinct().ToList();

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            if (NspPortal.Web.Hosting.PortalPaths.IsApi(new PathString(page)))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{page}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
                Assert.StartsWith("/signin", Html.RedirectTarget(response), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task EveryPageRefusesASignedInUserWithoutARole()
    {
        await portal.Factory.EnsureUserAsync("no-role@nspportal.test");
        var client = await portal.Factory.CreateSignedInClientAsync("no-role@nspportal.test", allowAutoRedirect: false);
        var pages = Endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Where(e => !NspPortal.Web.Hosting.PortalPaths.IsApi(new PathString(Route(e))))
            .Select(e => Fill(Route(e))).Distinct().ToList();

        foreach (var page in pages.Where(p => p != "/account/tokens")) // their own tokens page needs no role
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page}: {response.StatusCode}");
        }
    }

    /// <summary>A concrete URL for a route template: the demo tenant's production perimeter for resource routes.</summary>
    private static string Fill(string route) => route
        .Replace("{SubscriptionId:guid}", DemoTenant.Production.ToString(), StringComparison.OrdinalIgnoreCase)
        .Replace("{subscriptionId:guid}", DemoTenant.Production.ToString(), StringComparison.OrdinalIgnoreCase)
        .Replace("{subscriptionId}", DemoTenant.Production.ToString(), StringComparison.OrdinalIgnoreCase)
        .Replace("{ResourceGroup}", "rg-prod-network", StringComparison.OrdinalIgnoreCase)
        .Replace("{Namespace}", "Microsoft.Sql", StringComparison.OrdinalIgnoreCase)
        .Replace("{Type}", "servers", StringComparison.OrdinalIgnoreCase)
        .Replace("{Name}", "nsp-contoso-prod", StringComparison.OrdinalIgnoreCase)
        .Replace("{Code:int}", "404", StringComparison.OrdinalIgnoreCase);
}
