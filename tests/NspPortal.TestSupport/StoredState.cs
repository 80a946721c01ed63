using Microsoft.EntityFrameworkCore;
using NspPortal.Data;

namespace NspPortal.TestSupport;

/// <summary>A summary of what a request could have written: accounts (with password hash, security stamp, lockout and
/// failed-attempt count), role assignments, personal access tokens (and whether revoked), and every perimeter, profile and
/// access rule with its ETag. Equal states mean nothing was stored.</summary>
public static class StoredState
{
    public static async Task<string> TakeAsync(NspDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parts = new List<string>();
        parts.AddRange((await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.PasswordHash, u.SecurityStamp, u.LockoutEnd, u.AccessFailedCount }).ToListAsync())
            .Select(u => $"user:{u.Id}:{u.Email}:{u.PasswordHash}:{u.SecurityStamp}:{u.LockoutEnd}:{u.AccessFailedCount}"));
        parts.AddRange((await db.RoleAssignments.AsNoTracking().Select(a => new { a.Id, a.UserId, a.Scope, a.Role }).ToListAsync())
            .Select(a => $"role:{a.Id}:{a.UserId}:{a.Scope}:{a.Role}"));
        parts.AddRange((await db.PersonalAccessTokens.AsNoTracking().Select(t => new { t.Id, t.RevokedAt }).ToListAsync())
            .Select(t => $"token:{t.Id}:{t.RevokedAt}"));
        parts.AddRange((await db.Perimeters.AsNoTracking().Select(p => new { p.Id, p.ETag }).ToListAsync()).Select(p => $"perimeter:{p.Id}:{p.ETag}"));
        parts.AddRange((await db.Profiles.AsNoTracking().Select(p => new { p.Id, p.ETag }).ToListAsync()).Select(p => $"profile:{p.Id}:{p.ETag}"));
        parts.AddRange((await db.AccessRules.AsNoTracking().Select(r => new { r.Id, r.ETag }).ToListAsync()).Select(r => $"rule:{r.Id}:{r.ETag}"));
        parts.Sort(StringComparer.Ordinal);
        return string.Join('\n', parts);
    }
}
