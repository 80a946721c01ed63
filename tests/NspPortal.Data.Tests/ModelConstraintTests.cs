using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests;

/// <summary>The invariants the database itself guards, identically on SQLite and PostgreSQL.</summary>
public class ModelConstraintTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await DemoTenant.SeedAsync(db);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task RejectsASecondAssociationForTheSameResource()
    {
        await using var db = database.CreateContext();
        // Untracked on purpose: with the existing association tracked, EF would sever it (one-to-one fix-up) and
        // the database would never see the duplicate. The service layer must check explicitly for that reason.
        var existing = await db.ResourceAssociations.AsNoTracking().FirstAsync();
        var otherPerimeter = await db.Perimeters.Include(p => p.Profiles).FirstAsync(p => p.Id != existing.PerimeterId);
        db.ResourceAssociations.Add(new ResourceAssociationEntity
        {
            Name = "duplicate",
            PerimeterId = otherPerimeter.Id,
            ProfileId = otherPerimeter.Profiles[0].Id,
            PaasResourceId = existing.PaasResourceId,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task TreatsNamesThatDifferOnlyInCaseAsTheSameName()
    {
        await using var db = database.CreateContext();
        var profile = await db.Profiles.FirstAsync();
        var existingRule = await db.AccessRules.FirstAsync(r => r.ProfileId == profile.Id);
        db.AccessRules.Add(new AccessRuleEntity { Name = existingRule.Name.ToUpperInvariant(), ProfileId = profile.Id });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task RefusesToDeleteAProfileThatAssociationsUse()
    {
        await using var db = database.CreateContext();
        var usedProfileId = await db.ResourceAssociations.Select(a => a.ProfileId).FirstAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Profiles.Where(p => p.Id == usedProfileId).ExecuteDeleteAsync());
        Assert.True(await db.Profiles.AnyAsync(p => p.Id == usedProfileId));
    }

    [Fact]
    public async Task DeletingAPerimeterRemovesEverythingItOwnsButNotTheResources()
    {
        await using var db = database.CreateContext();
        var perimeter = await db.Perimeters.FirstAsync(p => p.NameKey == "NSP-CONTOSO-PROD");
        var resourcesBefore = await db.PaasResources.CountAsync();
        await db.Perimeters.Where(p => p.Id == perimeter.Id).ExecuteDeleteAsync();

        Assert.False(await db.Profiles.AnyAsync(p => p.PerimeterId == perimeter.Id));
        Assert.False(await db.ResourceAssociations.AnyAsync(a => a.PerimeterId == perimeter.Id));
        Assert.False(await db.LoggingConfigurations.AnyAsync(l => l.PerimeterId == perimeter.Id));
        Assert.False(await db.AccessRules.AnyAsync(r => r.Profile!.PerimeterId == perimeter.Id));
        Assert.Equal(resourcesBefore, await db.PaasResources.CountAsync());
    }

    [Fact]
    public async Task DetectsAConcurrentEditThroughTheETag()
    {
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Perimeters.FirstAsync(p => p.NameKey == "NSP-CONTOSO-DEV");
        var b = await second.Perimeters.FirstAsync(p => p.NameKey == "NSP-CONTOSO-DEV");

        a.Tags["reviewed"] = "yes";
        a.ETag = ArmEntity.NewETag();
        await first.SaveChangesAsync();

        b.Tags["reviewed"] = "no";
        b.ETag = ArmEntity.NewETag();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
