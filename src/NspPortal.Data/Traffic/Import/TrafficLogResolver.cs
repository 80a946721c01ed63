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
        Guid? perimeter = record.PerimeterResourceId is { } perimeterId && PerimeterOf(perimeterId) is { } p ? p : null;
        Guid? association = null;
        Guid? subscription = null;
        string? serviceKey = null;
        if (record.ServiceResourceId is { } service)
        {
            var resolved = Service(service);
            serviceKey = resolved.Key;
            subscription = resolved.Subscription;
            if (resolved.Association is { } found && (perimeter is null || perimeter == found.Perimeter))
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

    private readonly Dictionary<string, Guid?> _perimeterCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Key, Guid? Subscription, (Guid Perimeter, Guid Association)? Association)> _serviceCache = new(StringComparer.Ordinal);

    private Guid? PerimeterOf(string id)
    {
        if (_perimeterCache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        Guid? found = _perimeters.TryGetValue(id.ToUpperInvariant(), out var p) ? p : null;
        if (_perimeterCache.Count < MaxCachedIds)
        {
            _perimeterCache[id] = found;
        }

        return found;
    }

    /// <summary>A logged PaaS resource id: its upper-case key, subscription and association (a child id such as a blob
    /// service resolves to its top-level resource). Cached: a file names few resources, many times.</summary>
    private (string Key, Guid? Subscription, (Guid Perimeter, Guid Association)? Association) Service(string id)
    {
        if (_serviceCache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var parsed = Parse(id);
        var key = id.ToUpperInvariant();
        var top = (parsed?.TopLevelResource ?? parsed)?.Value.ToUpperInvariant() ?? key;
        var resolved = (key, parsed?.SubscriptionId.Value, _associations.TryGetValue(top, out var found) ? found : ((Guid, Guid)?)null);
        if (_serviceCache.Count < MaxCachedIds)
        {
            _serviceCache[id] = resolved;
        }

        return resolved;
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
