using System.Text;

namespace NspPortal.Engine.Iac;

/// <summary>Writes a perimeter for Terraform's azurerm provider ≥ 4.57 (reference/nsp.md §5.6):
/// <c>azurerm_network_security_perimeter</c>, <c>…_profile</c>, <c>…_access_rule</c> (one rule type each) and
/// <c>…_association</c>. azurerm has no resources for logging configurations and links; they are listed in a comment.
/// Attributes are aligned as <c>terraform fmt</c> aligns them.</summary>
public static class TerraformWriter
{
    /// <summary>The Terraform configuration (one .tf file).</summary>
    public static string Write(PerimeterDefinition perimeter)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var names = new IacNames();
        var b = new StringBuilder();
        b.Append($"# Network security perimeter {perimeter.Name}, exported by NspPortal.\n");
        b.Append("terraform {\n  required_providers {\n    azurerm = {\n      source  = \"hashicorp/azurerm\"\n      version = \">= 4.57.0\"\n    }\n  }\n}\n\n");
        b.Append("variable \"resource_group_name\" {\n  description = \"Resource group of the network security perimeter.\"\n  type        = string\n}\n\n");
        b.Append($"variable \"location\" {{\n  description = \"Region of the network security perimeter.\"\n  type        = string\n  default     = {Str(perimeter.Location)}\n}}\n");

        var nsp = names.Unique("nsp");
        b.Append($"\nresource \"azurerm_network_security_perimeter\" \"{nsp}\" {{\n");
        Attributes(b, [("name", Str(perimeter.Name)), ("resource_group_name", "var.resource_group_name"), ("location", "var.location")]);
        if (perimeter.Tags.Length > 0)
        {
            b.Append("\n  tags = {\n");
            var width = perimeter.Tags.Max(t => Key(t.Key).Length);
            foreach (var (key, value) in perimeter.Tags)
            {
                b.Append($"    {Key(key).PadRight(width)} = {Str(value)}\n");
            }

            b.Append("  }\n");
        }

        b.Append("}\n");
        var profiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in perimeter.Profiles)
        {
            var label = names.Unique(profile.Name);
            profiles[profile.Name] = $"azurerm_network_security_perimeter_profile.{label}.id";
            b.Append($"\nresource \"azurerm_network_security_perimeter_profile\" \"{label}\" {{\n");
            Attributes(b, [("name", Str(profile.Name)), ("network_security_perimeter_id", $"azurerm_network_security_perimeter.{nsp}.id")]);
            b.Append("}\n");
        }

        foreach (var profile in perimeter.Profiles)
        {
            foreach (var rule in profile.AccessRules)
            {
                b.Append($"\nresource \"azurerm_network_security_perimeter_access_rule\" \"{names.Unique(profile.Name, rule.Name)}\" {{\n");
                var attributes = new List<(string, string)>
                {
                    ("name", Str(rule.Name)),
                    ("network_security_perimeter_profile_id", profiles[profile.Name]),
                    ("direction", Str(rule.Direction)),
                };
                AddList(attributes, "address_prefixes", rule.AddressPrefixes);
                AddList(attributes, "fqdns", rule.FullyQualifiedDomainNames);
                AddList(attributes, "subscription_ids", rule.Subscriptions);
                AddList(attributes, "service_tags", rule.ServiceTags);
                Attributes(b, attributes);
                b.Append("}\n");
            }
        }

        foreach (var association in perimeter.Associations)
        {
            var profile = profiles.TryGetValue(association.ProfileName, out var id) ? id : Str(association.ProfileName);
            b.Append($"\nresource \"azurerm_network_security_perimeter_association\" \"{names.Unique(association.Name)}\" {{\n");
            Attributes(b, [("name", Str(association.Name)), ("network_security_perimeter_profile_id", profile),
                ("resource_id", Str(association.PrivateLinkResourceId)), ("access_mode", Str(association.AccessMode))]);
            b.Append("}\n");
        }

        var unsupported = new List<string>();
        if (perimeter.LoggingConfiguration is { } logging)
        {
            unsupported.Add($"logging configuration 'instance' (enabledLogCategories: {string.Join(", ", logging.EnabledLogCategories)})");
        }

        unsupported.AddRange(perimeter.Links.Select(l => $"link '{l.Name}' to {l.RemotePerimeterResourceId}"));
        if (unsupported.Count > 0)
        {
            b.Append("\n# Not exported: azurerm has no resources for these; manage them with the azapi provider or the ARM template export.\n");
            foreach (var item in unsupported)
            {
                b.Append($"#   {item}\n");
            }
        }

        return b.ToString();
    }

    private static void AddList(List<(string, string)> attributes, string name, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            attributes.Add((name, "[" + string.Join(", ", values.Select(Str)) + "]"));
        }
    }

    private static void Attributes(StringBuilder b, IReadOnlyList<(string Name, string Value)> attributes)
    {
        var width = attributes.Max(a => a.Name.Length);
        foreach (var (name, value) in attributes)
        {
            b.Append($"  {name.PadRight(width)} = {value}\n");
        }
    }

    /// <summary>An HCL string literal with <c>\</c>, <c>"</c> and template sequences escaped.</summary>
    internal static string Str(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Key(string key) =>
        key.Length > 0 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : Str(key);
}
