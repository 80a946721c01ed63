using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Services;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Services;

/// <summary>The write path the UI shares with the API: the wizard's one-transaction create, and the portal's actions.</summary>
public class PerimeterServiceTests : ServiceTestBase
{
    private static PerimeterDraft Draft(string name, params AccessRuleInput[] rules) => new(
        Nsp(name), "westus2", new Dictionary<string, string> { ["env"] = "prod" }, "defaultProfile", rules,
        [new AssociationDraft(Vault("kv1")), new AssociationDraft(Vault("kv2"), "Enforced")]);

    [Fact]
    public async Task TheWizardCreatesThePerimeterItsProfileRulesAndAssociationsInOneTransaction()
    {
        await using var db = Database.CreateContext();
        var result = await new PerimeterService(db).CreateWithContentsAsync(Draft("nsp-wizard",
            new AccessRuleInput { Name = "allow-corp", Direction = "Inbound", AddressPrefixes = ["203.0.113.0/24"] },
            new AccessRuleInput { Name = "allow-contoso", Direction = "Outbound", FullyQualifiedDomainNames = ["Contoso.com"] }), Alice);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(result.Created);
        await using var check = Database.CreateContext();
        var perimeter = await check.Perimeters.Include(p => p.Profiles).ThenInclude(p => p.AccessRules).Include(p => p.Associations).SingleAsync();
        var profile = Assert.Single(perimeter.Profiles);
        Assert.Equal(2, profile.AccessRulesVersion);
        Assert.Equal(["contoso.com"], profile.AccessRules.Single(r => r.Name == "allow-contoso").FullyQualifiedDomainNames);
        Assert.Equal([$"kv1-{perimeter.PerimeterGuid}", $"kv2-{perimeter.PerimeterGuid}"], perimeter.Associations.Select(a => a.Name).Order());
        Assert.Equal(AccessMode.Learning, perimeter.Associations.Single(a => a.Name.StartsWith("kv1", StringComparison.Ordinal)).AccessMode);
        Assert.Equal("alice@contoso.com", perimeter.CreatedBy);
        var correlations = await check.ActivityLog.Where(e => e.ResourceType.StartsWith("Microsoft.Network")).Select(e => e.CorrelationId).Distinct().ToListAsync();
        Assert.Single(correlations); // one save, one transaction
    }

