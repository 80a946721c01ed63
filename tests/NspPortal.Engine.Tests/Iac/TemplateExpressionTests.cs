using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NspPortal.Engine.Iac;

namespace NspPortal.Engine.Tests.Iac;

public class TemplateExpressionTests
{
    private static readonly Guid Subscription = Guid.Parse("6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    private static readonly TemplateContext Context = new(Subscription, "rg1",
        name => name == "nspName" ? (JsonValue.Create("nsp1"), null) : (null, $"no parameter {name}"),
        name => name == "prefixes" ? (new JsonArray("10.0.0.0/8"), null) : (null, $"no variable {name}"));

    private static string? Text(string expression)
    {
        var (value, error) = TemplateExpression.EvaluateString(expression, Context);
        Assert.Null(error);
        return value?.GetValue<string>();
    }

    [Theory]
    [InlineData("[parameters('nspName')]", "nsp1")]
    [InlineData("[format('{0}/{1}', parameters('nspName'), 'profile1')]", "nsp1/profile1")]
    [InlineData("[concat('a', '-', parameters('nspName'), 1)]", "a-nsp11")]
    [InlineData("[resourceId('Microsoft.Network/networkSecurityPerimeters/profiles', parameters('nspName'), 'p')]",
        "/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityPerimeters/nsp1/profiles/p")]
    [InlineData("[resourceId('rg-other', 'Microsoft.KeyVault/vaults', 'kv')]",
        "/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-other/providers/Microsoft.KeyVault/vaults/kv")]
    [InlineData("[format('it''s {0}', 'ok')]", "it's ok")]
    [InlineData("[[literal]", "[literal]")]
    [InlineData("plain text", "plain text")]
    public void EvaluatesTheSupportedFunctions(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Fact]
    public void ConcatenatesArraysAndReadsVariables()
    {
        var (value, error) = TemplateExpression.EvaluateString("[concat(variables('prefixes'), variables('prefixes'))]", Context);

        Assert.Null(error);
        Assert.Equal("[\"10.0.0.0/8\",\"10.0.0.0/8\"]", value!.ToJsonString());
    }

    [Theory]
    [InlineData("[resourceGroup().location]", "'resourceGroup'")]
    [InlineData("[uniqueString(parameters('nspName'))]", "'uniqueString'")]
    [InlineData("[subscription().subscriptionId]", "'subscription'")]
    [InlineData("[parameters('nspName').length]", "reads a property")]
    public void RefusesEverythingElseNamingTheExpression(string expression, string named)
    {
        var (_, error) = TemplateExpression.EvaluateString(expression, Context);

        Assert.NotNull(error);
        Assert.Contains(expression[1..^1], error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[format('{0}')]")]
    [InlineData("[concat('a']")]
    [InlineData("[parameters('missing')]")]
    [InlineData("['unterminated]")]
    public void ReportsMalformedExpressionsAsErrorsNotExceptions(string expression) =>
        Assert.NotNull(TemplateExpression.EvaluateString(expression, Context).Error);

    [Fact]
    public void AnyStringSurvivesBeingWrittenAsALiteralAndEvaluated() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), s =>
        {
            var (value, error) = TemplateExpression.EvaluateString($"[concat({ArmTemplateWriter.Literal(s.Get)}, '')]", Context);
            return error is null && value!.GetValue<string>() == s.Get;
        }));
}
