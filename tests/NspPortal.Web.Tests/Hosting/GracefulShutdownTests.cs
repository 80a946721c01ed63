using System.Net;
using NspPortal.Data;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Hosting;

/// <summary>The real portal process (bin/…/NspPortal.Web.dll) stopped with SIGTERM, as docker or systemd stop it.</summary>
public class GracefulShutdownTests
{
    [Fact]
    public async Task SigtermStopsThePortalCleanlyAndLeavesTheDatabaseFileComplete()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var portal = ChildProcess.StartDotnet(PortalDll(), [], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = database.Settings.Provider.ToString(),
            ["ConnectionStrings__NspPortal"] = database.Settings.ConnectionString,
            ["NspPortal__Auth__BootstrapAdmin__Email"] = "owner@contoso.test",
            ["NspPortal__Auth__BootstrapAdmin__Password"] = "a-long-enough-password",
        });
        var banner = await portal.WaitForLineAsync(l => l.Contains("NspPortal is running. Open ", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        var address = new Uri(banner.Split("Open ")[1].Split(' ')[0]);
        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);

        var exitCode = await portal.TerminateAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(0, exitCode);
        var output = portal.Output.ToList();
        var stopping = output.FindIndex(l => l.Contains("Application is shutting down", StringComparison.Ordinal));
        Assert.True(stopping >= 0, "the host logged its shutdown");
        // (Before that, EF may log a failed first connection on PostgreSQL while it creates the database.)
        Assert.DoesNotContain(output.Skip(stopping), l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal));
        if (database.Settings.Provider == DatabaseProvider.Sqlite)
        {
            var wal = database.Settings.SqliteFilePath + "-wal";
            Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0, "the write-ahead log was folded into the database file at shutdown");
        }
    }

    /// <summary>The portal as built next to this test assembly's configuration.</summary>
    private static string PortalDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepositoryPaths.Root, "src", "NspPortal.Web", "bin", here.Parent!.Name, here.Name, "NspPortal.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/NspPortal.Web first ({dll}).");
    }
}
