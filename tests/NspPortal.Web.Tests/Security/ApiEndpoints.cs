using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Web.Hosting;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Tests.Security;

/// <summary>Where an operation's permission is checked: at the root <c>/</c> (<c>AtRootScope</c>), at the subscription in its
/// route, or — for a route that names none, like <c>GET /subscriptions</c> — held anywhere (the answer then shows only
/// what the caller may see).</summary>
public enum ApiScope
{
    Root,
    Subscription,
    Anywhere,
}

/// <summary>One API operation as mapped: method, route template, the permission its metadata declares and its scope.</summary>
public sealed record ApiOperation(string Method, string Route, NspPermission Permission, ApiScope Scope)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>Whether a caller with <paramref name="grants"/> may call it (at the production subscription).</summary>
    public bool AllowedFor(AccessGrants grants) => Scope switch
    {
        ApiScope.Root => grants.Allows(Permission, NspScope.Root),
        ApiScope.Subscription => grants.Allows(Permission, NspScope.Subscription(DemoTenant.Production)),
        _ => grants.AllowsAnywhere(Permission),
    };

    /// <summary>A concrete URL: the production subscription, the given resource group, names that do not exist (so an
    /// allowed call reads or writes nothing that exists), and an api-version the namespace knows.</summary>
    public string Url(string resourceGroup = "rg-prod-network") =>
        Regex.Replace(Route, @"\{([^}:]+)(:[^}]*)?\}", m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "subscriptionid" => DemoTenant.Production.ToString(),
            "resourcegroupname" => resourceGroup,
            "name" or "roleassignmentname" => Guid.NewGuid().ToString(),
            var other => $"matrix-{other.ToLowerInvariant()}",
        }) + $"?api-version={(Route.Contains("Microsoft.Authorization", StringComparison.Ordinal) ? "2022-04-01" : "2025-05-01")}";
}

/// <summary>The API operations of a running portal, read from its endpoint metadata (so operations added later are seen),
/// and the golden table <c>ApiOperations.csv</c> that says what each should need.</summary>
internal static class ApiEndpoints
{
    public static IReadOnlyList<ApiOperation> Mapped(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => PortalPaths.IsApi(new PathString("/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("healthz", StringComparison.Ordinal));
        var operations = new List<ApiOperation>();
        foreach (var e in endpoints)
        {
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var permission = Enum.GetValues<NspPermission>().Where(p => policies.Contains(NspPolicies.For(p))).DefaultIfEmpty(NspPermission.Read).Max();
            var scope = e.Metadata.GetMetadata<AtRootScopeAttribute>() is not null ? ApiScope.Root
                : e.RoutePattern.RawText!.Contains("{subscriptionId", StringComparison.OrdinalIgnoreCase) ? ApiScope.Subscription
                : ApiScope.Anywhere;
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                operations.Add(new ApiOperation(method, "/" + e.RoutePattern.RawText!.TrimStart('/'), permission, scope));
            }
        }

        return operations;
    }

    public static IReadOnlyList<ApiOperation> Table() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", "ApiOperations.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split(',').Select(c => c.Trim()).ToArray())
            .Select(c => new ApiOperation(c[0], c[1], Enum.Parse<NspPermission>(c[2]), Enum.Parse<ApiScope>(c[3], ignoreCase: true)))];
}
