using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace NspPortal.Data.Traffic;

/// <summary>How long traffic logs are kept: <c>NspPortal:Traffic:RetentionDays</c> (default 90; 0 keeps everything).
/// Rows and rollups are pruned by whole UTC days, so the rollups that remain always equal the rows that remain.</summary>
public static class TrafficRetention
{
    public const string RetentionDaysKey = "NspPortal:Traffic:RetentionDays";
    public const int DefaultRetentionDays = 90;

    /// <summary>The configured retention; null when logs are kept forever.</summary>
    public static TimeSpan? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[RetentionDaysKey];
        var days = string.IsNullOrWhiteSpace(text) ? DefaultRetentionDays
            : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 ? parsed
            : throw new InvalidOperationException($"{RetentionDaysKey} is '{text}'; use a whole number of days (0 keeps traffic logs forever).");
        return days == 0 ? null : TimeSpan.FromDays(days);
    }

    /// <summary>The first day kept when pruning at <paramref name="utcNow"/>.</summary>
    public static DateTime Cutoff(DateTime utcNow, TimeSpan retention) => DateTime.SpecifyKind((utcNow - retention).Date, DateTimeKind.Utc);

    /// <summary>Deletes rows with <c>TimeGenerated</c> before <paramref name="cutoff"/> (truncated to its UTC day) and
    /// the rollups of those buckets, in one transaction. Returns the rows deleted.</summary>
    public static async Task<int> PruneAsync(NspDbContext db, DateTime cutoff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = DateTime.SpecifyKind(cutoff.Date, DateTimeKind.Utc);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.TrafficLogs.Where(r => r.TimeGenerated < day).ExecuteDeleteAsync(cancellationToken);
        await db.TrafficRollups.Where(r => r.BucketStart < day).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
