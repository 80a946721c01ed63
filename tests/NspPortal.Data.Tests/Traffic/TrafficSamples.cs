using System.Globalization;
using System.Text;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Evaluation;

namespace NspPortal.Data.Tests.Traffic;

/// <summary>Raw NSP resource-log lines (reference/nsp.md §3.2) for the demo tenant's resources.</summary>
internal static class TrafficSamples
{
    public const string ProdPerimeter = "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
    public static readonly string StOrders = $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoorders";
    public static readonly string KvProd = $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-data/providers/Microsoft.KeyVault/vaults/kv-contoso-prod";
    public static readonly string StDev = $"/subscriptions/{DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.Storage/storageAccounts/stcontosodev";
    public static readonly string Unknown = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/elsewhere/providers/Microsoft.Storage/storageAccounts/notours";

    /// <summary>The real record of reference/nsp.md §3.2 (as in the engine's reader tests).</summary>
    public const string RealRecord =
        """{"time":"2024-05-28T09:37:11.3472380Z","resourceId":"/SUBSCRIPTIONS/1B6C3E1A-6E4D-4F1B-9E57-3C1D1A2B4C5D/RESOURCEGROUPS/MSUNDARAM-RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYPERIMETERS/MSUNDARAM-NSP","location":"eastus2euap","operationName":"Microsoft.OperationalInsights/workspaces/query","operationVersion":"2020-08-01","category":"NspPublicInboundPerimeterRulesAllowed","resultDescription":"Query workspace.","properties":{"serviceResourceId":"/subscriptions/1b6c3e1a-6e4d-4f1b-9e57-3c1d1a2b4c5d/resourceGroups/msundaram-rg/providers/Microsoft.OperationalInsights/workspaces/LA-WS-Test-NSP","serviceFqdn":"","serviceFeatureNames":["*"],"profile":"msundaramProfile","accessRulesVersion":"","appId":"","parameters":"","matchedRule":{"accessRule":"allow-demo-vm-01-IP-address"},"source":{"ipAddress":"172.183.184.225","resourceId":"","parameters":"CallerInfo: OMS","port":"50196","protocol":"https"}}}""";

    public static readonly DateTime Start = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>One raw record; the perimeter id upper-cased as Azure writes it.</summary>
    public static string Line(DateTime time, NspLogCategory category, string service, string ip, int? count = null, string? perimeter = ProdPerimeter, string? blobChild = null) =>
        "{\"time\":\"" + time.ToString("O", CultureInfo.InvariantCulture) + "\"," +
        (count is { } c ? $"\"count\":{c}," : "") +
        (perimeter is null ? "" : $"\"resourceId\":\"{perimeter.ToUpperInvariant()}\",") +
        $"\"location\":\"eastus2\",\"operationName\":\"GetBlob\",\"category\":\"{category}\",\"resultDescription\":\"Get blob.\"," +
        $"\"properties\":{{\"serviceResourceId\":\"{service}{blobChild}\",\"profile\":\"defaultProfile\",\"accessRulesVersion\":\"3\",\"matchedRule\":{{\"accessRule\":\"allow-corp-network\"}}," +
        $"\"source\":{{\"ipAddress\":\"{ip}\",\"port\":\"443\",\"protocol\":\"HTTPS:TCP\"}}}}}}";

    public static MemoryStream File(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    /// <summary><paramref name="n"/> distinct lines spread over hours and resources.</summary>
    public static string[] Many(int n, DateTime? start = null) => [.. Enumerable.Range(0, n).Select(i => Line(
        (start ?? Start).AddMinutes(i * 7), i % 3 == 0 ? NspLogCategory.NspPublicInboundResourceRulesAllowed : NspLogCategory.NspPublicInboundPerimeterRulesAllowed,
        (i % 4) switch { 0 => StOrders, 1 => KvProd, 2 => StDev, _ => Unknown },
        $"203.0.{i / 250 % 250}.{i % 250}", count: i % 5 == 0 ? null : i % 5, perimeter: i % 4 == 2 ? null : ProdPerimeter))];
}
