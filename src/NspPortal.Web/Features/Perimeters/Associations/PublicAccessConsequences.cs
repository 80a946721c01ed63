using NspPortal.Engine.Model;

namespace NspPortal.Web.Features.Perimeters.Associations;

/// <summary>What a <c>publicNetworkAccess</c> value means for a resource, by access mode: the matrix of
/// reference/nsp.md §4.3 (and §4.4 for Audit), in words, shown before "Configure public network access" is applied.</summary>
public static class PublicAccessConsequences
{
    /// <summary>Inbound and outbound behaviour; <paramref name="mode"/> null means not associated.</summary>
    public static (string Inbound, string Outbound) For(AccessMode? mode, PublicNetworkAccess access) => (mode, access) switch
    {
        (null, PublicNetworkAccess.Enabled) => ("the resource's own firewall decides", "allowed"),
        (null, PublicNetworkAccess.Disabled) => ("public traffic denied (private endpoints only)", "allowed"),
        (null, _) => ("everything public denied, trusted services and perimeter traffic included (private endpoints only)", "denied"),
        (AccessMode.Enforced, _) => ("perimeter rules only; this setting is overridden while enforced, trusted services are not honoured", "perimeter rules only"),
        (AccessMode.Audit, _) => ("perimeter rules are checked and failures logged but not blocked (Audit is undocumented by Azure)", "logged, not blocked"),
        (_, PublicNetworkAccess.Enabled) => ("perimeter rules, then the resource's own firewall and trusted services", "perimeter rules, otherwise allowed"),
        (_, PublicNetworkAccess.Disabled) => ("perimeter rules only; trusted services are still allowed", "perimeter rules, otherwise allowed"),
        _ => ("perimeter rules only; trusted services are not honoured", "perimeter rules only"),
    };

    /// <summary>One sentence for a resource in <paramref name="mode"/> set to <paramref name="access"/>, including what
    /// happens if its association is removed later.</summary>
    public static string Sentence(AccessMode mode, PublicNetworkAccess access)
    {
        var (inbound, outbound) = For(mode, access);
        var (afterIn, afterOut) = For(null, access);
        var removed = access == PublicNetworkAccess.SecuredByPerimeter
            ? "If the association is removed later, the resource locks down: only private endpoints reach it."
            : $"If the association is removed later: inbound {afterIn}; outbound {afterOut}.";
        return $"In {mode.DisplayName()}: inbound {inbound}; outbound {outbound}. {removed}";
    }

    /// <summary>What removing an association does to a resource with <paramref name="access"/> (reference/nsp.md §4.3).</summary>
    public static string OnRemove(PublicNetworkAccess access) => access == PublicNetworkAccess.SecuredByPerimeter
        ? "Its public network access is Secured by perimeter: without the association it is locked down (only private endpoints reach it)."
        : $"It falls back to its own network settings (public network access {access.DisplayName()}): inbound {For(null, access).Inbound}.";
}
