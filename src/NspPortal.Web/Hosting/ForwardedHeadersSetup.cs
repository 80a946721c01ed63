using Microsoft.AspNetCore.HttpOverrides;

namespace NspPortal.Web.Hosting;

/// <summary>Behind a reverse proxy that terminates TLS, the portal must know the request was HTTPS (Secure cookies,
/// HSTS) and who the client is (sign-in rate limits are per client address). <c>NspPortal:ForwardedHeaders:Enabled</c>
/// trusts <c>X-Forwarded-For</c>/<c>-Proto</c> from loopback proxies and from the networks listed in
/// <c>NspPortal:ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. the docker network). Off by default: trusting these
/// headers from anyone would let a client pick its own address.</summary>
internal static class ForwardedHeadersSetup
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("NspPortal:ForwardedHeaders:Enabled", false);

    public static IServiceCollection AddNspForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in configuration.GetSection("NspPortal:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
