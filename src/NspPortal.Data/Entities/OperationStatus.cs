namespace NspPortal.Data.Entities;

/// <summary>The status of an operation Azure runs asynchronously (perimeter and association deletes, association
/// puts, link and link-reference deletes, reference/nsp.md §1.2). The portal completes them before answering,
/// so every status is terminal; clients that poll <c>Azure-AsyncOperation</c> get <c>Succeeded</c> at once.</summary>
public sealed class OperationStatusEntity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SubscriptionId { get; set; }

    /// <summary>The region in the status URL (the perimeter's location).</summary>
    public string Location { get; set; } = "";

    /// <summary>The resource the operation acted on.</summary>
    public string ResourceId { get; set; } = "";

    /// <summary><c>Succeeded</c> or <c>Failed</c>.</summary>
    public string Status { get; set; } = "Succeeded";

    public DateTime StartTime { get; set; }

    public DateTime EndTime { get; set; }
}
