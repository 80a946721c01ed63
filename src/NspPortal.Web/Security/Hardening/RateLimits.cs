using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using NspPortal.Web.Hosting;
using NspPortal.Web.Security.Tokens;

namespace NspPortal.Web.Security.Hardening;

/// <summary>Rate limits, answered with 429 and <c>Retry-After</c>:
/// <list type="bullet">
/// <item>sign-in and first-run posts, per client address (<c>NspPortal:RateLimits:SignIn:PermitLimit</c> per
/// <c>:WindowSeconds</c>, default 10 per 60 s) — on top of the account lockout, this slows password guessing across
/// many accounts;</item>
/// <item>the API, per caller (user, bootstrap token, or address when anonymous), a token bucket
/// (<c>NspPortal:RateLimits:Api:PermitsPerSecond</c>, default 100, burst <c>:Burst</c>, default 200).</item>
/// </list>
/// Behind a reverse proxy, forward the client address (ForwardedHeaders) or every caller shares one partition.</summary>
internal static class RateLimits
{
    public static IServiceCollection AddNspRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPermits = configuration.GetValue("NspPortal:RateLimits:SignIn:PermitLimit", 10);
        var signInWindow = TimeSpan.FromSeconds(configuration.GetValue("NspPortal:RateLimits:SignIn:WindowSeconds", 60));
        var apiPerSecond = configuration.GetValue("NspPortal:RateLimits:Api:PermitsPerSecond", 100);
        var apiBurst = configuration.GetValue("NspPortal:RateLimits:Api:Burst", 200);

        var concurrency = configuration.GetValue("NspPortal:Concurrency:Limit", Environment.ProcessorCount * 8);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var limits = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsSignInPost(context.Request))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("signin:" + ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = signInPermits,
                        Window = signInWindow,
                        QueueLimit = 0,
                    });
                }

                if (PortalPaths.IsApi(context.Request.Path) && !context.Request.Path.StartsWithSegments("/healthz"))
                {
                    return RateLimitPartition.GetTokenBucketLimiter("api:" + Caller(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = apiBurst,
                        TokensPerPeriod = apiPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
                }

                return RateLimitPartition.GetNoLimiter("none");
            });
            options.GlobalLimiter = concurrency <= 0 ? limits : PartitionedRateLimiter.CreateChained(limits, Fairness(concurrency));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var message = $"Too many requests. Try again in {retryAfter} seconds.";
                if (PortalPaths.IsApi(http.Request.Path))
                {
                    await ArmErrors.WriteAsync(http, StatusCodes.Status429TooManyRequests, "TooManyRequests", message);
                }
                else if (HtmxResponses.IsHtmx(http.Request))
                {
                    await HtmxResponses.RefuseAsync(http, StatusCodes.Status429TooManyRequests, message);
                }
                else
                {
                    await ErrorPages.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many sign-in attempts", message);
                }
            };
        });
        return services;
    }

    /// <summary>Under overload, requests wait their turn in one first-come-first-served queue instead of competing for
    /// threads (where the newest often wins and the oldest wait seconds): at most <paramref name="limit"/> requests run at
    /// once (<c>NspPortal:Concurrency:Limit</c>, default 8 per core; 0 turns it off), the rest queue in arrival order.
    /// Probes and static files skip the queue.</summary>
    private static PartitionedRateLimiter<HttpContext> Fairness(int limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments("/healthz") || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
                ? RateLimitPartition.GetNoLimiter("probe")
                : RateLimitPartition.GetConcurrencyLimiter("work", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limit,
                    QueueLimit = 100_000,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase));

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>The authenticated caller (runs after authentication), else the client address.</summary>
    private static string Caller(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name ?? ClientAddress(context);
}
