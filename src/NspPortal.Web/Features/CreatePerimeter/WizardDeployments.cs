using System.Collections.Concurrent;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>"Create" runs once per wizard: the form carries an idempotency key made when the wizard opened, and a second
/// Create with the same key (a double click that got through, a resubmitted form after Back) waits for the first and
/// gets its deployment page instead of a second attempt. Kept in memory for a day; across portal instances the
/// database's unique names still refuse a second perimeter ("already exists").</summary>
public sealed class WizardDeployments(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="create"/> unless a create with <paramref name="key"/> succeeded before, in which
    /// case its deployment URL comes back without running anything. Creates with the same key run one at a time.</summary>
    public async Task<(string? Url, T? Outcome)> RunOnceAsync<T>(string key, Func<Task<(string? Url, T Outcome)>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Purge();
        var entry = entries.GetOrAdd(key, _ => new Entry(clock.GetUtcNow()));
        await entry.Gate.WaitAsync();
        try
        {
            if (entry.Url is { } done)
            {
                return (done, default);
            }

            var (url, outcome) = await create();
            entry.Url = url;
            return (url, outcome);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private void Purge()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in entries)
        {
            if (now - entry.Created > Lifetime)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(DateTimeOffset created)
    {
        public DateTimeOffset Created { get; } = created;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public string? Url { get; set; }
    }
}
