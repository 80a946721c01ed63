using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;

namespace NspPortal.Web.Security.Authentication;

/// <summary>The outcome of creating the first Owner.</summary>
public sealed record FirstOwnerResult(bool Created, bool AlreadySetUp, IReadOnlyList<string> Errors)
{
    public static FirstOwnerResult Success { get; } = new(true, false, []);

    public static FirstOwnerResult TooLate { get; } = new(false, true, ["The portal already has an account. Sign in instead."]);

    public static FirstOwnerResult Invalid(IEnumerable<string> errors) => new(false, false, [.. errors]);
}

/// <summary>Creates the first account — an Owner at <c>/</c> — while the database has no user at all: from the first-run
/// page, or at startup from <c>NspPortal:Auth:BootstrapAdmin:Email</c>/<c>:Password</c>. The check and the insert run
/// in one serializable transaction, so two instances (or two browsers) racing cannot create two first owners.</summary>
public sealed class FirstOwner(NspDbContext db, UserManager<NspUser> users)
{
    /// <summary>True while no account exists.</summary>
    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) => !await db.Users.AnyAsync(cancellationToken);

    public async Task<FirstOwnerResult> CreateAsync(string email, string password, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return FirstOwnerResult.TooLate;
            }

            var user = new NspUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return FirstOwnerResult.Invalid(created.Errors.Select(e => e.Description));
            }

            db.RoleAssignments.Add(new RoleAssignmentEntity { UserId = user.Id, Scope = NspScope.Root.ToString(), Role = NspRole.Owner, CreatedBy = createdBy });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return FirstOwnerResult.Success;
        }
        catch (Exception e) when (NspDatabase.IsWriteConflict(e))
        {
            db.ChangeTracker.Clear();
            return FirstOwnerResult.TooLate;
        }
    }
}
