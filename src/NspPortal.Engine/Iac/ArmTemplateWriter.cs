using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NspPortal.Engine.Iac;

/// <summary>Writes a perimeter as a deployable ARM template (reference/nsp.md §5.6): parameters
/// <c>networkSecurityPerimeterName</c> and <c>location</c> (defaulting to the exported values), one resource per
/// perimeter, profile, rule, logging configuration, link and association, child names built with <c>format()</c> and
/// dependencies with <c>resourceId()</c>. Associations depend on each other so they deploy one at a time (bicep-registry-modules #5492).
/// Only the expressions the importer evaluates are used, so an exported template imports back unchanged.</summary>
public static class ArmTemplateWriter
{
    private const string Nsp = "parameters('networkSecurityPerimeterName')";
    private const string PerimeterType = "Microsoft.Network/networkSecurityPerimeters";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The template JSON, indented, ending with a newline.</summary>
    public static string Write(PerimeterDefinition perimeter)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var resources = new JsonArray
        {
            new JsonObject
            {
                ["type"] = PerimeterType,
                ["apiVersion"] = TemplateWriter.ApiVersion,
                ["name"] = $"[{Nsp}]",
                ["location"] = "[parameters('location')]",
                ["tags"] = Tags(perimeter),
                ["properties"] = new JsonObject(),
            },
        };
        var perimeterId = $"[resourceId('{PerimeterType}', {Nsp})]";
        foreach (var profile in perimeter.Profiles)
        {
            resources.Add(Child("profiles", [profile.Name], new JsonObject(), [perimeterId]));
        }

        foreach (var profile in perimeter.Profiles)
        {
            foreach (var rule in profile.AccessRules)
            {
                resources.Add(Child("profiles/accessRules", [profile.Name, rule.Name], RuleProperties(rule), [ProfileId(profile.Name)]));
            }
        }

        if (perimeter.LoggingConfiguration is { } logging)
        {
            resources.Add(Child("loggingConfigurations", ["instance"],
                new JsonObject { ["enabledLogCategories"] = Strings(logging.EnabledLogCategories) }, [perimeterId]));
        }

        foreach (var link in perimeter.Links)
        {
            var properties = new JsonObject
            {
                ["autoApprovedRemotePerimeterResourceId"] = link.RemotePerimeterResourceId,
                ["localInboundProfiles"] = Strings(link.LocalInboundProfiles),
                ["remoteInboundProfiles"] = Strings(link.RemoteInboundProfiles),
            };
            if (link.Description is not null)
            {
                properties["description"] = Escape(link.Description);
            }

            resources.Add(Child("links", [link.Name], properties, [perimeterId]));
        }

        string? previous = null;
        foreach (var association in perimeter.Associations)
        {
            var dependsOn = new List<string> { ProfileId(association.ProfileName) };
            if (previous is not null)
            {
                dependsOn.Add($"[resourceId('{PerimeterType}/resourceAssociations', {Nsp}, {Literal(previous)})]");
            }

            resources.Add(Child("resourceAssociations", [association.Name], new JsonObject
            {
                ["privateLinkResource"] = new JsonObject { ["id"] = association.PrivateLinkResourceId },
                ["profile"] = new JsonObject { ["id"] = ProfileId(association.ProfileName) },
                ["accessMode"] = association.AccessMode,
            }, dependsOn));
            previous = association.Name;
        }

        var template = new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = new JsonObject
            {
                ["networkSecurityPerimeterName"] = Parameter(perimeter.Name, "Name of the network security perimeter."),
                ["location"] = Parameter(perimeter.Location, "Region of the network security perimeter."),
            },
            ["resources"] = resources,
        };
        return template.ToJsonString(Options) + "\n";
    }

    /// <summary>The rule's direction and the arrays it uses (unused ones are left out, as a user would write it).</summary>
    internal static JsonObject RuleProperties(AccessRuleDefinition rule)
    {
        var properties = new JsonObject { ["direction"] = rule.Direction };
        if (rule.AddressPrefixes.Length > 0)
        {
            properties["addressPrefixes"] = Strings(rule.AddressPrefixes);
        }

        if (rule.FullyQualifiedDomainNames.Length > 0)
        {
            properties["fullyQualifiedDomainNames"] = Strings(rule.FullyQualifiedDomainNames);
        }

        if (rule.Subscriptions.Length > 0)
        {
            properties["subscriptions"] = new JsonArray([.. rule.Subscriptions.Select(s => (JsonNode)new JsonObject { ["id"] = s })]);
        }

        if (rule.ServiceTags.Length > 0)
        {
            properties["serviceTags"] = Strings(rule.ServiceTags);
        }

        return properties;
    }

    private static JsonObject Child(string type, IReadOnlyList<string> names, JsonObject properties, IEnumerable<string> dependsOn)
    {
        var placeholders = string.Join('/', Enumerable.Range(0, names.Count + 1).Select(i => $"{{{i}}}"));
        return new JsonObject
        {
            ["type"] = $"{PerimeterType}/{type}",
            ["apiVersion"] = TemplateWriter.ApiVersion,
            ["name"] = $"[format('{placeholders}', {Nsp}, {string.Join(", ", names.Select(Literal))})]",
            ["properties"] = properties,
            ["dependsOn"] = new JsonArray([.. dependsOn.Select(d => (JsonNode)JsonValue.Create(d))]),
        };
    }

    private static string ProfileId(string profile) => $"[resourceId('{PerimeterType}/profiles', {Nsp}, {Literal(profile)})]";

    private static JsonObject Parameter(string defaultValue, string description) => new()
    {
        ["type"] = "string",
        ["defaultValue"] = defaultValue,
        ["metadata"] = new JsonObject { ["description"] = description },
    };

    private static JsonObject Tags(PerimeterDefinition perimeter)
    {
        var tags = new JsonObject();
        foreach (var (key, value) in perimeter.Tags)
        {
            tags[key] = Escape(value);
        }

        return tags;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>A literal value that starts with '[' is written '[[…' so ARM does not read it as an expression.</summary>
    internal static string Escape(string value) => value.StartsWith('[') ? "[" + value : value;

    /// <summary>A string literal inside a template expression (single quotes doubled).</summary>
    internal static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
