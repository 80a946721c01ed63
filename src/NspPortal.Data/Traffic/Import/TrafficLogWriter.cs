using System.Data.Common;

namespace NspPortal.Data.Traffic.Import;

/// <summary>Stores rows in the open transaction of an import, skipping rows whose identity (<c>RowHash</c>) is stored
/// already, and tells the rollups what it stored. One per provider: PostgreSQL through binary COPY, SQLite through a
/// prepared insert (docs/performance.md, "Traffic logs").</summary>
internal abstract class TrafficLogWriter
{
    /// <summary>The columns written, in order (every column of <c>TrafficLogs</c> but the generated <c>Id</c>).</summary>
    public static readonly string[] Columns =
    [
        "PerimeterId", "AssociationId", "SubscriptionId", "ImportId", "RowHash", "TimeGenerated", "TimeGeneratedEndTime", "Count",
        "Category", "PerimeterResourceId", "Location", "OperationName", "OperationVersion", "Profile", "AccessRulesVersion",
        "MatchedRule", "RuleType", "ResultAction", "ResultDirection", "ResultDescription", "TrafficType", "ServiceResourceId",
        "ServiceResourceIdKey", "ServiceFqdn", "AppId", "Parameters", "SourceIpAddress", "SourceIpKey", "SourcePort",
        "SourceProtocol", "SourceResourceId", "SourceAppId", "SourcePerimeterGuids", "SourceParameters", "DestinationFqdn",
        "DestinationPort", "DestinationProtocol", "DestinationResourceId", "DestinationParameters",
    ];

    public static string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c}\""));

    /// <summary>Rows buffered before <see cref="WriteAsync"/> writes them.</summary>
    public abstract int BatchSize { get; }

    public static TrafficLogWriter For(NspDbContext db, DbConnection connection, DbTransaction transaction, RollupAccumulator rollups) =>
        connection is Npgsql.NpgsqlConnection npgsql
            ? new PostgresTrafficLogWriter(npgsql, transaction, rollups)
            : new SqliteTrafficLogWriter(connection, transaction, rollups);

    /// <summary>Writes the rows; returns how many were new (the rest were duplicates).</summary>
    public abstract Task<long> WriteAsync(IReadOnlyList<TrafficRow> rows, Guid? importId, CancellationToken cancellationToken);

    /// <summary>The value of column <paramref name="index"/> of <see cref="Columns"/> for a row (null for SQL NULL).</summary>
    protected static object? Value(TrafficRow row, Guid? importId, int index)
    {
        var r = row.Record;
        return index switch
        {
            0 => row.PerimeterId,
            1 => row.AssociationId,
            2 => row.SubscriptionId,
            3 => importId,
            4 => row.Hash,
            5 => r.TimeGenerated,
            6 => r.TimeGeneratedEndTime,
            7 => r.Count,
            8 => r.Category.ToString(),
            9 => r.PerimeterResourceId,
            10 => r.Location,
            11 => r.OperationName,
            12 => r.OperationVersion,
            13 => r.Profile,
            14 => r.AccessRulesVersion,
            15 => r.MatchedRule,
            16 => r.RuleType,
            17 => r.ResultAction,
            18 => r.ResultDirection,
            19 => r.ResultDescription,
            20 => r.TrafficType,
            21 => r.ServiceResourceId,
            22 => row.ServiceResourceIdKey,
            23 => r.ServiceFqdn,
            24 => r.AppId,
            25 => r.Parameters,
            26 => r.Source.IpAddress,
            27 => row.SourceIpKey,
            28 => r.Source.Port,
            29 => r.Source.Protocol,
            30 => r.Source.ResourceId,
            31 => r.Source.AppId,
            32 => row.SourcePerimeterGuids,
            33 => r.Source.Parameters,
            34 => r.Destination.Fqdn,
            35 => r.Destination.Port,
            36 => r.Destination.Protocol,
            37 => r.Destination.ResourceId,
            38 => r.Destination.Parameters,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }
}

/// <summary>SQLite: one prepared <c>INSERT … ON CONFLICT ("RowHash") DO NOTHING</c>, executed per row in the import's
/// transaction (SQLite has no bulk protocol; a prepared statement in one transaction is its fast path).</summary>
internal sealed class SqliteTrafficLogWriter : TrafficLogWriter
{
    private readonly DbCommand _insert;
    private readonly DbParameter[] _parameters;
    private readonly RollupAccumulator _rollups;

    public SqliteTrafficLogWriter(DbConnection connection, DbTransaction transaction, RollupAccumulator rollups)
    {
        _rollups = rollups;
        using (var pragma = connection.CreateCommand())
        {
            // Six B-trees take every row (the table, the unique RowHash, four indexes); with SQLite's default 2 MB page
            // cache the random RowHash inserts go to disk. 64 MB keeps them in memory (it stays with the pooled connection).
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -65536";
            pragma.ExecuteNonQuery();
        }

        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = $"INSERT INTO \"TrafficLogs\" ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))}) ON CONFLICT (\"RowHash\") DO NOTHING";
        _parameters = new DbParameter[Columns.Length];
        for (var i = 0; i < Columns.Length; i++)
        {
            var parameter = _insert.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _insert.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    public override int BatchSize => 1000;

    public override async Task<long> WriteAsync(IReadOnlyList<TrafficRow> rows, Guid? importId, CancellationToken cancellationToken)
    {
        long inserted = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].Value = Value(row, importId, i) ?? DBNull.Value;
            }

            // Microsoft.Data.Sqlite runs synchronously anyway; the sync call saves a task per row.
            if (_insert.ExecuteNonQuery() == 1)
            {
                inserted++;
                _rollups.Add(row.PerimeterId, row.AssociationId, row.Record.Category, row.Record.TimeGenerated, row.Record.Count);
            }
        }

        await Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
        return inserted;
    }
}
