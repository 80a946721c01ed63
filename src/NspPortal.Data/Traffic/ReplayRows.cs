using System.Globalization;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Logs;
using NspPortal.Engine.Model;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Traffic;

/// <summary>The columns of a stored log row that replay, suggestions and top sources read (a projection, so a query
/// reads no other column).</summary>
public sealed record ReplayColumns(long Id, DateTime TimeGenerated, int Count, NspLogCategory Category, string? ResultDirection,
    string? ServiceResourceId, string? SourceIpAddress, string? SourceResourceId, string? SourceAppId, string? Parameters,
    string? SourceParameters, string? TrafficType, string? MatchedRule, string? DestinationFqdn, string? DestinationResourceId);

/// <summary>Turns stored rows into the engine's <see cref="ReplayRow"/>, parsing each distinct resource id and host
/// name once (a log holds few distinct resources and millions of rows). Not thread-safe: one per query.</summary>
public sealed class ReplayRowReader
{
    private readonly Dictionary<string, ArmResourceId?> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Fqdn?> _fqdns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The engine's row, or null when the row names no PaaS resource the engine could evaluate.</summary>
    public ReplayRow? Read(ReplayColumns c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (Id(c.ServiceResourceId) is not { } resource)
        {
            return null;
        }

        var direction = string.Equals(c.ResultDirection ?? LogCategories.Direction(c.Category), "Outbound", StringComparison.OrdinalIgnoreCase)
            ? AccessRuleDirection.Outbound
            : AccessRuleDirection.Inbound;
        var time = DateTime.SpecifyKind(c.TimeGenerated, DateTimeKind.Utc);
        if (direction == AccessRuleDirection.Outbound)
        {
            return new ReplayRow(c.Id, time, c.Count, direction, c.Category, resource)
            {
                DestinationFqdn = Host(c.DestinationFqdn),
                DestinationResourceId = Id(c.DestinationResourceId),
            };
        }

        var source = Id(c.SourceResourceId);
        return new ReplayRow(c.Id, time, c.Count, direction, c.Category, resource)
        {
            SourceIp = IpAddressKey.TryParse(c.SourceIpAddress, out var ip, out _) ? ip : null,
            SourceResourceId = source,
            Authentication = LogAuthentication.Read(c.Parameters, c.SourceParameters, c.SourceAppId, c.SourceResourceId, c.Category),
            PrivateEndpoint = c.Category == NspLogCategory.NspPrivateInboundAllowed || string.Equals(c.TrafficType, "Private", StringComparison.OrdinalIgnoreCase),
            TrustedService = string.Equals(c.MatchedRule, MatchedRules.TrustedServices, StringComparison.OrdinalIgnoreCase),
        };
    }

    private ArmResourceId? Id(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!_ids.TryGetValue(text, out var id))
        {
            id = ArmResourceId.TryParse(text, out var parsed, out _) ? parsed : null;
            _ids[text] = id;
        }

        return id;
    }

    private Fqdn? Host(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!_fqdns.TryGetValue(text, out var fqdn))
        {
            fqdn = Fqdn.TryParse(text, out var parsed, out _) ? parsed : null;
            _fqdns[text] = fqdn;
        }

        return fqdn;
    }
}

/// <summary>The sortable form of a logged source address (<see cref="TrafficLogEntry.SourceIpKey"/>): the address as its
/// IPv6 (IPv4-mapped) value in 32 lower-case hex digits, so "within a prefix" is a range of strings.</summary>
public static class SourceAddressKey
{
    /// <summary>The key of an address text, or null when it does not parse.</summary>
    public static string? Of(string? address) =>
        IpAddressKey.TryParse(address, out var key, out _) ? Of(key.Value) : null;

    /// <summary>The key of an address value.</summary>
    public static string Of(UInt128 value) => value.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>The first and last key inside a prefix (inclusive).</summary>
    public static (string First, string Last) Range(IpPrefix prefix)
    {
        var hostBits = 128 - (prefix.IsIPv4 ? prefix.PrefixLength + 96 : prefix.PrefixLength);
        var hostMask = hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (Of(prefix.Network), Of(prefix.Network | hostMask));
    }
}
