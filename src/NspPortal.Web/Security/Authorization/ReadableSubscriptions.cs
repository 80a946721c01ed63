using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Web.Features.Perimeters;

namespace NspPortal.Web.Security.Authorization;

/// <summary>The subscriptions a caller may read, for filters and pickers.</summary>
public static class ReadableSubscriptions
{
    public static async Task<IReadOnlyList<SubscriptionOption>> OptionsAsync(NspDbContext db, AccessGrants access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var readable = access.SubscriptionsWith(NspPermission.Read)?.ToArray();
        return await db.Subscriptions.AsNoTracking()
            .Where(s => readable == null || readable.Contains(s.Id))
            .OrderBy(s => s.DisplayName)
            .Select(s => new SubscriptionOption(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
    }
}
