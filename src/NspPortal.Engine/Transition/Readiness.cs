namespace NspPortal.Engine.Transition;

/// <summary>Logged and would-be-denied connections of one UTC day.</summary>
public readonly record struct DailyTotal(DateOnly Day, long Logged, long WouldBeDenied);

/// <summary>How ready an association (or a set of them) is for Enforced mode.</summary>
/// <param name="CleanDays">Days in a row, ending today, with traffic logged or not but nothing would-be-denied,
/// counted from the first day anything was logged.</param>
/// <param name="LastWouldBeDenied">The last day something would have been denied; null when never.</param>
/// <param name="RequiredDays">The clean days asked for.</param>
/// <param name="NoTrafficLogged">Nothing was logged at all: nothing can be said yet.</param>
public sealed record ReadinessResult(int CleanDays, DateOnly? LastWouldBeDenied, int RequiredDays, bool NoTrafficLogged)
{
    /// <summary>Ready when traffic was logged and the clean run is at least <see cref="RequiredDays"/> long.</summary>
    public bool Ready => !NoTrafficLogged && CleanDays >= RequiredDays;
}

/// <summary>The "ready to enforce" signal (reference/nsp.md §3.4: observe 1–2 weeks until the would-be-denied
/// rows drain; peers.md A.6 #1).</summary>
public static class Readiness
{
    /// <summary>Default clean days asked for (§3.4's one week lower bound).</summary>
    public const int DefaultRequiredDays = 7;

    /// <summary>Computes readiness as of <paramref name="today"/> (inclusive). Days after today are ignored; a day
    /// absent from <paramref name="days"/> logged nothing. The clean run starts no earlier than the first day with
    /// logged traffic, so a fresh association with one quiet day is not "ready" because logs are missing.</summary>
    public static ReadinessResult Compute(IEnumerable<DailyTotal> days, DateOnly today, int requiredDays = DefaultRequiredDays)
    {
        ArgumentNullException.ThrowIfNull(days);
        DateOnly? firstLogged = null;
        DateOnly? lastDenied = null;
        foreach (var day in days)
        {
            if (day.Day > today)
            {
                continue;
            }

            if (day.Logged > 0 || day.WouldBeDenied > 0)
            {
                firstLogged = firstLogged is { } f && f <= day.Day ? f : day.Day;
            }

            if (day.WouldBeDenied > 0 && (lastDenied is null || day.Day > lastDenied))
            {
                lastDenied = day.Day;
            }
        }

        if (firstLogged is not { } first)
        {
            return new ReadinessResult(0, null, requiredDays, true);
        }

        var runStart = lastDenied is { } denied ? denied.AddDays(1) : first;
        var clean = Math.Max(0, today.DayNumber - runStart.DayNumber + 1);
        return new ReadinessResult(clean, lastDenied, requiredDays, false);
    }
}
