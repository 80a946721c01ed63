using NspPortal.Web.Arm;

namespace NspPortal.Web.Security.Tokens;

/// <summary>ARM's error body, <c>{"error":{"code":…,"message":…}}</c>, for answers the security layer gives on API paths
/// (the same writer as the ARM API's, <see cref="ArmError.WriteAsync"/>).</summary>
internal static class ArmErrors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        ArmError.WriteAsync(context, status, new ArmError(code, message));
}
