using System.Text.Json;
using System.Text.Json.Nodes;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Iac;

/// <summary>One resource read from a template or a resource list, expressions evaluated.</summary>
/// <param name="Type">The full ARM type, in canonical casing for NSP types.</param>
/// <param name="Names">One name per type level: <c>[perimeter]</c>, <c>[perimeter, profile, rule]</c>, …</param>
/// <param name="Location">The <c>location</c>, when given.</param>
/// <param name="Tags">The <c>tags</c>, when given.</param>
/// <param name="Properties">The <c>properties</c> object (empty when absent).</param>
/// <param name="Source">Where it came from, e.g. <c>resources[3]</c> (prefix of error targets).</param>
public sealed record TemplateResource(string Type, IReadOnlyList<string> Names, string? Location, IReadOnlyDictionary<string, string>? Tags,
    JsonObject Properties, string Source);

/// <summary>A problem found while reading; <see cref="Code"/> is one of <see cref="TemplateErrorCodes"/>.</summary>
public sealed record TemplateIssue(string Code, string Message, string Target);

/// <summary>What <see cref="ArmTemplateReader.Read"/> found: resources in document order, errors, warnings.</summary>
public sealed record TemplateReadResult(IReadOnlyList<TemplateResource> Resources, IReadOnlyList<TemplateIssue> Errors, IReadOnlyList<TemplateIssue> Warnings);

/// <summary>Codes of template reading errors.</summary>
public static class TemplateErrorCodes
{
    /// <summary>Not JSON, or not a template or resource list.</summary>
    public const string InvalidTemplate = "InvalidTemplate";
    /// <summary>An expression beyond parameters, variables, resourceId, format and concat.</summary>
    public const string UnsupportedTemplateExpression = "UnsupportedTemplateExpression";
    /// <summary>A parameter without default and without a supplied value.</summary>
    public const string MissingTemplateParameter = "MissingTemplateParameter";
    /// <summary>A template feature import does not evaluate (copy loops).</summary>
    public const string UnsupportedTemplateFeature = "UnsupportedTemplateFeature";
    /// <summary>Warning: a resource that is not an NSP resource was skipped.</summary>
    public const string UnsupportedResourceType = "UnsupportedResourceType";
}

/// <summary>Reads what users import (reference/nsp.md §5.6): an ARM template (<c>resources</c>, nested child
/// <c>resources</c>, <c>parameters</c> with defaults or supplied values, <c>variables</c>, <c>condition</c>), a
/// deployment body (<c>{properties:{template, parameters}}</c> or <c>{template, parameters}</c>), a JSON array of ARM
/// resources as <c>az network perimeter … list/show</c> print them, a list response <c>{value:[…]}</c>, or one resource.
/// Expressions are evaluated by <see cref="TemplateExpression"/> against the target subscription and resource group.</summary>
public static class ArmTemplateReader
{
    private static readonly string[] NspTypes =
    [
        "Microsoft.Network/networkSecurityPerimeters",
        "Microsoft.Network/networkSecurityPerimeters/profiles",
        "Microsoft.Network/networkSecurityPerimeters/profiles/accessRules",
        "Microsoft.Network/networkSecurityPerimeters/resourceAssociations",
        "Microsoft.Network/networkSecurityPerimeters/links",
        "Microsoft.Network/networkSecurityPerimeters/linkReferences",
        "Microsoft.Network/networkSecurityPerimeters/loggingConfigurations",
    ];

