using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Services;

/// <summary>Reads the statuses of operations Azure runs asynchronously (<c>networkSecurityPerimeterOperationStatuses</c>).</summary>
public sealed class OperationStatusService(NspDbContext db)
{
    public async Task<Result<OperationStatusEntity>> GetAsync(Guid subscriptionId, string location, Guid operationId, CancellationToken cancellationToken = default)
    {
        var operation = await db.OperationStatuses.AsNoTracking().FirstOrDefaultAsync(o => o.Id == operationId && o.SubscriptionId == subscriptionId, cancellationToken);
        return operation is not null && string.Equals(operation.Location, location, StringComparison.OrdinalIgnoreCase)
            ? Result<OperationStatusEntity>.Ok(operation)
            : new ServiceError(ServiceErrorKind.NotFound, "OperationNotFound",
                $"The operation '{operationId:D}' was not found in location '{location}' of subscription '{subscriptionId:D}'.");
    }
}
