using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;

namespace NspPortal.Data.Traffic.Versions;

/// <summary>A perimeter's configuration as an <c>nsp evaluate</c> snapshot (docs/cli.md): its ARM resources (the
/// perimeter, profiles, access rules, associations, links, link references — the ARM API's JSON) and the network
/// settings of its associated PaaS resources. What <see cref="PerimeterConfigurationVersion.Snapshot"/> holds.</summary>
internal static class ConfigurationSnapshot
{
    public const string Empty = """{"resources":[],"paasResources":[]}""";

    /// <summary>The stored perimeter's snapshot, read fresh (no tracking); null when it no longer exists.</summary>
    public static async Task<(PerimeterEntity Perimeter, string Json)?> LoadAsync(NspDbContext db, Guid perimeterId, CancellationToken cancellationToken)
    {
        var perimeter = await db.Perimeters.AsNoTracking().AsSplitQuery()
            .Include(p => p.ResourceGroup)
            .Include(p => p.Profiles).ThenInclude(p => p.AccessRules)
            .Include(p => p.Associations).ThenInclude(a => a.PaasResource!).ThenInclude(r => r.ResourceGroup)
            .Include(p => p.Links)
            .Include(p => p.LinkReferences)
            .FirstOrDefaultAsync(p => p.Id == perimeterId, cancellationToken);
        return perimeter is null ? null : (perimeter, Write(perimeter));
    }

    /// <summary>The snapshot of a perimeter loaded with its children (their parent references are set here).</summary>
    public static string Write(PerimeterEntity perimeter)
    {
        var resources = new JsonArray { ArmJson.Of(perimeter) };
        foreach (var profile in perimeter.Profiles.OrderBy(p => p.NameKey, StringComparer.Ordinal))
        {
            profile.Perimeter = perimeter;
            resources.Add(ArmJson.Of(profile));
        }

        foreach (var profile in perimeter.Profiles.OrderBy(p => p.NameKey, StringComparer.Ordinal))
        {
            foreach (var rule in profile.AccessRules.OrderBy(r => r.NameKey, StringComparer.Ordinal))
            {
                rule.Profile = profile;
                resources.Add(ArmJson.Of(rule));
            }
        }

        var paas = new JsonArray();
        foreach (var association in perimeter.Associations.OrderBy(a => a.NameKey, StringComparer.Ordinal))
        {
            association.Perimeter = perimeter;
            association.Profile = perimeter.Profiles.FirstOrDefault(p => p.Id == association.ProfileId);
            if (association.PaasResource?.ResourceGroup is null)
            {
                continue;
            }

            resources.Add(ArmJson.Of(association, id => perimeter.Profiles.FirstOrDefault(p => p.Id == id)));
            var resource = association.PaasResource;
            paas.Add(new JsonObject
            {
                ["id"] = ResourceIds.Of(resource),
                ["publicNetworkAccess"] = resource.PublicNetworkAccess.ToString(),
                ["firewall"] = new JsonObject
                {
                    ["ipRules"] = new JsonArray([.. resource.FirewallIpRules.Select(r => (JsonNode)JsonValue.Create(r))]),
                    ["allowTrustedServices"] = resource.AllowTrustedServices,
                },
            });
        }

        foreach (var link in perimeter.Links.OrderBy(l => l.NameKey, StringComparer.Ordinal))
        {
            link.Perimeter = perimeter;
            resources.Add(ArmJson.Of(link));
        }

        foreach (var reference in perimeter.LinkReferences.OrderBy(l => l.NameKey, StringComparer.Ordinal))
        {
            reference.Perimeter = perimeter;
            resources.Add(ArmJson.Of(reference));
        }

        foreach (var resource in resources.OfType<JsonObject>())
        {
            // Who, when and tags change without changing a decision: without them, equal configurations compare equal.
            resource.Remove("systemData");
            resource.Remove("etag");
            resource.Remove("tags");
        }

        return new JsonObject { ["resources"] = resources, ["paasResources"] = paas }.ToJsonString(ArmJson.WireOptions);
    }
}
