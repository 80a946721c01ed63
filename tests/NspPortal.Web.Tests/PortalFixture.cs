using NspPortal.TestSupport;

namespace NspPortal.Web.Tests;

/// <summary>One seeded portal shared by the read-only integration tests of a class.</summary>
public sealed class SeededPortal : IAsyncLifetime
{
    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await PortalFactory.CreateAsync();
        _ = Factory.Server; // start the host (migrates and seeds) before the first test
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client that behaves like htmx: HX-Request and HX-Target headers on every request.</summary>
    public HttpClient HtmxClient(string target)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        client.DefaultRequestHeaders.Add("HX-Target", target);
        return client;
    }
}
