using System.Text;

namespace NspPortal.Engine.Iac;

/// <summary>Symbolic names for Bicep resources and Terraform resource labels: letters, digits and <c>_</c>, starting
/// with a letter, unique within one document.</summary>
internal sealed class IacNames
{
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public string Unique(params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var c in string.Join('_', parts))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var name = builder.Length == 0 || !char.IsAsciiLetter(builder[0]) ? "r_" + builder : builder.ToString();
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }
}
