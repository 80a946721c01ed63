using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NspPortal.Engine.Logs;

namespace NspPortal.Data.Traffic.Import;

/// <summary>Imports NSP access-log files into <c>TrafficLogs</c> (issue 7 §1): streamed (memory bounded by one batch,
/// whatever the file's size), in one transaction per file — all of it or, unless invalid records are skipped, none of
/// it — with the hour and day rollups maintained in the same transaction. A row already stored (same
/// <see cref="AccessLogHash"/>) is counted as a duplicate and not stored again, so importing a file twice adds nothing;
/// the file itself is recorded once (<see cref="TrafficImport.ContentHash"/>). The only writer of the traffic tables
/// besides <see cref="AppendAsync"/> (the live decision point and the simulator).</summary>
public sealed class TrafficLogImporter(NspDbContext db, TimeProvider? time = null)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Imports one file from <paramref name="content"/> (read to its end, not disposed).</summary>
    public async Task<TrafficImportResult> ImportAsync(Stream content, TrafficImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        long? total = content.CanSeek ? content.Length - content.Position : null;
        await using var hashing = new CountingHashStream(content);
        var reader = AccessLogReader.Open(hashing);
        var resolver = await TrafficLogResolver.LoadAsync(db, cancellationToken);
        var importId = Guid.NewGuid();
        var errors = new List<TrafficImportError>();
        long records = 0, imported = 0, rejected = 0, duplicates = 0;
        DateTime? first = null, last = null;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var rollups = new RollupAccumulator();
        var writer = TrafficLogWriter.For(db, connection, transaction.GetDbTransaction(), rollups);
        var batch = new List<TrafficRow>(writer.BatchSize);

        async Task FlushAsync()
        {
            if (batch.Count > 0)
            {
                var stored = await writer.WriteAsync(batch, importId, cancellationToken);
                imported += stored;
                duplicates += batch.Count - stored;
                batch.Clear();
            }

            if (rollups.ShouldFlush)
            {
                await rollups.FlushAsync(connection, transaction.GetDbTransaction(), cancellationToken);
            }
        }

        foreach (var line in reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            records++;
            if (line.Record is not { } record)
            {
                rejected++;
                if (errors.Count < options.MaxErrors)
                {
                    errors.Add(new TrafficImportError(line.Line, line.Error ?? "Invalid record."));
                }
            }
            else if (rejected == 0 || options.SkipInvalid)
            {
                // Without skipping, the first refused record decides: nothing will be stored, so stop writing and only
                // read on to report every refused record.
                batch.Add(resolver.Resolve(record));
                first = first is null || record.TimeGenerated < first ? record.TimeGenerated : first;
                last = last is null || record.TimeGenerated > last ? record.TimeGenerated : last;
                if (batch.Count >= writer.BatchSize)
                {
                    await FlushAsync();
                }
            }

            if (clock.Elapsed - lastReport >= ProgressInterval && options.Progress is { } progress)
            {
                lastReport = clock.Elapsed;
                progress.Report(new TrafficImportProgress(hashing.BytesRead, total, records, imported, rejected, duplicates, Done: false));
            }
        }

        var contentHash = hashing.Finish();
        if (rejected > 0 && !options.SkipInvalid)
        {
            await transaction.RollbackAsync(cancellationToken);
            options.Progress?.Report(new TrafficImportProgress(hashing.BytesRead, total, records, 0, rejected, 0, Done: true));
            return new TrafficImportResult(0, rejected, 0, errors, reader.Format, null);
        }

        if (records == 0)
        {
            // An empty file: nothing to store, and no import to remember.
            await transaction.RollbackAsync(cancellationToken);
            options.Progress?.Report(new TrafficImportProgress(hashing.BytesRead, total, 0, 0, 0, 0, Done: true));
            return new TrafficImportResult(0, 0, 0, errors, reader.Format, null);
        }

        await FlushAsync();
        await rollups.FlushAsync(connection, transaction.GetDbTransaction(), cancellationToken);
        var recordId = await RecordAsync(contentHash, importId, options, reader.Format, imported, rejected, duplicates, first, last, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        options.Progress?.Report(new TrafficImportProgress(hashing.BytesRead, total, records, imported, rejected, duplicates, Done: true));
        return new TrafficImportResult(imported, rejected, duplicates, errors, reader.Format, recordId);
    }

    /// <summary>Appends records that did not come from a file (the live decision point, <c>nsp simulate</c>, the demo
    /// seed) in one transaction, rollups included; duplicates are skipped. Returns the rows stored.</summary>
    public async Task<long> AppendAsync(IEnumerable<AccessLogRecord> records, Guid? importId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var resolver = await TrafficLogResolver.LoadAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var rollups = new RollupAccumulator();
        var writer = TrafficLogWriter.For(db, connection, transaction.GetDbTransaction(), rollups);
        var batch = new List<TrafficRow>(writer.BatchSize);
        long stored = 0;
        foreach (var record in records)
        {
            batch.Add(resolver.Resolve(record));
            if (batch.Count >= writer.BatchSize)
            {
                stored += await writer.WriteAsync(batch, importId, cancellationToken);
                batch.Clear();
                if (rollups.ShouldFlush)
                {
                    await rollups.FlushAsync(connection, transaction.GetDbTransaction(), cancellationToken);
                }
            }
        }

        stored += await writer.WriteAsync(batch, importId, cancellationToken);
        await rollups.FlushAsync(connection, transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Records the file once: a second import of the same content adds its (normally zero) new rows to the
    /// first record and points them at it.</summary>
    private async Task<Guid> RecordAsync(string contentHash, Guid importId, TrafficImportOptions options, AccessLogFormat format,
        long imported, long rejected, long duplicates, DateTime? first, DateTime? last, CancellationToken cancellationToken)
    {
        var existing = await db.TrafficImports.FirstOrDefaultAsync(i => i.ContentHash == contentHash, cancellationToken);
        if (existing is not null)
        {
            if (imported > 0)
            {
                existing.Imported += imported;
                await db.TrafficLogs.Where(r => r.ImportId == importId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ImportId, existing.Id), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            return existing.Id;
        }

        db.TrafficImports.Add(new TrafficImport
        {
            Id = importId,
            ContentHash = contentHash,
            FileName = Path.GetFileName(options.FileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 260)] : "upload",
            Format = format.ToString(),
            ImportedAt = _time.GetUtcNow().UtcDateTime,
            ImportedBy = options.ImportedBy.Length > 256 ? options.ImportedBy[..256] : options.ImportedBy,
            Imported = imported,
            Rejected = rejected,
            Duplicates = duplicates,
            FirstTime = first,
            LastTime = last,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return importId;
    }
}
