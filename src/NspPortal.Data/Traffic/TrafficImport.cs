namespace NspPortal.Data.Traffic;

/// <summary>One imported log file (table <c>TrafficImports</c>), stored in the transaction of its rows. The same content
/// (<see cref="ContentHash"/>) imported again adds no rows (every row is a duplicate) and no second record.</summary>
public sealed class TrafficImport
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>SHA-256 of the file's bytes, 64 lower-case hex digits; unique.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The file name given (upload name or CLI path's file name); <c>simulate</c> for simulated traffic.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The format read: <c>Csv</c>, <c>LogAnalyticsJson</c> or <c>ResourceLogJson</c> .</summary>
    public string Format { get; set; } = "";

    public DateTime ImportedAt { get; set; }

    /// <summary>Who imported it (user name, or <c>… (nsp cli)</c>).</summary>
    public string ImportedBy { get; set; } = "";

    /// <summary>Rows stored.</summary>
    public long Imported { get; set; }

    /// <summary>Lines refused (only with "skip invalid lines"; otherwise nothing is stored).</summary>
    public long Rejected { get; set; }

    /// <summary>Rows already stored (same row hash).</summary>
    public long Duplicates { get; set; }

    /// <summary>Earliest and latest <c>TimeGenerated</c> of the rows read.</summary>
    public DateTime? FirstTime { get; set; }

    public DateTime? LastTime { get; set; }
}
