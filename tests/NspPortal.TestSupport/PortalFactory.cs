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

    /// <summary>A database context on the portal's database, for arranging and checking data.</summary>
    public NspDbContext CreateDbContext() => Database.CreateContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Settings.Provider.ToString());
        builder.UseSetting("ConnectionStrings:NspPortal", Database.Settings.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", seed ? "true" : "false");
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
