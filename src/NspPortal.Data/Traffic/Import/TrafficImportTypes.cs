namespace NspPortal.Data.Traffic.Import;

/// <summary>How to import a log file.</summary>
public sealed record TrafficImportOptions
{
    /// <summary>The file name recorded with the import (upload name, the CLI path's file name).</summary>
    public string FileName { get; init; } = "";

    /// <summary>Import every valid record and report the others; without it, one invalid record means nothing is stored.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Who imports (recorded on the import).</summary>
    public string ImportedBy { get; init; } = Caller.System.Name;

    /// <summary>Progress while the file is read (about four times a second, and at the end).</summary>
    public IProgress<TrafficImportProgress>? Progress { get; init; }

    /// <summary>The most errors listed in the result (all are counted).</summary>
    public int MaxErrors { get; init; } = 1000;
}

/// <summary>Where an import stands.</summary>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size when known.</param>
/// <param name="Records">Records read so far (valid or not).</param>
/// <param name="Imported">Rows stored so far (in the open transaction).</param>
/// <param name="Rejected">Records refused so far.</param>
/// <param name="Duplicates">Rows already stored.</param>
/// <param name="Done">True for the last report.</param>
public readonly record struct TrafficImportProgress(long BytesRead, long? TotalBytes, long Records, long Imported, long Rejected, long Duplicates, bool Done)
{
    /// <summary>0–100 when the size is known.</summary>
    public int? Percent => TotalBytes is > 0 ? (int)Math.Min(100, BytesRead * 100 / TotalBytes.Value) : null;
}

/// <summary>A refused record.</summary>
/// <param name="Line">The line the record starts on (1-based).</param>
/// <param name="Message">Why it was refused.</param>
public sealed record TrafficImportError(long Line, string Message);

/// <summary>What an import did: the <c>nsp logs import</c> answer.</summary>
/// <param name="Imported">Rows stored.</param>
/// <param name="Rejected">Records refused (when not skipping invalid records, nothing was stored).</param>
/// <param name="Duplicates">Rows already stored (by row identity), not stored again.</param>
/// <param name="Errors">The refused records (at most <see cref="TrafficImportOptions.MaxErrors"/>).</param>
/// <param name="Format">The format read.</param>
/// <param name="ImportId">The import record (<see cref="TrafficImport.Id"/>); null when nothing was committed.</param>
public sealed record TrafficImportResult(long Imported, long Rejected, long Duplicates, IReadOnlyList<TrafficImportError> Errors, Engine.Logs.AccessLogFormat Format, Guid? ImportId)
{
    /// <summary>True when nothing was refused.</summary>
    public bool Succeeded => Rejected == 0;
}
