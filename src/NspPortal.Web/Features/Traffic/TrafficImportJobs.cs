using System.Collections.Concurrent;
using NspPortal.Data;
using NspPortal.Data.Traffic.Import;

namespace NspPortal.Web.Features.Traffic;

/// <summary>A log import started from the upload page: it runs in the background so the page can poll its progress.</summary>
public sealed class TrafficImportJob
{
    public Guid Id { get; } = Guid.NewGuid();

    public required string FileName { get; init; }

    public required string StartedBy { get; init; }

    public required long Size { get; init; }

    public bool SkipInvalid { get; init; }

    public DateTime StartedAt { get; init; } = DateTime.UtcNow;

    /// <summary>The latest progress report.</summary>
    public TrafficImportProgress Progress { get; set; }

    /// <summary>The answer once done.</summary>
    public TrafficImportResult? Result { get; set; }

    /// <summary>Why it failed, when it did (the database refused, the file could not be read).</summary>
    public string? Failure { get; set; }

    public bool Done => Result is not null || Failure is not null;
}

/// <summary>The running and recent imports of this instance (in memory: an import's page polls the instance that runs it;
/// the rows themselves are in the database). Finished jobs are forgotten after an hour.</summary>
public sealed class TrafficImportJobs(IServiceScopeFactory scopes, ILogger<TrafficImportJobs> logger)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, TrafficImportJob> _jobs = new();

    public TrafficImportJob? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Starts importing <paramref name="path"/> (a temporary copy of the upload, deleted when done).</summary>
    public TrafficImportJob Start(string path, string fileName, bool skipInvalid, Caller caller)
    {
        foreach (var old in _jobs.Values.Where(j => j.Done && DateTime.UtcNow - j.StartedAt > Keep))
        {
            _jobs.TryRemove(old.Id, out _);
        }

        var job = new TrafficImportJob { FileName = fileName, StartedBy = caller.Name, Size = new FileInfo(path).Length, SkipInvalid = skipInvalid };
        job.Progress = new TrafficImportProgress(0, job.Size, 0, 0, 0, 0, false);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, path));
        return job;
    }

    private async Task RunAsync(TrafficImportJob job, string path)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            job.Result = await new TrafficLogImporter(db).ImportAsync(file, new TrafficImportOptions
            {
                FileName = job.FileName,
                SkipInvalid = job.SkipInvalid,
                ImportedBy = job.StartedBy,
                Progress = new Progress(job),
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Traffic-log import {Job} of {File} failed", job.Id, job.FileName);
            job.Failure = "The import failed and nothing was stored: " + e.GetBaseException().Message;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Progress(TrafficImportJob job) : IProgress<TrafficImportProgress>
    {
        public void Report(TrafficImportProgress value) => job.Progress = value;
    }
}
