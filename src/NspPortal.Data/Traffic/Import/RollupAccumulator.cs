using System.Data.Common;
using NspPortal.Engine.Evaluation;

namespace NspPortal.Data.Traffic.Import;

/// <summary>Counts of the rows an import stored, per rollup bucket (hour and day), added to <c>TrafficRollups</c> in the
/// import's transaction — so rollups always equal the stored rows.</summary>
internal sealed class RollupAccumulator
{
    private const int FlushAt = 20_000;
    private readonly Dictionary<(Guid Perimeter, Guid Association, NspLogCategory Category, RollupGranularity Granularity, DateTime Bucket), (long Rows, long Events)> _buckets = [];

    public int Pending => _buckets.Count;

    public bool ShouldFlush => _buckets.Count >= FlushAt;

    public void Add(Guid? perimeter, Guid? association, NspLogCategory category, DateTime time, int count)
    {
        var hour = new DateTime(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc);
        Add((perimeter ?? Guid.Empty, association ?? Guid.Empty, category, RollupGranularity.Hour, hour), count);
        Add((perimeter ?? Guid.Empty, association ?? Guid.Empty, category, RollupGranularity.Day, hour.Date), count);
    }

    private void Add((Guid, Guid, NspLogCategory, RollupGranularity, DateTime) key, int count)
    {
        var events = count < 1 ? 1 : count;
        _buckets[key] = _buckets.TryGetValue(key, out var current) ? (current.Rows + 1, current.Events + events) : (1, events);
    }

    /// <summary>Upserts the pending buckets (same SQL on SQLite and PostgreSQL) and forgets them.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_buckets.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "TrafficRollups" ("PerimeterId", "AssociationId", "Category", "Granularity", "BucketStart", "Rows", "Events")
            VALUES (@perimeter, @association, @category, @granularity, @bucket, @rows, @events)
            ON CONFLICT ("PerimeterId", "AssociationId", "Category", "Granularity", "BucketStart")
            DO UPDATE SET "Rows" = "TrafficRollups"."Rows" + excluded."Rows", "Events" = "TrafficRollups"."Events" + excluded."Events"
            """;
        var perimeter = Parameter(command, "@perimeter");
        var association = Parameter(command, "@association");
        var category = Parameter(command, "@category");
        var granularity = Parameter(command, "@granularity");
        var bucket = Parameter(command, "@bucket");
        var rows = Parameter(command, "@rows");
        var events = Parameter(command, "@events");
        foreach (var (key, value) in _buckets)
        {
            perimeter.Value = key.Perimeter;
            association.Value = key.Association;
            category.Value = key.Category.ToString();
            granularity.Value = key.Granularity.ToString();
            bucket.Value = key.Bucket;
            rows.Value = value.Rows;
            events.Value = value.Events;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _buckets.Clear();
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
