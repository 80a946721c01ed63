namespace NspPortal.Web.Hosting;

/// <summary>Which request paths belong to the machine-facing API rather than the browser UI.</summary>
internal static class PortalPaths
{
    /// <summary>ARM-compatible routes (<c>/subscriptions/…</c>, <c>/providers/…</c>), health probes and <c>/api</c>.</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/subscriptions", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/providers", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
