using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;
using NspPortal.TestSupport;

namespace NspPortal.Data.Tests.Security;

/// <summary>Role assignments in the database, identically on SQLite and PostgreSQL.</summary>
public class RoleAssignmentsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task AnAssignmentCannotBeAddedTwice()
    {
        var user = await AddUserAsync("twice@contoso.test");
        await using var db = database.CreateContext();
        var assignments = new RoleAssignments(db);

        Assert.Equal(RoleAssignmentOutcome.Done, await assignments.AssignAsync(user, NspScope.Root, NspRole.Reader, "test"));
        Assert.Equal(RoleAssignmentOutcome.AlreadyAssigned, await assignments.AssignAsync(user, NspScope.Root, NspRole.Reader, "test"));
        Assert.Equal(RoleAssignmentOutcome.UnknownUser, await assignments.AssignAsync("no-such-user", NspScope.Root, NspRole.Reader, "test"));

        // And the database refuses a duplicate written behind the service's back.
        db.RoleAssignments.Add(new RoleAssignmentEntity { UserId = user, Scope = "/", Role = NspRole.Reader });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task TheLastOwnerAtTheRootCannotBeRemovedButASecondOneCan()
    {
        var first = await AddUserAsync("first@contoso.test");
        var second = await AddUserAsync("second@contoso.test");
        await using var db = database.CreateContext();
        var assignments = new RoleAssignments(db);
        var firstId = Guid.NewGuid();
        await assignments.AssignAsync(firstId, first, NspScope.Root, NspRole.Owner, "test");

        Assert.Equal(RoleAssignmentOutcome.LastOwner, await assignments.RemoveAsync(firstId));
        Assert.True(await assignments.IsLastRootOwnerAsync(first));

        await assignments.AssignAsync(second, NspScope.Root, NspRole.Owner, "test");
        Assert.Equal(RoleAssignmentOutcome.Done, await assignments.RemoveAsync(firstId));
        Assert.True(await assignments.IsLastRootOwnerAsync(second));
    }

    [Fact]
    public async Task TwoOwnersRemovingEachOtherAtOnceLeaveAtLeastOneOwner()
    {
        var a = await AddUserAsync("a@contoso.test");
        var b = await AddUserAsync("b@contoso.test");
        var (idA, idB) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = database.CreateContext())
        {
            await new RoleAssignments(db).AssignAsync(idA, a, NspScope.Root, NspRole.Owner, "test");
            await new RoleAssignments(db).AssignAsync(idB, b, NspScope.Root, NspRole.Owner, "test");
        }

        for (var round = 0; round < 5; round++)
        {
            await using var dbA = database.CreateContext();
            await using var dbB = database.CreateContext();
            var outcomes = await Task.WhenAll(new RoleAssignments(dbA).RemoveAsync(idA), new RoleAssignments(dbB).RemoveAsync(idB));

            await using var check = database.CreateContext();
            Assert.True(await check.RoleAssignments.CountAsync(r => r.Scope == "/" && r.Role == NspRole.Owner) >= 1, string.Join(",", outcomes));
            if (outcomes.Contains(RoleAssignmentOutcome.Done))
            {
                break; // one of them won; the other was refused (LastOwner or Conflict)
            }
        }
    }

    [Fact]
    public async Task DeletingAUserDeletesTheirAssignmentsAndTokens()
    {
        var user = await AddUserAsync("gone@contoso.test");
        await using var db = database.CreateContext();
        await new RoleAssignments(db).AssignAsync(user, NspScope.Root, NspRole.Reader, "test");
        db.PersonalAccessTokens.Add(new PersonalAccessTokenEntity { UserId = user, Name = "t", TokenHash = new string('a', 64), ExpiresAt = DateTime.UtcNow.AddDays(1) });
        await db.SaveChangesAsync();

        await db.Users.Where(u => u.Id == user).ExecuteDeleteAsync();

        Assert.False(await db.RoleAssignments.AnyAsync());
        Assert.False(await db.PersonalAccessTokens.AnyAsync());
    }

    private async Task<string> AddUserAsync(string email)
    {
        await using var db = database.CreateContext();
        var user = new NspUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
