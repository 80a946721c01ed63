namespace NspPortal.Web.Components.Shell;

/// <summary>Bounds for page numbers taken from query strings.</summary>
public static class PagerLimits
{
    /// <summary>The highest page a list serves; (MaxPage − 1) × page size stays far from int overflow.</summary>
    public const int MaxPage = 100_000;
}
