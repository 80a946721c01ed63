using System.Collections.Frozen;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using NspPortal.Engine.Evaluation;

namespace NspPortal.Data.Traffic.Import;

/// <summary>PostgreSQL: each batch goes by binary COPY into a temporary staging table (no indexes, dropped at commit),
/// then one <c>INSERT … SELECT … ON CONFLICT ("RowHash") DO NOTHING RETURNING</c> moves the new rows into
/// <c>TrafficLogs</c> — COPY itself cannot skip duplicates — and returns what the rollups need.</summary>
internal sealed class PostgresTrafficLogWriter(NpgsqlConnection connection, DbTransaction transaction, RollupAccumulator rollups) : TrafficLogWriter
{
    private const string Staging = "nsp_traffic_staging";

    private static readonly FrozenDictionary<string, NspLogCategory> Categories =
        Enum.GetValues<NspLogCategory>().ToDictionary(c => c.ToString(), c => c, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);

    private bool _staged;

    public override int BatchSize => 20_000;

    public override async Task<long> WriteAsync(IReadOnlyList<TrafficRow> rows, Guid? importId, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (!_staged)
        {
            await ExecuteAsync($"CREATE TEMP TABLE {Staging} ON COMMIT DROP AS SELECT {ColumnList} FROM \"TrafficLogs\" WITH NO DATA", cancellationToken);
            _staged = true;
        }
        else
        {
            await ExecuteAsync($"TRUNCATE {Staging}", cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {Staging} ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            // Synchronous, typed writes: COPY buffers them; a task per field, or resolving an object's type per field,
            // would cost more than the field.
            foreach (var row in rows)
            {
                copy.StartRow();
                WriteRow(copy, row, importId);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = (NpgsqlTransaction)transaction;
        insert.CommandText = $"""
            INSERT INTO "TrafficLogs" ({ColumnList}) SELECT {ColumnList} FROM {Staging}
            ON CONFLICT ("RowHash") DO NOTHING
            RETURNING "PerimeterId", "AssociationId", "Category", "TimeGenerated", "Count"
            """;
        long inserted = 0;
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted++;
            rollups.Add(
                reader.IsDBNull(0) ? null : reader.GetGuid(0),
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                Categories[reader.GetString(2)],
                reader.GetDateTime(3),
                reader.GetInt32(4));
        }

        return inserted;
    }

    private static void WriteRow(NpgsqlBinaryImporter copy, TrafficRow row, Guid? importId)
    {
        var r = row.Record;
        Uuid(copy, row.PerimeterId);
        Uuid(copy, row.AssociationId);
        Uuid(copy, row.SubscriptionId);
        Uuid(copy, importId);
        copy.Write(row.Hash, NpgsqlDbType.Bytea);
        copy.Write(r.TimeGenerated, NpgsqlDbType.TimestampTz);
        if (r.TimeGeneratedEndTime is { } end)
        {
            copy.Write(end, NpgsqlDbType.TimestampTz);
        }
        else
        {
            copy.WriteNull();
        }

        copy.Write(r.Count, NpgsqlDbType.Integer);
        copy.Write(CategoryNames[(int)r.Category], NpgsqlDbType.Varchar);
        for (var i = 9; i < Columns.Length; i++)
        {
            if (Value(row, importId, i) is string text)
            {
                copy.Write(text, NpgsqlDbType.Text);
            }
            else
            {
                copy.WriteNull();
            }
        }
    }

    private static readonly string[] CategoryNames = [.. Enum.GetValues<NspLogCategory>().OrderBy(c => (int)c).Select(c => c.ToString())];

    private static void Uuid(NpgsqlBinaryImporter copy, Guid? value)
    {
        if (value is { } guid)
        {
            copy.Write(guid, NpgsqlDbType.Uuid);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
