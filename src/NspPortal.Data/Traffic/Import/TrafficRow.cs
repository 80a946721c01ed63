using NspPortal.Engine.Logs;

namespace NspPortal.Data.Traffic.Import;

/// <summary>A record ready to store: what the import resolved for it and its identity (<see cref="AccessLogHash"/>).</summary>
internal sealed record TrafficRow(AccessLogRecord Record, byte[] Hash)
{
    public Guid? PerimeterId { get; init; }

    public Guid? AssociationId { get; init; }

    public Guid? SubscriptionId { get; init; }

    public string? ServiceResourceIdKey { get; init; }

    public string? SourceIpKey { get; init; }

    /// <summary>The comma-separated <c>SourcePerimeterGuids</c>.</summary>
    public string? SourcePerimeterGuids { get; init; }
}
