using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;

namespace NspPortal.Web.Features.AccessControl;

/// <summary>One row of the Users grid.</summary>
public sealed record UserRow(string Id, string Email, DateTime CreatedAt, bool LockedOut, int RoleAssignments, int ActiveTokens);

/// <summary>Local accounts, managed by Owners at <c>/</c>: list, add (with an initial password the user then uses to sign in),
/// unlock and delete. Deleting a user removes their role assignments and tokens with them (cascade); the last Owner at
/// <c>/</c> cannot be deleted.</summary>
public sealed class UserAdministration(NspDbContext db, UserManager<NspUser> users, RoleAssignments roles, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.CreatedAt,
                u.LockoutEnd,
                Roles = u.RoleAssignments.Count,
                Tokens = u.PersonalAccessTokens.Count(t => t.RevokedAt == null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UserRow(r.Id, r.Email ?? r.Id, r.CreatedAt, r.LockoutEnd is { } end && end > now, r.Roles, r.Tokens))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Adds a local account; the errors say what is wrong with the email or password.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string email, string password)
    {
        var user = new NspUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? [] : result.Errors.Select(e => e.Description).ToList();
    }

    /// <summary>Deletes an account, unless it is <paramref name="currentUserId"/> or the last Owner at <c>/</c>.</summary>
    public async Task<string?> DeleteAsync(string userId, string currentUserId)
    {
        if (userId == currentUserId)
        {
            return "You cannot delete your own account.";
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That user does not exist.";
        }

        if (await roles.IsLastRootOwnerAsync(userId))
        {
            return "This is the last Owner of everything (/); assign the role to someone else first.";
        }

        var result = await users.DeleteAsync(user);
        return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    /// <summary>Ends a lockout and resets the failed-attempt count.</summary>
    public async Task<bool> UnlockAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <summary>Users for the role-assignment picker.</summary>
    public async Task<IReadOnlyList<(string Id, string Email)>> PickerAsync(CancellationToken cancellationToken = default) =>
        (await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Email ?? u.Id)).OrderBy(u => u.Item2, StringComparer.OrdinalIgnoreCase).ToList();
}
