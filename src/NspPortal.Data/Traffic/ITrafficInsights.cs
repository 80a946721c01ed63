namespace NspPortal.Data.Traffic;

/// <summary>What the logged traffic of some associations says about switching them to Enforced.</summary>
/// <param name="LoggedConnections">Connections logged for these associations in the window (0: no traffic logged yet).</param>
/// <param name="WouldBeDenied">Of those, how many the perimeter's current rules would deny in Enforced mode.</param>
/// <param name="From">Start of the window (UTC).</param>
/// <param name="To">End of the window (UTC).</param>
public sealed record WouldBeDeniedSummary(long LoggedConnections, long WouldBeDenied, DateTime From, DateTime To)
{
    /// <summary>True when nothing was logged in the window, so nothing can be said yet.</summary>
    public bool NoTrafficLogged => LoggedConnections == 0;
}

/// <summary>Read-side questions the perimeter blade asks of the traffic log (issue 7 implements them over the
/// stored NSP access logs).</summary>
public interface ITrafficInsights
{
    /// <summary>How many connections of the last <paramref name="window"/> to the resources of these associations
    /// would have been denied had they been in Enforced mode.</summary>
    Task<WouldBeDeniedSummary> WouldBeDeniedAsync(Guid perimeterId, IReadOnlyCollection<Guid> associationIds, TimeSpan window, CancellationToken cancellationToken = default);
}

/// <summary>An answer that knows of no traffic (for hosts and tests without a traffic store; the portal registers
/// <see cref="TrafficInsights"/>).</summary>
public sealed class NoTrafficLogged(TimeProvider time) : ITrafficInsights
{
    /// <inheritdoc />
    public Task<WouldBeDeniedSummary> WouldBeDeniedAsync(Guid perimeterId, IReadOnlyCollection<Guid> associationIds, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var to = time.GetUtcNow().UtcDateTime;
        return Task.FromResult(new WouldBeDeniedSummary(0, 0, to - window, to));
    }
}