    /// <summary>Reads a document; never throws for bad input.</summary>
    /// <param name="json">The document.</param>
    /// <param name="subscriptionId">The import target's subscription (for <c>resourceId()</c>).</param>
    /// <param name="resourceGroup">The import target's resource group (for <c>resourceId()</c>).</param>
    /// <param name="parameterValues">Values for template parameters, overriding their defaults (names case-insensitive).</param>
    public static TemplateReadResult Read(string json, Guid subscriptionId, string resourceGroup, IReadOnlyDictionary<string, JsonNode?>? parameterValues = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<TemplateIssue>();
        var warnings = new List<TemplateIssue>();
        var resources = new List<TemplateResource>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate, $"The document is not JSON: {e.Message}", ""));
            return new TemplateReadResult(resources, errors, warnings);
        }

        var supplied = new Dictionary<string, JsonNode?>(parameterValues ?? new Dictionary<string, JsonNode?>(), StringComparer.OrdinalIgnoreCase);
        if (root is JsonObject wrapper && (wrapper["properties"] as JsonObject)?["template"] is JsonObject deploymentTemplate)
        {
            AddParameterValues((JsonObject)wrapper["properties"]!, supplied);
            root = deploymentTemplate;
        }
        else if (root is JsonObject plain && plain["template"] is JsonObject template)
        {
            AddParameterValues(plain, supplied);
            root = template;
        }

        switch (root)
        {
            case JsonObject template when template["resources"] is JsonArray templateResources:
                var context = Context(template, subscriptionId, resourceGroup, supplied);
                ReadTemplateResources(templateResources, "resources", null, context, resources, errors, warnings);
                break;
            case JsonArray list:
                ReadListed(list, "", resources, errors, warnings);
                break;
            case JsonObject response when response["value"] is JsonArray list:
                ReadListed(list, "value", resources, errors, warnings);
                break;
            case JsonObject single when single["type"] is not null:
                ReadListed(new JsonArray(single.DeepClone()), "", resources, errors, warnings);
                break;
            default:
                errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate,
                    "Expected an ARM template (with 'resources'), a JSON array of ARM resources, or one ARM resource.", ""));
                break;
        }

        return new TemplateReadResult(resources, errors, warnings);
    }

    private static void AddParameterValues(JsonObject holder, Dictionary<string, JsonNode?> supplied)
    {
        if (holder["parameters"] is not JsonObject values)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            if (!supplied.ContainsKey(name))
            {
                supplied[name] = value is JsonObject o && o.ContainsKey("value") ? o["value"]?.DeepClone() : value?.DeepClone();
            }
        }
    }

    private static TemplateContext Context(JsonObject template, Guid subscriptionId, string resourceGroup, Dictionary<string, JsonNode?> supplied)
    {
        var declared = template["parameters"] as JsonObject ?? [];
        var variables = template["variables"] as JsonObject ?? [];
        var cache = new Dictionary<string, (JsonNode?, string?)>(StringComparer.OrdinalIgnoreCase);
        var evaluating = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        TemplateContext? context = null;
        context = new TemplateContext(subscriptionId, resourceGroup,
            name =>
            {
                if (supplied.TryGetValue(name, out var value))
                {
                    return (value, null);
                }

                var declaration = declared.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
                if (declaration is null)
                {
                    return (null, $"The template has no parameter '{name}'.");
                }

                return declaration.ContainsKey("defaultValue")
                    ? Cached("p:" + name, () => TemplateExpression.EvaluateNode(declaration["defaultValue"], context!))
                    : (null, $"The template parameter '{name}' has no default value; supply a value for it.");
            },
            name =>
            {
                var entry = variables.FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase));
                return entry.Key is null
                    ? (null, $"The template has no variable '{name}'.")
                    : Cached("v:" + name, () => TemplateExpression.EvaluateNode(entry.Value, context!));
            });
        return context;

        (JsonNode?, string?) Cached(string key, Func<(JsonNode?, string?)> evaluate)
        {
            if (cache.TryGetValue(key, out var known))
            {
                return known;
            }

            if (!evaluating.Add(key))
            {
                return (null, $"The template's {(key[0] == 'p' ? "parameter" : "variable")} '{key[2..]}' refers to itself.");
            }

            var result = evaluate();
            evaluating.Remove(key);
            cache[key] = result;
            return result;
        }
    }

    private static void ReadTemplateResources(JsonArray array, string path, TemplateResource? parent, TemplateContext context, List<TemplateResource> resources,
        List<TemplateIssue> errors, List<TemplateIssue> warnings)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var source = $"{path}[{i}]";
            if (array[i] is not JsonObject resource)
            {
                errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate, "A resource must be an object.", source));
                continue;
            }

            if (resource.ContainsKey("copy"))
            {
                errors.Add(new TemplateIssue(TemplateErrorCodes.UnsupportedTemplateFeature, "copy loops are not supported by import; list each resource.", $"{source}.copy"));
                continue;
            }

            if (resource.ContainsKey("condition"))
            {
                var (condition, conditionError) = TemplateExpression.EvaluateNode(resource["condition"], context);
                if (conditionError is not null)
                {
                    errors.Add(Expression(conditionError, $"{source}.condition"));
                    continue;
                }

                if (condition is JsonValue c && c.TryGetValue<bool>(out var include) && !include)
                {
                    continue;
                }
            }

            var evaluated = new JsonObject();
            var failed = false;
            foreach (var key in new[] { "type", "name", "location", "tags", "properties" })
            {
                var (value, error) = TemplateExpression.EvaluateNode(resource[key], context);
                if (error is not null)
                {
                    errors.Add(Expression(error, $"{source}.{key}"));
                    failed = true;
                }
                else
                {
                    evaluated[key] = value;
                }
            }

            if (failed)
            {
                continue;
            }

            var type = Text(evaluated["type"]);
            var name = Text(evaluated["name"]);
            if (type is null || name is null)
            {
                errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate, "A resource needs a string 'type' and 'name'.", source));
                continue;
            }

            var names = name.Split('/');
            if (parent is not null && !type.Contains('/', StringComparison.Ordinal))
            {
                type = $"{parent.Type}/{type}";
            }

            var depth = type.Split('/').Length - 1;
            if (parent is not null && names.Length < depth)
            {
                names = [.. parent.Names, .. names];
            }

            var read = Build(type, names, evaluated, source, errors, warnings);
            if (read is not null)
            {
                resources.Add(read);
            }

            if (resource["resources"] is JsonArray children && read is not null)
            {
                ReadTemplateResources(children, $"{source}.resources", read, context, resources, errors, warnings);
            }
        }
    }

    /// <summary>Resources as the CLI and API print them: names come from <c>id</c> when present (its subscription and
    /// resource group are replaced by the import target), read-only properties are ignored later.</summary>
    private static void ReadListed(JsonArray array, string path, List<TemplateResource> resources, List<TemplateIssue> errors, List<TemplateIssue> warnings)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var source = path.Length == 0 ? $"[{i}]" : $"{path}[{i}]";
            if (array[i] is not JsonObject resource)
            {
                errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate, "Each element must be an ARM resource object.", source));
                continue;
            }

            var type = Text(resource["type"]);
            string[]? names = null;
            if (Text(resource["id"]) is { } idText && ArmResourceId.TryParse(idText, out var id, out _) && id.ProviderNamespace is not null)
            {
                type ??= id.ResourceType;
                var collected = new List<string>();
                for (var level = id; level is { ProviderNamespace: not null }; level = level.Parent)
                {
                    collected.Insert(0, level.Name);
                }

                names = [.. collected];
            }

            names ??= Text(resource["name"])?.Split('/');
            if (type is null || names is null)
            {
                errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate, "A resource needs 'type' and 'id' (or 'name').", source));
                continue;
            }

            if (Build(type, names, resource, source, errors, warnings) is { } read)
            {
                resources.Add(read);
            }
        }
    }

    private static TemplateResource? Build(string type, string[] names, JsonObject resource, string source, List<TemplateIssue> errors, List<TemplateIssue> warnings)
    {
        var canonical = NspTypes.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
        if (canonical is null)
        {
            warnings.Add(new TemplateIssue(TemplateErrorCodes.UnsupportedResourceType,
                $"Skipped '{type}': import creates network security perimeter resources only.", source));
            return null;
        }

        if (names.Length != canonical.Split('/').Length - 1 || names.Any(string.IsNullOrEmpty))
        {
            errors.Add(new TemplateIssue(TemplateErrorCodes.InvalidTemplate,
                $"The name '{string.Join('/', names)}' does not fit the type '{canonical}' (one name per level, e.g. nsp1/profile1/rule1).", $"{source}.name"));
            return null;
        }

        Dictionary<string, string>? tags = null;
        if (resource["tags"] is JsonObject tagObject)
        {
            tags = tagObject.Where(t => t.Value is JsonValue).ToDictionary(t => t.Key, t => t.Value!.ToString(), StringComparer.Ordinal);
        }

        var properties = resource["properties"] as JsonObject ?? [];
        return new TemplateResource(canonical, names, Text(resource["location"]), tags, (JsonObject)properties.DeepClone(), source);
    }

    private static TemplateIssue Expression(string message, string target) => new(TemplateErrorCodes.UnsupportedTemplateExpression, message, target);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
