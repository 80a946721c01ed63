using System.Globalization;
using System.Text.RegularExpressions;

namespace NspPortal.Web.Arm;

/// <summary>Which api-versions an ARM route accepts (endpoint metadata read by <see cref="ApiVersionFilter"/>).</summary>
/// <param name="ResourceType">The type named in ARM's error message, e.g. <c>networkSecurityPerimeters/profiles</c>.</param>
/// <param name="Family">Which provider's version list applies.</param>
/// <param name="MinimumVersion">The first version with this operation (e.g. <c>nspServiceTags</c>: 2024-10-01).</param>
public sealed record ArmRoute(string ResourceType, ApiFamily Family = ApiFamily.Nsp, string? MinimumVersion = null);

/// <summary>Version lists: Microsoft.Network's NSP versions, any Microsoft.Resources version, Insights' event API.</summary>
public enum ApiFamily
{
    /// <summary>The six NSP versions of reference/nsp.md §0.1.</summary>
    Nsp,

    /// <summary>Resource groups, subscriptions and the PaaS inventory: any well-formed version (they are not versioned here).</summary>
    Resources,

    /// <summary>The activity log's <c>eventtypes/management/values</c>: 2015-04-01.</summary>
    Insights,
}

/// <summary>An accepted api-version and the shape it implies (reference/nsp.md §0.1).</summary>
public sealed partial record ApiVersion(string Value)
{
    /// <summary>The NSP versions the portal serves, oldest first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["2024-07-01", "2024-10-01", "2025-01-01", "2025-05-01", "2025-07-01", "2026-01-01"];

    /// <summary>The version the portal's own links and exports use.</summary>
    public const string Latest = "2025-05-01";

    public const string Insights = "2015-04-01";

    /// <summary>2024-07-01 to 2025-01-01: child resources derive from network.json's Resource, so they carry
    /// <c>location</c> and <c>tags</c>, and operation statuses use the custom <c>NspOperationStatus</c> shape.</summary>
    public bool IsLegacyShape => string.CompareOrdinal(Value, "2025-05-01") < 0;

    /// <summary><c>forceDeletion</c>, <c>nspServiceTags</c> and the logging configuration list arrived in 2024-10-01.</summary>
    public bool AtLeast(string version) => string.CompareOrdinal(Value, version) >= 0;

    /// <summary>yyyy-MM-dd with an optional -preview suffix.</summary>
    public static bool IsWellFormed(string value) => WellFormed().IsMatch(value)
        && DateTime.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?$")]
    private static partial Regex WellFormed();
}
