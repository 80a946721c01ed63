using System.Net;
using NspPortal.Data.Security;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests;

/// <summary>One seeded portal shared by the integration tests of a class, with the Owner signed in once (through the
/// real sign-in form). <c>portal.Client()</c> is that Owner; <c>await portal.ClientAsync(NspRole.Reader)</c> another role;
/// <c>portal.Client()</c> is anonymous.</summary>
public sealed class SeededPortal : IAsyncLifetime
{
    private Cookie ownerSession = null!;

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await PortalFactory.CreateAsync();
        ownerSession = await Factory.SessionCookieAsync(PortalFactory.OwnerEmail); // starts the host (migrates, seeds)
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client signed in as the Owner at <c>/</c>.</summary>
    public HttpClient Client(bool allowAutoRedirect = true) => Factory.CreateClientWithCookie(ownerSession, allowAutoRedirect);

    /// <summary>A client signed in as a user holding <paramref name="role"/> at <paramref name="scope"/> (default <c>/</c>).</summary>
    public Task<HttpClient> ClientAsync(NspRole role, NspScope? scope = null, bool allowAutoRedirect = true) =>
        Factory.CreateSignedInClientAsync(role, scope, allowAutoRedirect);

    /// <summary>A client that behaves like htmx (HX-Request and HX-Target headers on every request), signed in as the Owner.</summary>
    public HttpClient HtmxClient(string target)
    {
        var client = Client();
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        client.DefaultRequestHeaders.Add("HX-Target", target);
        return client;
    }
}
