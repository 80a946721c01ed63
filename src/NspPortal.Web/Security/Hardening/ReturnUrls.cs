namespace NspPortal.Web.Security.Hardening;

/// <summary>Return URLs (<c>?returnUrl=</c> after sign-in) may only point back into the portal, never elsewhere
/// (open redirect). Same rules as ASP.NET Core's <c>IsLocalUrl</c>, plus: no control characters or backslashes at all
/// (browsers drop tabs and newlines and read <c>\</c> as <c>/</c>, which turns <c>/\t/evil</c> into <c>//evil</c>).</summary>
public static class ReturnUrls
{
    /// <summary><paramref name="url"/> when it is a local path (<c>/…</c>), else <c>/</c>.</summary>
    public static string SafeLocal(string? url) => IsLocal(url) ? url! : "/";

    /// <summary>True for <c>/</c> and <c>/path?query#fragment</c>; false for absolute, protocol-relative and odd URLs.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false; // //host or /\host: another site
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path and query of the current request, for "come back here after signing in".</summary>
    public static string CurrentPathAndQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SafeLocal(request.PathBase + request.Path + request.QueryString);
    }
}
