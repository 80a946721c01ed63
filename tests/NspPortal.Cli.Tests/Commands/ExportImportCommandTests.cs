using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Services;
using NspPortal.Engine.Validation;
using NspPortal.TestSupport;

namespace NspPortal.Cli.Tests.Commands;

/// <summary><c>nsp export</c> and <c>nsp import</c> against a real database (SQLite or PostgreSQL).</summary>
public class ExportImportCommandTests : IAsyncLifetime
{
    private static readonly Guid Subscription = Guid.Parse("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        db.Subscriptions.Add(new SubscriptionEntity { Id = Subscription, DisplayName = "CLI tests" });
        await db.SaveChangesAsync();
        var groups = new ResourceGroupService(db);
        await groups.CreateOrUpdateAsync(Subscription, "rg-source", "westus2", null, Caller.System);
        await groups.CreateOrUpdateAsync(Subscription, "rg-target", "westus2", null, Caller.System);
        var created = await new PerimeterService(db).CreateWithContentsAsync(new PerimeterDraft(
            new PerimeterPath(Subscription, "rg-source", "nsp-cli"), "westus2", new Dictionary<string, string> { ["env"] = "test" }, "defaultProfile",
            [new AccessRuleInput { Name = "allow-corp", Direction = "Inbound", AddressPrefixes = ["203.0.113.0/24"] }], []), Caller.System);
        Assert.True(created.Succeeded, created.Error?.Message);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ExportsAPerimeterAsBicepToStandardOutput()
    {
        var (exit, output, error) = await RunAsync("export", "--perimeter", PerimeterId("rg-source", "nsp-cli"), "--format", "bicep");

        Assert.True(exit == 0, error);
        Assert.Contains("resource nsp 'Microsoft.Network/networkSecurityPerimeters@2025-05-01'", output, StringComparison.Ordinal);
        Assert.Contains("'203.0.113.0/24'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportsAnExportedTemplateUnderAnotherNameGivenAsAParameter()
    {
        var template = Path.GetTempFileName();
        try
        {
            var (exported, _, exportError) = await RunAsync("export", "--perimeter", PerimeterId("rg-source", "nsp-cli"), "--output", template);
            Assert.True(exported == 0, exportError);

            var (exit, output, error) = await RunAsync("import", "--subscription", Subscription.ToString(), "-g", "rg-target", "--file", template,
                "--parameter", "networkSecurityPerimeterName=nsp-copy");

            Assert.True(exit == 0, error);
            Assert.Contains("Imported 3 resource(s) into resource group 'rg-target'.", output, StringComparison.Ordinal);
            await using var db = database.CreateContext();
            var copy = await db.Perimeters.Include(p => p.Profiles).ThenInclude(p => p.AccessRules).SingleAsync(p => p.NameKey == "NSP-COPY");
            Assert.Equal("allow-corp", copy.Profiles.Single().AccessRules.Single().Name);
            Assert.Equal("test", copy.Tags["env"]);
        }
        finally
        {
            File.Delete(template);
        }
    }

    [Fact]
    public async Task RefusesATemplateWithAnUnsupportedExpressionAndImportsNothing()
    {
        var template = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(template, """
                {"resources":[{"type":"Microsoft.Network/networkSecurityPerimeters","apiVersion":"2025-05-01","name":"nsp-bad","location":"[resourceGroup().location]","properties":{}}]}
                """);

            var (exit, _, error) = await RunAsync("import", "--subscription", Subscription.ToString(), "-g", "rg-target", "--file", template);

            Assert.Equal(1, exit);
            Assert.Contains("resourceGroup", error, StringComparison.Ordinal);
            Assert.Contains("Nothing was imported.", error, StringComparison.Ordinal);
            await using var db = database.CreateContext();
            Assert.False(await db.Perimeters.AnyAsync(p => p.NameKey == "NSP-BAD"));
        }
        finally
        {
            File.Delete(template);
        }
    }

    [Fact]
    public async Task ReportsAMissingPerimeterAsArmDoes()
    {
        var (exit, _, error) = await RunAsync("export", "--perimeter", PerimeterId("rg-source", "nope"));

        Assert.Equal(1, exit);
        Assert.StartsWith("ResourceNotFound:", error, StringComparison.Ordinal);
    }

    private static string PerimeterId(string group, string name) =>
        $"/subscriptions/{Subscription}/resourceGroups/{group}/providers/Microsoft.Network/networkSecurityPerimeters/{name}";

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] databaseArgs = ["--provider", database.Settings.Provider.ToString(), "--connection-string", database.Settings.ConnectionString];
        var exit = await Program.BuildRoot().Parse([.. args, .. databaseArgs]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
