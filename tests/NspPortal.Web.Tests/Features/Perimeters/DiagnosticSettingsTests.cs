using System.Net;
using Microsoft.EntityFrameworkCore;
using NspPortal.TestSupport;
using NspPortal.Web.Features.Perimeters.Diagnostics;
using static NspPortal.Web.Tests.Features.Perimeters.BladeTestClient;

namespace NspPortal.Web.Tests.Features.Perimeters;

/// <summary>Diagnostic settings: the logging configuration <c>instance</c>, saved and deleted through the service with
/// its ETag.</summary>
public class DiagnosticSettingsTests : IAsyncLifetime
{
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task TheStoredSettingIsShownAndAllLogsSavesEveryCategory()
    {
        var client = await HtmxAsync(factory, DiagnosticSettingsEditor.Id);
        var page = Html.Parse(await client.GetStringAsync(Prod + "/diagnosticSettings"));
        var ticked = page.QuerySelectorAll("input[name=category][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["NspPublicInboundPerimeterRulesDenied", "NspPublicOutboundPerimeterRulesDenied", "NspPublicInboundResourceRulesAllowed"], ticked);
        Assert.Equal("Log Analytics workspace log-contoso-prod", page.QuerySelector("#diagnostic-destination")!.GetAttribute("value"));
        var etag = page.QuerySelector("input[name=etag]")!.GetAttribute("value")!;

        var response = await client.PostAsync(Prod + "/diagnosticSettings/save", Form(("etag", etag), ("category", "allLogs"), ("destination", "  Storage account stnsplogs  ")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var editor = await FragmentAsync(response);
        Assert.True(editor.QuerySelector("input[value=allLogs]")!.HasAttribute("checked"));
        await using var db = factory.CreateDbContext();
        var stored = await db.LoggingConfigurations.SingleAsync(c => c.Perimeter!.Name == "nsp-contoso-prod");
        Assert.Equal(DiagnosticCategories.Current.Select(c => c.Name), stored.EnabledLogCategories);
        Assert.Equal("Storage account stnsplogs", stored.DestinationDescription);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesChangeIsRefusedShowingBothVersions()
    {
        var client = await HtmxAsync(factory, DiagnosticSettingsEditor.Id);
        var etag = Html.Parse(await client.GetStringAsync(Prod + "/diagnosticSettings")).QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Prod + "/diagnosticSettings/save", Form(("etag", etag), ("category", "NspPrivateInboundAllowed")))).StatusCode);

        var response = await client.PostAsync(Prod + "/diagnosticSettings/save", Form(("etag", etag), ("category", "NspOutboundAttempt"), ("destination", "mine")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var editor = await FragmentAsync(response);
        Assert.Contains("Someone else changed the diagnostic setting", editor.QuerySelector(".messagebar.warning")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your choice: NspOutboundAttempt; destination \"mine\".", editor.QuerySelector(".messagebar.warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["NspPrivateInboundAllowed"], editor.QuerySelectorAll("input[name=category][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task ATooLongDestinationIsRefusedKeepingTheTicks()
    {
        var client = await HtmxAsync(factory, DiagnosticSettingsEditor.Id);
        var etag = Html.Parse(await client.GetStringAsync(Dev + "/diagnosticSettings")).QuerySelector("input[name=etag]")!.GetAttribute("value")!;
        Assert.Equal("", etag);

        var response = await client.PostAsync(Dev + "/diagnosticSettings/save", Form(("etag", etag), ("category", "NspOutboundAttempt"), ("destination", new string('d', 1025))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var editor = await FragmentAsync(response);
        Assert.Contains("at most 1024 characters", editor.QuerySelector(".messagebar.error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["NspOutboundAttempt"], editor.QuerySelectorAll("input[name=category][checked]").Select(i => i.GetAttribute("value")));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.LoggingConfigurations.AnyAsync(c => c.Perimeter!.Name == "nsp-contoso-dev"));
    }

    [Fact]
    public async Task DeletingStopsTheLogging()
    {
        var client = await HtmxAsync(factory, DiagnosticSettingsEditor.Id);
        var etag = Html.Parse(await client.GetStringAsync(Prod + "/diagnosticSettings")).QuerySelector("input[name=etag]")!.GetAttribute("value")!;

        var response = await client.PostAsync(Prod + "/diagnosticSettings/delete", Form(("etag", etag)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await FragmentAsync(response)).QuerySelectorAll("input[name=category][checked]"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.LoggingConfigurations.AnyAsync());
    }
}
