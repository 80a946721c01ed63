using System.Text;

namespace NspPortal.Engine.Iac;

/// <summary>Writes a perimeter as Bicep with the 2025-05-01 types (reference/nsp.md §5.6): parameters for the name and
/// location, <c>parent</c> relations, associations chained with <c>dependsOn</c> so they deploy one at a time.</summary>
public static class BicepWriter
{
    private const string Type = "Microsoft.Network/networkSecurityPerimeters";

    /// <summary>The Bicep file.</summary>
    public static string Write(PerimeterDefinition perimeter)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        var names = new IacNames();
        var nsp = names.Unique("nsp");
        var b = new StringBuilder();
        b.Append("@description('Name of the network security perimeter.')\n");
        b.Append($"param networkSecurityPerimeterName string = {Str(perimeter.Name)}\n\n");
        b.Append("@description('Region of the network security perimeter.')\n");
        b.Append($"param location string = {Str(perimeter.Location)}\n\n");

        b.Append($"resource {nsp} '{Type}@{TemplateWriter.ApiVersion}' = {{\n");
        b.Append("  name: networkSecurityPerimeterName\n");
        b.Append("  location: location\n");
        if (perimeter.Tags.Length > 0)
        {
            b.Append("  tags: {\n");
            foreach (var (key, value) in perimeter.Tags)
            {
                b.Append($"    {Key(key)}: {Str(value)}\n");
            }

            b.Append("  }\n");
        }

        b.Append("  properties: {}\n}\n");

        var profileSymbols = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in perimeter.Profiles)
        {
            var symbol = names.Unique("profile", profile.Name);
            profileSymbols[profile.Name] = symbol;
            b.Append($"\nresource {symbol} '{Type}/profiles@{TemplateWriter.ApiVersion}' = {{\n  parent: {nsp}\n  name: {Str(profile.Name)}\n  properties: {{}}\n}}\n");
        }

        foreach (var profile in perimeter.Profiles)
        {
            foreach (var rule in profile.AccessRules)
            {
                b.Append($"\nresource {names.Unique("rule", profile.Name, rule.Name)} '{Type}/profiles/accessRules@{TemplateWriter.ApiVersion}' = {{\n");
                b.Append($"  parent: {profileSymbols[profile.Name]}\n  name: {Str(rule.Name)}\n  properties: {{\n    direction: {Str(rule.Direction)}\n");
                Array(b, "addressPrefixes", rule.AddressPrefixes.Select(Str));
                Array(b, "fullyQualifiedDomainNames", rule.FullyQualifiedDomainNames.Select(Str));
                Array(b, "subscriptions", rule.Subscriptions.Select(s => $"{{\n        id: {Str(s)}\n      }}"));
                Array(b, "serviceTags", rule.ServiceTags.Select(Str));
                b.Append("  }\n}\n");
            }
        }

        if (perimeter.LoggingConfiguration is { } logging)
        {
            b.Append($"\nresource {names.Unique("loggingConfiguration")} '{Type}/loggingConfigurations@{TemplateWriter.ApiVersion}' = {{\n");
            b.Append($"  parent: {nsp}\n  name: 'instance'\n  properties: {{\n");
            Array(b, "enabledLogCategories", logging.EnabledLogCategories.Select(Str), force: true);
            b.Append("  }\n}\n");
        }

        foreach (var link in perimeter.Links)
        {
            b.Append($"\nresource {names.Unique("link", link.Name)} '{Type}/links@{TemplateWriter.ApiVersion}' = {{\n");
            b.Append($"  parent: {nsp}\n  name: {Str(link.Name)}\n  properties: {{\n");
            b.Append($"    autoApprovedRemotePerimeterResourceId: {Str(link.RemotePerimeterResourceId)}\n");
            Array(b, "localInboundProfiles", link.LocalInboundProfiles.Select(Str), force: true);
            Array(b, "remoteInboundProfiles", link.RemoteInboundProfiles.Select(Str), force: true);
            if (link.Description is not null)
            {
                b.Append($"    description: {Str(link.Description)}\n");
            }

            b.Append("  }\n}\n");
        }

        string? previous = null;
        foreach (var association in perimeter.Associations)
        {
            var symbol = names.Unique("association", association.Name);
            var profile = profileSymbols.TryGetValue(association.ProfileName, out var p) ? $"{p}.id" : $"resourceId('{Type}/profiles', networkSecurityPerimeterName, {Str(association.ProfileName)})";
            b.Append($"\nresource {symbol} '{Type}/resourceAssociations@{TemplateWriter.ApiVersion}' = {{\n");
            b.Append($"  parent: {nsp}\n  name: {Str(association.Name)}\n  properties: {{\n");
            b.Append($"    privateLinkResource: {{\n      id: {Str(association.PrivateLinkResourceId)}\n    }}\n");
            b.Append($"    profile: {{\n      id: {profile}\n    }}\n");
            b.Append($"    accessMode: {Str(association.AccessMode)}\n  }}\n");
            if (previous is not null)
            {
                b.Append($"  dependsOn: [\n    {previous}\n  ]\n");
            }

            b.Append("}\n");
            previous = symbol;
        }

        return b.ToString();
    }

    private static void Array(StringBuilder b, string name, IEnumerable<string> items, bool force = false)
    {
        var list = items.ToList();
        if (list.Count == 0 && !force)
        {
            return;
        }

        if (list.Count == 0)
        {
            b.Append($"    {name}: []\n");
            return;
        }

        b.Append($"    {name}: [\n");
        foreach (var item in list)
        {
            b.Append($"      {item}\n");
        }

        b.Append("    ]\n");
    }

    /// <summary>A Bicep string literal: single quotes, with <c>\</c>, <c>'</c> and <c>${</c> escaped.</summary>
    internal static string Str(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("${", "\\${", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";

    private static string Key(string key) =>
        key.Length > 0 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? key : Str(key);
}
