using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data;

namespace NspPortal.TestSupport;

/// <summary>The whole portal, started in-process on its own throw-away database (seeded with the demo tenant
/// unless told otherwise). <see cref="StartKestrel"/> serves it on a random loopback port for a real browser.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool seed;
    private readonly Dictionary<string, string?> settings;

    private PortalFactory(TestDatabase database, bool seed, IDictionary<string, string?>? settings)
    {
        Database = database;
        this.seed = seed;
        this.settings = new(settings ?? new Dictionary<string, string?>());
    }

    /// <summary>The bootstrap token every test portal accepts (<c>NspPortal:Api:BootstrapToken</c>), unless a test
    /// overrides the setting.</summary>
    public const string BootstrapToken = "test-bootstrap-token";

    public TestDatabase Database { get; }

    /// <summary>Creates the database and the factory; the host starts on first use.</summary>
    public static async Task<PortalFactory> CreateAsync(bool seed = true, IDictionary<string, string?>? settings = null) =>
        new(await TestDatabase.CreateAsync(migrate: false), seed, settings);

    /// <summary>Serves the portal over real HTTP on 127.0.0.1 and returns its base address (for Playwright).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>A client for the ARM API: <c>Authorization: Bearer</c> with the bootstrap token.</summary>
    public HttpClient CreateArmClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BootstrapToken);
        return client;
    }

    /// <summary>Adds a subscription (the API cannot create them, as in Azure) and returns its id.</summary>
    public async Task<Guid> AddSubscriptionAsync(Guid? id = null, string displayName = "Test subscription")
    {
        var subscription = id ?? Guid.NewGuid();
        await using var db = CreateDbContext();
        db.Subscriptions.Add(new NspPortal.Data.Entities.SubscriptionEntity { Id = subscription, DisplayName = displayName, TenantId = Guid.Empty });
        await db.SaveChangesAsync();
        return subscription;
    }

    /// <summary>A database context on the portal's database, for arranging and checking data.</summary>
    public NspDbContext CreateDbContext() => Database.CreateContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Settings.Provider.ToString());
        builder.UseSetting("ConnectionStrings:NspPortal", Database.Settings.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", seed ? "true" : "false");
        builder.UseSetting("NspPortal:Api:BootstrapToken", BootstrapToken);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
