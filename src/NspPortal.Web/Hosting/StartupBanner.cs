using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NspPortal.Data;

namespace NspPortal.Web.Hosting;

/// <summary>Tells the person who just ran <c>dotnet run</c> where to point the browser and where the data lives.</summary>
internal static class StartupBanner
{
    public static void Register(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            var url = addresses.FirstOrDefault() ?? "(no address)";
            Console.WriteLine();
            Console.WriteLine($"  NspPortal is running. Open {url} in your browser.");
            Console.WriteLine($"  Database: {settings.Describe()}");
            if (app.Configuration["NspPortal:Auth:BootstrapAdmin:Email"] is { Length: > 0 } admin)
            {
                // The e-mail only: the password stays in the configuration it came from (README: the demo's password).
                Console.WriteLine($"  Sign in as {admin} (NspPortal:Auth:BootstrapAdmin; the demo password is in README.md).");
            }

            Console.WriteLine("  Press Ctrl+C to stop.");
            Console.WriteLine();
        });
    }
}
