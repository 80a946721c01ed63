using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

/// <summary>Builds the link tables: for traffic from a source perimeter into a destination perimeter, the Approved
/// link records (links and link references, from either side) that may carry it, each with the destination profiles
/// it admits inbound and the source profiles it admits outbound (reference/nsp.md §4.5; docs/engine.md, "Links").</summary>
/// <remarks>A record held by perimeter X pointing at Y admits traffic Y→X into X's <c>localInboundProfiles</c> from Y's
/// <c>remoteOutboundProfiles</c>, and traffic X→Y into Y's <c>remoteInboundProfiles</c> from X's <c>localOutboundProfiles</c>.
/// The inbound table lists records held by the destination first, the outbound table those held by the source first
/// (the evaluated resource's own perimeter names the link in the decision); then by name.</remarks>
internal static class LinkTableBuilder
{
    public static long Key(int destination, int source) => ((long)destination << 32) | (uint)source;

    public static (Dictionary<long, LinkRecord[]> Inbound, Dictionary<long, LinkRecord[]> Outbound) Build(
        List<PerimeterEntry> perimeters, List<Dictionary<string, CompiledProfile>> profiles,
        Dictionary<string, int> perimeterById, Dictionary<Guid, int> perimeterByGuid)
    {
        var pairs = new Dictionary<long, List<(LinkRecord Record, int Owner, int Order)>>();
        var order = 0;
        for (var x = 0; x < perimeters.Count; x++)
        {
            var model = perimeters[x].Model;
            var sides = model.Links.Select(l => ((LinkSide)l, "link")).Concat(model.LinkReferences.Select(l => ((LinkSide)l, "link reference")));
            foreach (var (side, kind) in sides)
            {
                var y = Resolve(side, perimeterById, perimeterByGuid);
                if (side.Status != LinkStatus.Approved || y < 0 || y == x)
                {
                    continue;
                }

                var description = $"{kind} '{side.Name}' of perimeter '{model.Name}'";
                Add(pairs, Key(x, y), new LinkRecord
                {
                    Name = side.Name,
                    Description = description,
                    DestinationInbound = Filter(side.LocalInboundProfiles, profiles[x]),
                    SourceOutbound = Filter(side.RemoteOutboundProfiles, profiles[y]),
                }, x, order++);
                Add(pairs, Key(y, x), new LinkRecord
                {
                    Name = side.Name,
                    Description = description,
                    DestinationInbound = Filter(side.RemoteInboundProfiles, profiles[y]),
                    SourceOutbound = Filter(side.LocalOutboundProfiles, profiles[x]),
                }, x, order++);
            }
        }

        var inbound = new Dictionary<long, LinkRecord[]>();
        var outbound = new Dictionary<long, LinkRecord[]>();
        foreach (var (key, records) in pairs)
        {
            var destination = (int)(key >> 32);
            var source = (int)(uint)key;
            inbound.Add(key, Ordered(records, destination));
            outbound.Add(key, Ordered(records, source));
        }

        return (inbound, outbound);
    }

    /// <summary>The perimeter a record points at: by resource id, else by GUID; -1 when not in the configuration.</summary>
    public static int Resolve(LinkSide side, Dictionary<string, int> perimeterById, Dictionary<Guid, int> perimeterByGuid)
    {
        if (side.RemotePerimeterId is { } id && perimeterById.TryGetValue(id.Value, out var byId))
        {
            return byId;
        }

        return side.RemotePerimeterGuid is { } guid && perimeterByGuid.TryGetValue(guid, out var byGuid) ? byGuid : -1;
    }

    private static LinkRecord[] Ordered(List<(LinkRecord Record, int Owner, int Order)> records, int preferredOwner) =>
        [.. records.OrderBy(r => r.Owner == preferredOwner ? 0 : 1)
            .ThenBy(r => r.Record.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Order)
            .Select(r => r.Record)];

    private static ProfileFilter Filter(IReadOnlyList<string> names, Dictionary<string, CompiledProfile> profiles)
    {
        if (names.Contains("*"))
        {
            return ProfileFilter.All;
        }

        var members = new HashSet<int>();
        foreach (var name in names)
        {
            if (profiles.TryGetValue(name, out var profile))
            {
                members.Add(profile.Index);
            }
        }

        return new ProfileFilter(false, members);
    }

    private static void Add(Dictionary<long, List<(LinkRecord, int, int)>> pairs, long key, LinkRecord record, int owner, int order)
    {
        if (!pairs.TryGetValue(key, out var list))
        {
            pairs.Add(key, list = []);
        }

        list.Add((record, owner, order));
    }
}
