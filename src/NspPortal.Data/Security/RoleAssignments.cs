using System.Data;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Security;

/// <summary>One row of the IAM grid: an assignment that applies at a scope, directly or inherited from the root.</summary>
public sealed record RoleAssignmentRow(Guid Id, string UserId, string UserEmail, NspRole Role, NspScope Scope, bool Inherited, DateTime CreatedAt, string CreatedBy);

/// <summary>The outcome of a role-assignment change.</summary>
public enum RoleAssignmentOutcome
{
    Done,
    AlreadyAssigned,
    UnknownUser,
    NotFound,

    /// <summary>Refused: it would leave nobody who is Owner at <c>/</c> (nobody could ever assign roles again).</summary>
    LastOwner,

    /// <summary>Someone else changed role assignments at the same moment; nothing was changed.</summary>
    Conflict,
}

/// <summary>Reads and changes role assignments. Every change runs in one serializable transaction with the "at least
/// one Owner at /" rule, so two owners removing each other at the same moment cannot lock everybody out.</summary>
public sealed class RoleAssignments(NspDbContext db)
{
    /// <summary>The assignments that apply at <paramref name="scope"/>: its own and, for a subscription, the root's.</summary>
    public async Task<IReadOnlyList<RoleAssignmentRow>> AtAsync(NspScope scope, CancellationToken cancellationToken = default)
    {
        var scopes = scope.IsRoot ? new[] { "/" } : ["/", scope.ToString()];
        var rows = await db.RoleAssignments.AsNoTracking().Where(a => scopes.Contains(a.Scope))
            .Select(a => new { a.Id, a.UserId, a.User!.Email, a.Role, a.Scope, a.CreatedAt, a.CreatedBy })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RoleAssignmentRow(r.Id, r.UserId, r.Email ?? r.UserId, r.Role,
                NspScope.TryParse(r.Scope, out var s) ? s : NspScope.Root, r.Scope != scope.ToString(), r.CreatedAt, r.CreatedBy))
            .OrderBy(r => r.Inherited).ThenByDescending(r => r.Role).ThenBy(r => r.UserEmail, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Gives <paramref name="role"/> at <paramref name="scope"/> to the user.</summary>
    public async Task<RoleAssignmentOutcome> AssignAsync(string userId, NspScope scope, NspRole role, string assignedBy, CancellationToken cancellationToken = default) =>
        await AssignAsync(Guid.NewGuid(), userId, scope, role, assignedBy, cancellationToken);

    /// <summary>Gives <paramref name="role"/> at <paramref name="scope"/> to the user, as the assignment <paramref name="id"/>
    /// (the API names assignments by GUID, as ARM does).</summary>
    public async Task<RoleAssignmentOutcome> AssignAsync(Guid id, string userId, NspScope scope, NspRole role, string assignedBy, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role));
        }

        return await InTransactionAsync(async () =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            {
                return RoleAssignmentOutcome.UnknownUser;
            }

            var text = scope.ToString();
            if (await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Scope == text && a.Role == role, cancellationToken))
            {
                return RoleAssignmentOutcome.AlreadyAssigned;
            }

            db.RoleAssignments.Add(new RoleAssignmentEntity { Id = id, UserId = userId, Scope = text, Role = role, CreatedBy = assignedBy });
            await db.SaveChangesAsync(cancellationToken);
            return RoleAssignmentOutcome.Done;
        }, cancellationToken);
    }

    /// <summary>Removes an assignment, unless it is the last Owner at <c>/</c>.</summary>
    public async Task<RoleAssignmentOutcome> RemoveAsync(Guid assignmentId, CancellationToken cancellationToken = default) =>
        await InTransactionAsync(async () =>
        {
            var assignment = await db.RoleAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
            if (assignment is null)
            {
                return RoleAssignmentOutcome.NotFound;
            }

            if (assignment.Scope == "/" && assignment.Role == NspRole.Owner
                && await db.RoleAssignments.CountAsync(a => a.Scope == "/" && a.Role == NspRole.Owner, cancellationToken) <= 1)
            {
                return RoleAssignmentOutcome.LastOwner;
            }

            db.RoleAssignments.Remove(assignment);
            await db.SaveChangesAsync(cancellationToken);
            return RoleAssignmentOutcome.Done;
        }, cancellationToken);

    /// <summary>True when <paramref name="userId"/> is the only Owner at <c>/</c> (they may not be deleted).</summary>
    public async Task<bool> IsLastRootOwnerAsync(string userId, CancellationToken cancellationToken = default)
    {
        var owners = await db.RoleAssignments.Where(a => a.Scope == "/" && a.Role == NspRole.Owner)
            .Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);
        return owners.Count == 1 && owners[0] == userId;
    }

    /// <summary>Runs <paramref name="work"/> in a serializable transaction; a serialization failure (another writer won)
    /// becomes <see cref="RoleAssignmentOutcome.Conflict"/> with nothing changed.</summary>
    private async Task<RoleAssignmentOutcome> InTransactionAsync(Func<Task<RoleAssignmentOutcome>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var outcome = await work();
            if (outcome == RoleAssignmentOutcome.Done)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return outcome;
        }
        catch (Exception e) when (NspDatabase.IsWriteConflict(e))
        {
            db.ChangeTracker.Clear();
            return RoleAssignmentOutcome.Conflict;
        }
    }
}
