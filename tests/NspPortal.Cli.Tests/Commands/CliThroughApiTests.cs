using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Cli.Tests.Commands;

/// <summary><c>nsp export/import --server … --token …</c> against a real portal on loopback HTTP: the portal applies the
/// token owner's roles exactly as for any API call.</summary>
public sealed class CliThroughApiTests : IAsyncLifetime
{
    private static readonly string ProdPerimeter =
        $"/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";

    private PortalFactory portal = null!;
    private Uri server = null!;
    private string readerToken = null!;
    private string contributorEmail = null!;
    private string contributorToken = null!;

    public async Task InitializeAsync()
    {
        portal = await PortalFactory.CreateAsync();
        server = portal.StartKestrel();
        readerToken = await portal.IssuePersonalAccessTokenAsync(await portal.EnsureUserAsync(NspRole.Reader, NspScope.Subscription(DemoTenant.Production)));
        contributorEmail = await portal.EnsureUserAsync(NspRole.Contributor, NspScope.Subscription(DemoTenant.Production));
        contributorToken = await portal.IssuePersonalAccessTokenAsync(contributorEmail);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task ExportThroughTheApiGivesTheSameDocumentAsExportFromTheDatabase()
    {
        var (exit, viaApi, error) = await RunAsync("export", "--perimeter", ProdPerimeter, "--format", "terraform",
            "--server", server.ToString(), "--token", PortalFactory.BootstrapToken);
        Assert.True(exit == 0, error);

        var (dbExit, viaDatabase, dbError) = await RunAsync("export", "--perimeter", ProdPerimeter, "--format", "terraform",
            "--provider", portal.Database.Settings.Provider.ToString(), "--connection-string", portal.Database.Settings.ConnectionString);
        Assert.True(dbExit == 0, dbError);
        Assert.Contains("azurerm_network_security_perimeter", viaApi, StringComparison.Ordinal);
        Assert.Equal(viaDatabase, viaApi);
    }

    [Fact]
    public async Task AReadersTokenCannotImportAndNothingIsStored()
    {
        var template = await ExportToFileAsync();
        try
        {
            var (exit, _, error) = await RunAsync("import", "--subscription", DemoTenant.Production.ToString(), "-g", "rg-prod-network", "--file", template,
                "--parameter", "networkSecurityPerimeterName=nsp-cli-reader", "--server", server.ToString(), "--token", readerToken);

            Assert.Equal(1, exit);
            Assert.StartsWith("AuthorizationFailed:", error, StringComparison.Ordinal);
            Assert.Contains("Nothing was imported.", error, StringComparison.Ordinal);
            await using var db = portal.CreateDbContext();
            Assert.False(await db.Perimeters.AnyAsync(p => p.NameKey == "NSP-CLI-READER"));
        }
        finally
        {
            File.Delete(template);
        }
    }

    [Fact]
    public async Task AContributorsTokenImportsAndTheWriteIsRecordedAsThatUser()
    {
        var template = await ExportToFileAsync();
        try
        {
            var (exit, output, error) = await RunAsync("import", "--subscription", DemoTenant.Production.ToString(), "-g", "rg-prod-network", "--file", template,
                "--parameter", "networkSecurityPerimeterName=nsp-cli-contributor", "--server", server.ToString(), "--token", contributorToken);

            Assert.True(exit == 0, error);
            Assert.Contains("Microsoft.Network/networkSecurityPerimeters  /subscriptions/", output, StringComparison.Ordinal);
            await using var db = portal.CreateDbContext();
            var copy = await db.Perimeters.Include(p => p.Profiles).SingleAsync(p => p.NameKey == "NSP-CLI-CONTRIBUTOR");
            Assert.Equal(contributorEmail, copy.CreatedBy);
            Assert.NotEmpty(copy.Profiles);
        }
        finally
        {
            File.Delete(template);
        }
    }

    [Fact]
    public async Task AServerWithoutATokenIsAUsageErrorAndAWrongTokenIsRefused()
    {
        var (exit, _, error) = await RunAsync("export", "--perimeter", ProdPerimeter, "--server", server.ToString());
        Assert.Equal(2, exit);
        Assert.Contains("--token", error, StringComparison.Ordinal);

        var (wrongExit, _, wrongError) = await RunAsync("export", "--perimeter", ProdPerimeter, "--server", server.ToString(), "--token", "nsp_pat_wrong");
        Assert.Equal(1, wrongExit);
        Assert.StartsWith("InvalidAuthenticationToken:", wrongError, StringComparison.Ordinal);
    }

    /// <summary>A template of a perimeter with one profile (the demo perimeters' associations could not be imported twice:
    /// a resource belongs to one perimeter).</summary>
    private static async Task<string> ExportToFileAsync()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "networkSecurityPerimeterName": { "type": "string" } },
              "resources": [
                { "type": "Microsoft.Network/networkSecurityPerimeters", "apiVersion": "2025-05-01",
                  "name": "[parameters('networkSecurityPerimeterName')]", "location": "eastus2", "properties": {} },
                { "type": "Microsoft.Network/networkSecurityPerimeters/profiles", "apiVersion": "2025-05-01",
                  "name": "[format('{0}/{1}', parameters('networkSecurityPerimeterName'), 'defaultProfile')]", "properties": {},
                  "dependsOn": [ "[resourceId('Microsoft.Network/networkSecurityPerimeters', parameters('networkSecurityPerimeterName'))]" ] }
              ]
            }
            """);
        return file;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Program.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
