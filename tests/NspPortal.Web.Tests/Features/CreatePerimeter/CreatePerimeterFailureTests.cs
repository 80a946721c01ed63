using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.Engine.Model;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.CreatePerimeter;

/// <summary>Create fails part-way — after the perimeter, its new resource group, profile and rules were added to the
/// unit of work, or when the database refuses mid-transaction — and must leave nothing behind, say what failed and keep
/// the input.</summary>
public class CreatePerimeterFailureTests : IAsyncLifetime
{
    private static readonly Guid Prod = DemoTenant.Production;
    private static readonly string Audit = ArmIds.Resource(Prod, "rg-prod-data", "Microsoft.Storage/storageAccounts", "stcontosoaudit");
    private static readonly string Search = ArmIds.Resource(Prod, "rg-prod-data", "Microsoft.Search/searchServices", "srch-contoso-catalog");
    private readonly FailingAssociationInserts failing = new();
    private readonly SomeoneElseAssociatesFirst race = new();
    private PortalFactory factory = null!;

    public async Task InitializeAsync() => factory = await PortalFactory.CreateAsync(configureHost: b => b.ConfigureServices(s =>
        s.ConfigureDbContext<NspDbContext>(o => o.AddInterceptors(failing, race))));

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<WizardSession> DraftAsync(string name)
    {
        var wizard = await WizardSession.OpenAsync(await factory.CreateSignedInClientAsync(NspRole.Contributor, allowAutoRedirect: false));
        wizard.Set("subscription", Prod.ToString());
        await wizard.PressAsync("rg-new");
        wizard.Set("newResourceGroup", $"rg-{name}").Set("perimeterName", name).Set("location", "northeurope")
            .Add("inboundName", "allow-office").Add("inboundSourceType", "IpAddressRanges").Add("inboundSources", "203.0.113.0/24")
            .Add("resource", Audit).Add("resourceAccessMode", "Learning").Add("resource", Search).Add("resourceAccessMode", "Learning");
        return wizard;
    }

    [Fact]
    public async Task ADatabaseFailureWhileWritingTheAssociationsLeavesNothingAndKeepsTheInput()
    {
        var wizard = await DraftAsync("nsp-doomed");
        failing.Armed = true;

        var status = await wizard.PressAsync("create");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.True(failing.Failures > 0, "the association insert was never attempted");
        Assert.StartsWith("The deployment failed and nothing was created", wizard.Wizard.QuerySelector(".wizard-message")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Review + create", wizard.ShownTab);
        Assert.Equal(("nsp-doomed", "rg-nsp-doomed", "203.0.113.0/24"), (wizard.Value("perimeterName"), wizard.Value("newResourceGroup"), wizard.Value("inboundSources")));
        Assert.Equal([Audit, Search], [wizard.Value("resource", 0)!, wizard.Value("resource", 1)!]);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Perimeters.AnyAsync(p => p.Name == "nsp-doomed"));
        Assert.False(await db.ResourceGroups.AnyAsync(g => g.Name == "rg-nsp-doomed"));
        Assert.False(await db.Profiles.AnyAsync(p => p.Perimeter!.Name == "nsp-doomed"));
        Assert.Equal(0, await db.AccessRules.CountAsync(r => r.Name == "allow-office"));
        Assert.False(await db.ResourceAssociations.AnyAsync(a => a.PaasResource!.Name == "stcontosoaudit"));

        failing.Armed = false;
        Assert.Equal(HttpStatusCode.OK, await wizard.PressAsync("create")); // fixed: the same input goes through
        Assert.NotNull(wizard.Response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task AResourceAssociatedElsewhereDuringTheCreateIsNamedNextToItAndNothingIsStored()
    {
        var wizard = await DraftAsync("nsp-raced");
        race.Before = async () =>
        {
            await using var other = factory.CreateDbContext();
            var perimeter = await other.Perimeters.Include(p => p.Profiles).SingleAsync(p => p.Name == "nsp-contoso-prod");
            var resource = await other.PaasResources.SingleAsync(r => r.Name == "srch-contoso-catalog");
            other.ResourceAssociations.Add(new ResourceAssociationEntity
            {
                Name = "srch-someone-else",
                PerimeterId = perimeter.Id,
                ProfileId = perimeter.Profiles[0].Id,
                PaasResourceId = resource.Id,
            });
            await other.SaveChangesAsync();
        };

        var status = await wizard.PressAsync("create");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Resources", wizard.MarkedTabs.Single());
        Assert.Contains("srch-contoso-catalog", string.Join(" ", wizard.Messages("resource-1")), StringComparison.Ordinal);
        Assert.Empty(wizard.Messages("resource-0"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Perimeters.AnyAsync(p => p.Name == "nsp-raced"));
        Assert.False(await db.ResourceGroups.AnyAsync(g => g.Name == "rg-nsp-raced"));
        Assert.False(await db.ResourceAssociations.AnyAsync(a => a.PaasResource!.Name == "stcontosoaudit"));
    }

    /// <summary>Fails every INSERT into ResourceAssociations while armed (the database refusing mid-transaction).</summary>
    private sealed class FailingAssociationInserts : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public int Failures { get; private set; }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Fail(System.Data.Common.DbCommand command)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"ResourceAssociations\"", StringComparison.Ordinal))
            {
                Failures++;
                throw new InvalidOperationException("Simulated database failure while inserting an association.");
            }
        }
    }

    /// <summary>Runs <see cref="Before"/> once, when the create reads the inventory for its associations (the second
    /// read of PaasResources in the request; the first is the wizard's own check): someone else's write that lands after
    /// the wizard validated and before the service looks again, inside the create.</summary>
    private sealed class SomeoneElseAssociatesFirst : DbCommandInterceptor
    {
        private int reads;

        public Func<Task>? Before { get; set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Before is { } before && command.CommandText.Contains("\"PaasResources\"", StringComparison.Ordinal) && ++reads == 2)
            {
                Before = null;
                await before();
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
