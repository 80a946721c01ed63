using NspPortal.Engine.Iac;

namespace NspPortal.Engine.Tests.Iac;

/// <summary>The exports match the golden documents in Golden/ (reviewed by hand against reference/nsp.md §5.6).
/// Set NSPPORTAL_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.</summary>
public class TemplateWriterTests
{
    [Theory]
    [InlineData(TemplateFormat.Arm, "perimeter.arm.json")]
    [InlineData(TemplateFormat.Bicep, "perimeter.bicep")]
    [InlineData(TemplateFormat.Terraform, "perimeter.tf")]
    public void WritesTheGoldenDocument(TemplateFormat format, string file)
    {
        var actual = TemplateWriter.Write(Samples.Perimeter, format);
        var path = Path.Combine(AppContext.BaseDirectory, "Iac", "Golden", file);
        if (Environment.GetEnvironmentVariable("NSPPORTAL_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Iac", "Golden", file);
            File.WriteAllText(source, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void TheArmTemplateUsesOnlyExpressionsTheImporterEvaluates()
    {
        var template = ArmTemplateWriter.Write(Samples.Perimeter);
        var read = ArmTemplateReader.Read(template, Guid.Parse(Samples.Subscription), "rg-anywhere");

        Assert.Empty(read.Errors);
        Assert.Empty(read.Warnings);
        Assert.Equal(1 + 2 + 4 + 1 + 1 + 2, read.Resources.Count);
        var association = read.Resources.Single(r => r.Names is ["nsp-contoso-prod", "log-contoso-prod-assoc"]);
        Assert.Equal($"/subscriptions/{Samples.Subscription}/resourceGroups/rg-anywhere/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/profiles/monitoring",
            association.Properties["profile"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void EscapesValuesThatWouldReadAsExpressionsOrBreakTheirLanguage()
    {
        var perimeter = new PerimeterDefinition("nsp", "westus2") { Tags = [new("note", "[not an expression]"), new("quote", "it's \"quoted\" ${x}")] };

        var arm = ArmTemplateWriter.Write(perimeter);
        var bicep = BicepWriter.Write(perimeter);
        var terraform = TerraformWriter.Write(perimeter);

        Assert.Contains("\"note\": \"[[not an expression]\"", arm, StringComparison.Ordinal);
        Assert.Equal("[not an expression]", ArmTemplateReader.Read(arm, Guid.Empty, "rg").Resources[0].Tags!["note"]);
        Assert.Contains("quote: 'it\\'s \"quoted\" \\${x}'", bicep, StringComparison.Ordinal);
        Assert.Contains("quote = \"it's \\\"quoted\\\" $${x}\"", terraform, StringComparison.Ordinal);
    }
}
