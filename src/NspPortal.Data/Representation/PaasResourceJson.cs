using System.Text.Json.Nodes;
using NspPortal.Data.Entities;
using NspPortal.Data.Services;
using NspPortal.Engine.Catalog;

namespace NspPortal.Data.Representation;

/// <summary>The network settings of inventory PaaS resources in each service's own ARM shape (reference/nsp.md §1.8):
/// <c>publicNetworkAccess</c>, the firewall's IP rules and the trusted-services bypass. Reads every shape below (a PUT
/// body or a Resource Graph row); writes the shape of the resource's service.</summary>
/// <remarks>Shapes: Storage, Key Vault, Cognitive Services and the rest <c>properties.networkAcls {bypass,
/// defaultAction, ipRules[{value}]}</c>; AI Search <c>properties.networkRuleSet {bypass, ipRules[{value}]}</c>;
/// Cosmos DB <c>properties.ipRules[{ipAddressOrRange}]</c> with <c>networkAclBypass</c>. SQL and Event Hubs keep
/// firewall rules as child resources in Azure; the inventory accepts and serves the <c>networkAcls</c> shape for them.</remarks>
public static class PaasResourceJson
{
    public static JsonObject Write(PaasResourceEntity resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var service = AssociableResourceTypes.Find(resource.ResourceType)?.Service ?? PaasService.Other;
        var properties = new JsonObject { ["publicNetworkAccess"] = resource.PublicNetworkAccess.ToString() };
        var bypass = resource.AllowTrustedServices ? "AzureServices" : "None";
        switch (service)
        {
            case PaasService.CosmosDb:
                properties["ipRules"] = Rules(resource.FirewallIpRules, "ipAddressOrRange");
                properties["networkAclBypass"] = bypass;
                break;
            case PaasService.Search:
                properties["networkRuleSet"] = new JsonObject { ["bypass"] = bypass, ["ipRules"] = Rules(resource.FirewallIpRules, "value") };
                break;
            default:
                properties["networkAcls"] = new JsonObject
                {
                    ["bypass"] = bypass,
                    ["defaultAction"] = resource.FirewallIpRules.Count > 0 ? "Deny" : "Allow",
                    ["ipRules"] = Rules(resource.FirewallIpRules, "value"),
                };
                break;
        }

        var json = new JsonObject
        {
            ["id"] = ResourceIds.Of(resource),
            ["name"] = resource.Name,
            ["type"] = resource.ResourceType,
            ["location"] = resource.Location,
        };
        if (resource.Kind is not null)
        {
            json["kind"] = resource.Kind;
        }

        json["tags"] = ArmJson.Tags(resource.Tags);
        json["properties"] = properties;
        json["systemData"] = ArmJson.SystemData(resource);
        return json;
    }

    /// <summary>Reads a resource object (<c>location</c>, <c>kind</c>, <c>tags</c>, <c>properties</c>).</summary>
    public static Result<PaasResourceInput> Read(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!Json.TryString(resource, "location", out var location, out var error)
            || !Json.TryString(resource, "kind", out var kind, out error)
            || !Json.TryTags(resource, "tags", out var tags, out error))
        {
            return error!;
        }

        if (resource["properties"] is not null and not JsonObject)
        {
            return ArmErrors.InvalidRequestContent("properties must be an object.", "properties");
        }

        var properties = resource["properties"] as JsonObject ?? [];
        if (!Json.TryString(properties, "publicNetworkAccess", out var publicNetworkAccess, out error, "properties."))
        {
            return error!;
        }

        var rules = new List<(string?, string)>();
        var bypass = false;
        foreach (var (container, path) in new[] { (properties["networkAcls"] as JsonObject, "properties.networkAcls"), (properties["networkRuleSet"] as JsonObject, "properties.networkRuleSet") })
        {
            if (container is null)
            {
                continue;
            }

            CollectRules(container["ipRules"], $"{path}.ipRules", rules);
            bypass |= container["bypass"] is JsonValue b && b.TryGetValue<string>(out var text) && text.Contains("AzureServices", StringComparison.OrdinalIgnoreCase);
        }

        CollectRules(properties["ipRules"], "properties.ipRules", rules);
        bypass |= properties["networkAclBypass"] is JsonValue nb && nb.TryGetValue<string>(out var cosmos) && cosmos.Equals("AzureServices", StringComparison.OrdinalIgnoreCase);
        bypass |= properties["trustedServiceAccessEnabled"] is JsonValue ts && ts.TryGetValue<bool>(out var trusted) && trusted;
        return Result<PaasResourceInput>.Ok(new PaasResourceInput(location, kind, tags, publicNetworkAccess, rules, bypass));
    }

    private static void CollectRules(JsonNode? node, string path, List<(string?, string)> rules)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var value = array[i] switch
            {
                JsonObject o => (o["value"] ?? o["ipAddressOrRange"] ?? o["ipMask"]) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => null,
            };
            rules.Add((value, $"{path}[{i}]"));
        }
    }

    private static JsonArray Rules(IEnumerable<string> prefixes, string property) =>
        new([.. prefixes.Select(p => (JsonNode)new JsonObject { [property] = p })]);
}
