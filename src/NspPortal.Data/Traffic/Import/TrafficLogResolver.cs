using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Representation;
using NspPortal.Engine.Logs;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Traffic.Import;

/// <summary>Resolves what a log row belongs to in the portal (reference/nsp.md §3.2: raw records name the perimeter
/// by its upper-cased id, the PaaS resource by <c>serviceResourceId</c>): the perimeter by id, else the perimeter the
/// PaaS resource is associated with; the association of the resource in that perimeter; the resource's subscription.
/// Loaded once per import: the configuration is small next to the log.</summary>
internal sealed class TrafficLogResolver
{
    private const int MaxCachedIds = 100_000;
    private readonly Dictionary<string, Guid> _perimeters;
    private readonly Dictionary<string, (Guid Perimeter, Guid Association)> _associations;
    private readonly Dictionary<string, ArmResourceId?> _parsed = new(StringComparer.OrdinalIgnoreCase);

    private TrafficLogResolver(Dictionary<string, Guid> perimeters, Dictionary<string, (Guid, Guid)> associations)
    {
        _perimeters = perimeters;
        _associations = associations;
    }

    public static async Task<TrafficLogResolver> LoadAsync(NspDbContext db, CancellationToken cancellationToken)
    {
        var perimeters = await db.Perimeters.AsNoTracking().Include(p => p.ResourceGroup).ToListAsync(cancellationToken);
        var byId = perimeters.ToDictionary(p => ResourceIds.Of(p).ToUpperInvariant(), p => p.Id, StringComparer.Ordinal);
        var associations = await db.ResourceAssociations.AsNoTracking()
            .Select(a => new { a.Id, a.PerimeterId, a.PaasResource!.ResourceIdKey })
            .ToListAsync(cancellationToken);
        var byResource = new Dictionary<string, (Guid, Guid)>(StringComparer.Ordinal);
        foreach (var a in associations)
        {
            byResource.TryAdd(a.ResourceIdKey.ToUpperInvariant(), (a.PerimeterId, a.Id));
        }

        return new TrafficLogResolver(byId, byResource);
    }

    public TrafficRow Resolve(AccessLogRecord record)
    {
        Guid? perimeter = record.PerimeterResourceId is { } perimeterId && _perimeters.TryGetValue(perimeterId.ToUpperInvariant(), out var p) ? p : null;
        Guid? association = null;
        Guid? subscription = null;
        string? serviceKey = null;
        if (record.ServiceResourceId is { } service)
        {
            serviceKey = service.ToUpperInvariant();
            var parsed = Parse(service);
            subscription = parsed?.SubscriptionId.Value;
            var top = (parsed?.TopLevelResource ?? parsed)?.Value.ToUpperInvariant() ?? serviceKey;
            if (_associations.TryGetValue(top, out var found) && (perimeter is null || perimeter == found.Perimeter))
            {
                perimeter ??= found.Perimeter;
                association = found.Association;
            }
        }

        string? ipKey = null;
        if (record.Source.IpAddress is { } ip && IpAddressKey.TryParse(ip, out var key, out _))
        {
            ipKey = key.Value.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new TrafficRow(record, AccessLogHash.Compute(record))
        {
            PerimeterId = perimeter,
            AssociationId = association,
            SubscriptionId = subscription,
            ServiceResourceIdKey = serviceKey,
            SourceIpKey = ipKey,
            SourcePerimeterGuids = record.Source.PerimeterGuids.Count == 0 ? null : string.Join(',', record.Source.PerimeterGuids),
        };
    }

    private ArmResourceId? Parse(string id)
    {
        if (_parsed.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var parsed = ArmResourceId.TryParse(id, out var value, out _) ? value : null;
        if (_parsed.Count < MaxCachedIds)
        {
            _parsed[id] = parsed;
        }

        return parsed;
    }
}