    [Fact]
    public async Task TheWizardStoresNothingWhenOnePartIsInvalidAndSaysWhichPart()
    {
        await using var db = Database.CreateContext();
        string before;
        await using (var snapshot = Database.CreateContext())
        {
            before = await DatabaseFingerprint.TakeAsync(snapshot);
        }

        var result = await new PerimeterService(db).CreateWithContentsAsync(Draft("nsp-wizard",
            new AccessRuleInput { Name = "ok", Direction = "Inbound", AddressPrefixes = ["203.0.113.0/24"] },
            new AccessRuleInput { Name = "bad", Direction = "Inbound", AddressPrefixes = ["10.0.0.1/8"] }), Alice);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCodes.AddressPrefixHasHostBits, result.Error!.Code);
        Assert.Equal("rules[1].properties.addressPrefixes[0]", result.Error.Target);
        await using var after = Database.CreateContext();
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(after));
    }

    [Fact]
    public async Task TheWizardCreatesANewResourceGroupInTheSameTransaction()
    {
        await using var db = Database.CreateContext();
        var draft = Draft("nsp-wizard") with { Path = new PerimeterPath(Subscription, "rg-new", "nsp-wizard"), NewResourceGroupLocation = "westeurope" };

        var result = await new PerimeterService(db).CreateWithContentsAsync(draft, Alice);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var check = Database.CreateContext();
        var group = await check.ResourceGroups.SingleAsync(g => g.Name == "rg-new");
        Assert.Equal("westeurope", group.Location);
        Assert.Equal("alice@contoso.com", group.CreatedBy);
        Assert.True(await check.Perimeters.AnyAsync(p => p.ResourceGroupId == group.Id && p.Name == "nsp-wizard"));
    }

    [Fact]
    public async Task ANewResourceGroupIsNotLeftBehindWhenALaterPartFails()
    {
        await using var db = Database.CreateContext();
        string before;
        await using (var snapshot = Database.CreateContext())
        {
            before = await DatabaseFingerprint.TakeAsync(snapshot);
        }

        var bad = new AccessRuleInput { Name = "bad", Direction = "Inbound", AddressPrefixes = ["10.0.0.1/8"] };
        var draft = Draft("nsp-wizard", bad) with { Path = new PerimeterPath(Subscription, "rg-new", "nsp-wizard"), NewResourceGroupLocation = "westeurope" };

        var result = await new PerimeterService(db).CreateWithContentsAsync(draft, Alice);

        Assert.Equal("rules[0].properties.addressPrefixes[0]", result.Error!.Target);
        await using var after = Database.CreateContext();
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(after));
    }

    [Fact]
    public async Task CreatingAResourceGroupThatExistsIsRefused()
    {
        await using var db = Database.CreateContext();
        var draft = Draft("nsp-wizard") with { NewResourceGroupLocation = "westus2" };

        var result = await new PerimeterService(db).CreateWithContentsAsync(draft, Alice);

        Assert.Equal("ResourceGroupAlreadyExists", result.Error!.Code);
        Assert.Equal("resourceGroup", result.Error.Target);
    }

    [Fact]
    public async Task RefusesASecondAssociationForAResourceEvenWhenTheFirstIsTracked()
    {
        await using var db = Database.CreateContext();
        var perimeters = new PerimeterService(db);
        Assert.True((await perimeters.CreateWithContentsAsync(Draft("nsp-a"), Alice)).Succeeded);
        Assert.True((await new PerimeterService(db).CreateOrUpdateAsync(new PerimeterInput(Nsp("nsp-b"), "westus2", null), Alice)).Succeeded);
        Assert.True((await new ProfileService(db).CreateOrUpdateAsync(Nsp("nsp-b"), "p", Alice)).Succeeded);
        _ = await db.ResourceAssociations.ToListAsync(); // the existing associations are tracked: EF would sever them silently

        var second = await new AssociationService(db).CreateOrUpdateAsync(Nsp("nsp-b"), new AssociationInput("kv1-again", Vault("kv1"), Profile("nsp-b", "p"), "Learning"), Alice);

        Assert.Equal(ServiceErrorKind.Conflict, second.Error!.Kind);
        Assert.Equal(ErrorCodes.ResourceAlreadyAssociated, second.Error.Code);
        Assert.StartsWith("Only a single association with access mode 'learning' is allowed.", second.Error.Message, StringComparison.Ordinal);
        await using var check = Database.CreateContext();
        Assert.Equal(2, await check.ResourceAssociations.CountAsync());
        Assert.True(await check.ResourceAssociations.AnyAsync(a => a.Perimeter!.NameKey == "NSP-A" && a.PaasResource!.NameKey == "KV1"));
    }

    [Fact]
    public async Task MovesAnAssociationToAnotherProfileInOneWrite()
    {
        await using var db = Database.CreateContext();
        Assert.True((await new PerimeterService(db).CreateWithContentsAsync(Draft("nsp-a"), Alice)).Succeeded);
        Assert.True((await new ProfileService(db).CreateOrUpdateAsync(Nsp("nsp-a"), "restricted", Alice)).Succeeded);
        var name = (await db.ResourceAssociations.AsNoTracking().FirstAsync(a => a.PaasResource!.NameKey == "KV1")).Name;

        var moved = await new AssociationService(db).MoveToProfileAsync(Nsp("nsp-a"), name, "restricted", Alice);

        Assert.True(moved.Succeeded, moved.Error?.Message);
        await using var check = Database.CreateContext();
        var association = await check.ResourceAssociations.Include(a => a.Profile).SingleAsync(a => a.Name == name);
        Assert.Equal("restricted", association.Profile!.Name);
        var log = await check.ActivityLog.Where(e => e.ResourceIdKey.EndsWith("/" + name.ToUpperInvariant())).OrderBy(e => e.EventTimestamp).ToListAsync();
        Assert.Contains("/profiles/defaultProfile", log[^1].Before, StringComparison.Ordinal);
        Assert.Contains("/profiles/restricted", log[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesTheAccessModeAndRefusesToChangeItToTheModeItHas()
    {
        await using var db = Database.CreateContext();
        Assert.True((await new PerimeterService(db).CreateWithContentsAsync(Draft("nsp-a"), Alice)).Succeeded);
        var name = (await db.ResourceAssociations.AsNoTracking().FirstAsync(a => a.AccessMode == AccessMode.Learning)).Name;
        var associations = new AssociationService(db);

        var enforced = await associations.ChangeAccessModeAsync(Nsp("nsp-a"), name, AccessMode.Enforced, Alice);
        var again = await associations.ChangeAccessModeAsync(Nsp("nsp-a"), name, AccessMode.Enforced, Alice);

        Assert.Equal(AccessMode.Enforced, enforced.Value!.AccessMode);
        Assert.Equal("AccessModeUnchanged", again.Error!.Code);
        Assert.Contains("already in Enforced mode", again.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplacesARulesPrefixesAndBumpsTheProfileVersion()
    {
        await using var db = Database.CreateContext();
        Assert.True((await new PerimeterService(db).CreateWithContentsAsync(Draft("nsp-a",
            new AccessRuleInput { Name = "corp", Direction = "Inbound", AddressPrefixes = ["203.0.113.0/24"] }), Alice)).Succeeded);

        var replaced = await new AccessRuleService(db).ReplaceAddressPrefixesAsync(Nsp("nsp-a"), "defaultProfile", "corp", ["198.51.100.0/24", "2001:DB8::/32"], Alice);

        Assert.True(replaced.Succeeded, replaced.Error?.Message);
        Assert.Equal(["198.51.100.0/24", "2001:db8::/32"], replaced.Value!.AddressPrefixes);
        await using var check = Database.CreateContext();
        Assert.Equal(2, (await check.Profiles.SingleAsync()).AccessRulesVersion);
    }

    [Fact]
    public async Task DeletesAPerimeterWithAssociationsOnlyWhenForced()
    {
        await using var db = Database.CreateContext();
        Assert.True((await new PerimeterService(db).CreateWithContentsAsync(Draft("nsp-a"), Alice)).Succeeded);
        var perimeters = new PerimeterService(db);

        var refused = await perimeters.DeleteAsync(Nsp("nsp-a"), force: false, Alice);
        var forced = await perimeters.DeleteAsync(Nsp("nsp-a"), force: true, Alice);
        var absent = await perimeters.DeleteAsync(Nsp("nsp-a"), force: true, Alice);

        Assert.Equal("PerimeterHasAssociations", refused.Error!.Code);
        Assert.True(forced.Value!.Existed);
        Assert.NotNull(forced.OperationId);
        Assert.False(absent.Value!.Existed);
        await using var check = Database.CreateContext();
        Assert.False(await check.Perimeters.AnyAsync());
        Assert.Equal(3, await check.PaasResources.CountAsync());
        Assert.Equal("Succeeded", (await check.OperationStatuses.SingleAsync(o => o.Id == forced.OperationId)).Status);
    }

    [Fact]
    public async Task RefusesAStaleETagFromTheForm()
    {
        await using var db = Database.CreateContext();
        var created = await new PerimeterService(db).CreateOrUpdateAsync(new PerimeterInput(Nsp("nsp-a"), "westus2", null), Alice);
        var staleETag = created.Value!.ETag;
        Assert.True((await new PerimeterService(db).UpdateTagsAsync(Nsp("nsp-a"), new Dictionary<string, string> { ["a"] = "1" }, Alice)).Succeeded);

        var stale = await new PerimeterService(db).UpdateTagsAsync(Nsp("nsp-a"), new Dictionary<string, string> { ["a"] = "2" }, Alice, Precondition.Matching(staleETag));

        Assert.Equal(ServiceErrorKind.PreconditionFailed, stale.Error!.Kind);
    }
}
