namespace NspPortal.Web.Features.Perimeters.Diagnostics;

/// <summary>The perimeter's log categories as the Diagnostic settings blade lists them (reference/nsp.md §3.1): the
/// current <c>Nsp…</c> categories, each with what it records; <c>allLogs</c> is the category group of all of them.</summary>
public static class DiagnosticCategories
{
    public const string AllLogs = "allLogs";

    public static IReadOnlyList<(string Name, string Description)> Current { get; } =
    [
        ("NspPublicInboundPerimeterRulesAllowed", "Public inbound traffic allowed by an access rule."),
        ("NspPublicInboundPerimeterRulesDenied", "Public inbound traffic denied by the perimeter (Enforced)."),
        ("NspPublicOutboundPerimeterRulesAllowed", "Public outbound traffic allowed by an FQDN rule."),
        ("NspPublicOutboundPerimeterRulesDenied", "Public outbound traffic denied by the perimeter (Enforced)."),
        ("NspOutboundAttempt", "Outbound attempts to the same or a linked perimeter, logged at the source."),
        ("NspIntraPerimeterInboundAllowed", "Inbound traffic from a resource in the same perimeter."),
        ("NspIntraPerimeterOutboundAllowed", "Outbound traffic to the same perimeter (to be deprecated)."),
        ("NspCrossPerimeterInboundAllowed", "Inbound traffic allowed by a perimeter link."),
        ("NspCrossPerimeterOutboundAllowed", "Outbound traffic allowed by a perimeter link."),
        ("NspPublicInboundResourceRulesAllowed", "Transition only: no access rule matched, the resource's own rules allowed it. What would break when enforced."),
        ("NspPublicInboundResourceRulesDenied", "Transition only: no access rule matched, the resource's own rules denied it."),
        ("NspPublicOutboundResourceRulesAllowed", "Transition only: outbound allowed by the resource's configuration, not by a rule."),
        ("NspPublicOutboundResourceRulesDenied", "Transition only: outbound denied by the resource's configuration."),
        ("NspPrivateInboundAllowed", "Traffic through private endpoints (always allowed)."),
    ];

    /// <summary>True when <paramref name="enabled"/> holds every current category (shown as "All logs").</summary>
    public static bool IsAllLogs(IReadOnlyCollection<string> enabled) =>
        Current.All(c => enabled.Contains(c.Name, StringComparer.OrdinalIgnoreCase));
}
