using System.Net;
using System.Text;
using System.Text.Json;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;

namespace NspPortal.Web.Tests.Security;

/// <summary>Every API operation against every role (personal access tokens of real users, and the bootstrap token): the
/// callers whose role at the operation's scope lacks its permission get 403 <c>AuthorizationFailed</c> naming the action
/// and the scope; everyone else gets past authorization (whatever the operation then answers for a resource that does not
/// exist). The operations come from the running portal's endpoints and must match <c>ApiOperations.csv</c>.</summary>
public class ApiRoleMatrixTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly (string Name, NspRole? Role, NspScope Scope)[] Callers =
    [
        ("no-role", null, NspScope.Root),
        ("reader", NspRole.Reader, NspScope.Subscription(DemoTenant.Production)),
        ("troubleshooter", NspRole.Troubleshooter, NspScope.Subscription(DemoTenant.Production)),
        ("contributor", NspRole.Contributor, NspScope.Subscription(DemoTenant.Production)),
        ("owner", NspRole.Owner, NspScope.Subscription(DemoTenant.Production)),
        ("owner-dev", NspRole.Owner, NspScope.Subscription(DemoTenant.Development)),
        ("contributor-root", NspRole.Contributor, NspScope.Root),
        ("owner-root", NspRole.Owner, NspScope.Root),
    ];

    [Fact]
    public void EveryApiOperationIsInTheTableWithThePermissionItDeclares()
    {
        var mapped = ApiEndpoints.Mapped(portal.Factory.Services).Select(o => o.ToString() + " → " + o.Permission + " at " + o.Scope).Order().ToList();
        var table = ApiEndpoints.Table().Select(o => o.ToString() + " → " + o.Permission + " at " + o.Scope).Order().ToList();

        Assert.Equal(table, mapped);
    }

    [Fact]
    public async Task OnlyCallersWithoutThePermissionAtTheScopeAreRefused()
    {
        var failures = new List<string>();
        var clients = new Dictionary<string, HttpClient> { ["bootstrap"] = portal.Factory.CreateApiClient() };
        foreach (var (name, role, scope) in Callers)
        {
            var email = $"api-matrix.{name}@nspportal.test";
            await portal.Factory.EnsureUserAsync(email, role is { } r ? [(r, scope)] : []);
            clients[name] = portal.Factory.CreateApiClient(await portal.Factory.CreatePersonalAccessTokenAsync(email, "api matrix"));
        }

        foreach (var operation in ApiEndpoints.Table())
        {
            var target = operation.Scope == ApiScope.Root ? NspScope.Root : NspScope.Subscription(DemoTenant.Production);
            foreach (var (name, client) in clients)
            {
                var grants = name switch
                {
                    "bootstrap" => AccessGrants.GlobalOwner,
                    _ when Callers.Single(c => c.Name == name) is { Role: { } r, Scope: var s } => new AccessGrants([new ScopedRole(s, r)]),
                    _ => AccessGrants.None,
                };
                var allowed = operation.AllowedFor(grants);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url("rg-matrix-missing"));
                if (operation.Method is "PUT" or "PATCH" or "POST")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                var forbidden = response.StatusCode == HttpStatusCode.Forbidden;
                if (forbidden == allowed)
                {
                    failures.Add($"{operation} as {name}: {(int)response.StatusCode}, expected {(allowed ? "past authorization" : "403")}");
                }
                else if (forbidden)
                {
                    var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
                    if (error.GetProperty("code").GetString() != "AuthorizationFailed"
                        || (operation.Scope != ApiScope.Anywhere && !error.GetProperty("message").GetString()!.Contains(target.ToString(), StringComparison.Ordinal)))
                    {
                        failures.Add($"{operation} as {name}: 403 without AuthorizationFailed naming {target}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
