using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Transition;

/// <summary>One logged connection (an <c>NSPAccessLogs</c> row, reference/nsp.md §3.3) reduced to what replay,
/// suggestions and readiness need. Values are parsed once at the edge; an absent or unparsable column is null.</summary>
/// <param name="Id">The stored row's id (for examples and the troubleshooter link); 0 when unknown.</param>
/// <param name="Time">Start of the aggregation window (UTC).</param>
/// <param name="Count">Aggregated events in the row (§3.2: absent means 1); weights every count.</param>
/// <param name="Direction">Inbound or outbound, from the evaluated resource's point of view.</param>
/// <param name="Category">The logged category; null when the log named none the engine knows.</param>
/// <param name="Resource">The evaluated PaaS resource (<c>ServiceResourceId</c>).</param>
public readonly record struct ReplayRow(long Id, DateTime Time, int Count, AccessRuleDirection Direction, NspLogCategory? Category, ArmResourceId Resource)
{
    /// <summary>Inbound: the caller's address.</summary>
    public IpAddressKey? SourceIp { get; init; }

    /// <summary>Inbound: the caller's token subscription when logged; else the subscription of <see cref="SourceResourceId"/>.</summary>
    public SubscriptionId? SourceSubscription { get; init; }

    /// <summary>Inbound: the calling resource.</summary>
    public ArmResourceId? SourceResourceId { get; init; }

    /// <summary>Inbound: how the caller authenticated, as read from the log (<see cref="LogAuthentication"/>).</summary>
    public CallerAuthentication Authentication { get; init; }

    /// <summary>Inbound: the connection came through a private endpoint (traffic type Private).</summary>
    public bool PrivateEndpoint { get; init; }

    /// <summary>Inbound: the caller is a trusted Azure service.</summary>
    public bool TrustedService { get; init; }

    /// <summary>Outbound: the destination host.</summary>
    public Fqdn? DestinationFqdn { get; init; }

    /// <summary>Outbound: the destination resource.</summary>
    public ArmResourceId? DestinationResourceId { get; init; }

    /// <summary>The subscription a subscription rule would have to name for this caller (§4.2 step 6).</summary>
    public SubscriptionId? CallerSubscription => SourceSubscription ?? SourceResourceId?.SubscriptionId;

    /// <summary>True when this row is traffic that survived only on the Transition fallback (§3.4).</summary>
    public bool IsWouldBeDenied => WouldBeDenied.Is(Category);

    /// <summary>The count as the weight of the row (at least 1).</summary>
    public long Weight => Count < 1 ? 1 : Count;
}

/// <summary>The would-be-denied signal of Transition (Learning) mode (reference/nsp.md §3.4).</summary>
public static class WouldBeDenied
{
    /// <summary>True for <c>NspPublicInboundResourceRulesAllowed</c> and <c>NspPublicOutboundResourceRulesAllowed</c>:
    /// no perimeter rule admitted the connection, only the resource's own settings did, so Enforced mode would deny it.
    /// <c>…ResourceRulesDenied</c> rows are denied already and do not change on enforcement.</summary>
    public static bool Is(NspLogCategory? category) =>
        category is NspLogCategory.NspPublicInboundResourceRulesAllowed or NspLogCategory.NspPublicOutboundResourceRulesAllowed;
}
