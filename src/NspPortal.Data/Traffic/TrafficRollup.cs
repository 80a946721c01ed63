using NspPortal.Engine.Evaluation;

namespace NspPortal.Data.Traffic;

/// <summary>The width of a rollup bucket.</summary>
public enum RollupGranularity
{
    /// <summary>One UTC hour.</summary>
    Hour,

    /// <summary>One UTC day.</summary>
    Day,
}

/// <summary>Counts of stored log rows per perimeter, association, category and UTC hour or day (table
/// <c>TrafficRollups</c>), maintained in the transaction of every import so charts never scan the rows. The key is
/// unique; unknown perimeters and associations are <see cref="Guid.Empty"/> (a null would not be unique on PostgreSQL).</summary>
public sealed class TrafficRollup
{
    public long Id { get; set; }

    /// <summary>The rows' <see cref="TrafficLogEntry.PerimeterId"/>, or <see cref="Guid.Empty"/>.</summary>
    public Guid PerimeterId { get; set; }

    /// <summary>The rows' <see cref="TrafficLogEntry.AssociationId"/>, or <see cref="Guid.Empty"/>.</summary>
    public Guid AssociationId { get; set; }

    public NspLogCategory Category { get; set; }

    public RollupGranularity Granularity { get; set; }

    /// <summary>Start of the bucket (UTC, truncated to the hour or the day) of the rows' <c>TimeGenerated</c>.</summary>
    public DateTime BucketStart { get; set; }

    /// <summary>Stored log rows in the bucket.</summary>
    public long Rows { get; set; }

    /// <summary>Sum of their <c>Count</c>: the events Azure aggregated into them (what "connections" means in charts).</summary>
    public long Events { get; set; }
}
