using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

public sealed partial class DecisionIndex
{
    /// <summary>The resource's own verdict: allowed or not, the rule that decided, and whether that rule is the
    /// perimeter's (SecuredByPerimeter), which makes a denial carry the service's perimeter error.</summary>
    private readonly record struct OwnVerdict(DecisionResult Result, string Rule, bool ByPerimeter);

    /// <summary>No perimeter rule admitted public traffic (reference/nsp.md §4.2 step 7, §4.3, §4.4). Enforced denies.
    /// Learning falls back to the resource's own settings and logs resource-rule categories. Audit decides exactly like
    /// Learning (it never blocks more) but logs the category Enforced would log (docs/engine.md, "Audit").</summary>
    private static Decision NoRuleMatched<T>(AssociationEntry association, ResourceEntry resource, in ResolvedRequest request, ref T trace)
        where T : struct, ITrace
    {
        var inbound = request.Direction == AccessRuleDirection.Inbound;
        var perimeterDenied = inbound ? NspLogCategory.NspPublicInboundPerimeterRulesDenied : NspLogCategory.NspPublicOutboundPerimeterRulesDenied;
        if (association.Mode == AccessMode.Enforced)
        {
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.AccessMode, "Enforced", TraceOutcome.Denied,
                    "Enforced: only perimeter rules admit public traffic; publicNetworkAccess, the resource firewall and trusted services are not consulted.");
            }

            return Associated(association, DecisionResult.Denied, perimeterDenied, MatchedRules.DefaultDenyAll, TrafficType.Public,
                ServiceErrors.For(request.Resource.Service, request.Direction));
        }

        if (trace.Enabled)
        {
            trace.Add(TraceCheck.AccessMode, association.Mode.ToString(), TraceOutcome.Info, association.Mode == AccessMode.Audit
                ? $"Audit: Enforced would deny this (logged as {perimeterDenied}), but Audit does not block; the resource's own settings decide, as in Transition (Learning)."
                : "Transition (Learning): no perimeter rule matched, so the resource's own settings decide (logged as resource rules).");
        }

        var own = inbound ? ResourceRules(resource, in request, ref trace) : OutboundResourceRules(resource, ref trace);
        var allowed = own.Result == DecisionResult.Allowed;
        NspLogCategory category = association.Mode == AccessMode.Audit ? perimeterDenied
            : inbound ? (allowed ? NspLogCategory.NspPublicInboundResourceRulesAllowed : NspLogCategory.NspPublicInboundResourceRulesDenied)
            : (allowed ? NspLogCategory.NspPublicOutboundResourceRulesAllowed : NspLogCategory.NspPublicOutboundResourceRulesDenied);
        return Associated(association, own.Result, category, own.Rule, TrafficType.Public,
            !allowed && own.ByPerimeter ? ServiceErrors.For(request.Resource.Service, request.Direction) : null);
    }

    /// <summary>The resource's own inbound settings (legacy behaviour, and the Transition fallback): SecuredByPerimeter
    /// denies; Disabled denies all but trusted services; Enabled with no IP rules allows all networks, otherwise the IP
    /// rules, then trusted services.</summary>
    private static OwnVerdict ResourceRules<T>(ResourceEntry resource, in ResolvedRequest request, ref T trace)
        where T : struct, ITrace
    {
        switch (resource.Access)
        {
            case PublicNetworkAccess.SecuredByPerimeter:
                if (trace.Enabled)
                {
                    trace.Add(TraceCheck.PublicNetworkAccess, "SecuredByPerimeter", TraceOutcome.Denied,
                        "SecuredByPerimeter: public traffic needs a perimeter rule; the firewall and trusted services are not honoured.");
                }

                return new OwnVerdict(DecisionResult.Denied, MatchedRules.DefaultDenyBySecuredByPerimeter, ByPerimeter: true);

            case PublicNetworkAccess.Disabled:
                if (trace.Enabled)
                {
                    trace.Add(TraceCheck.PublicNetworkAccess, "Disabled", TraceOutcome.Info, "Disabled: public traffic is denied; only trusted services may bypass.");
                }

                break;

            default:
                if (resource.FirewallRules.Length == 0)
                {
                    if (trace.Enabled)
                    {
                        trace.Add(TraceCheck.ResourceFirewall, "Enabled, no IP rules", TraceOutcome.Allowed, "Public access is Enabled from all networks (the firewall has no IP rules).");
                    }

                    return new OwnVerdict(DecisionResult.Allowed, MatchedRules.DefaultAllowAll, ByPerimeter: false);
                }

                var position = request.HasAddress ? resource.Firewall.Find(request.Address) : -1;
                if (trace.Enabled)
                {
                    trace.Add(TraceCheck.ResourceFirewall, Plural(resource.FirewallRules.Length, "IP rule"), position >= 0 ? TraceOutcome.Allowed : TraceOutcome.NotMatched,
                        !request.HasAddress ? "The request has no source IP address."
                        : position >= 0 ? $"{AddressText(in request)} is in the firewall rule {resource.FirewallRules[position]}."
                        : $"{AddressText(in request)} is in none of the firewall's IP rules.");
                }

                if (position >= 0)
                {
                    return new OwnVerdict(DecisionResult.Allowed, MatchedRules.IpFirewall, ByPerimeter: false);
                }

                break;
        }

        var trusted = request.TrustedService && resource.AllowTrustedServices;
        if (trace.Enabled)
        {
            trace.Add(TraceCheck.TrustedServices, resource.AllowTrustedServices ? "trusted services allowed" : "trusted services not allowed",
                trusted ? TraceOutcome.Allowed : TraceOutcome.NotMatched,
                trusted ? "The caller is a trusted Azure service and the resource lets trusted services bypass its firewall."
                : request.TrustedService ? "The caller is a trusted Azure service, but the resource does not allow trusted services."
                : "The caller is not a trusted Azure service.");
        }

        return trusted
            ? new OwnVerdict(DecisionResult.Allowed, MatchedRules.TrustedServices, ByPerimeter: false)
            : new OwnVerdict(DecisionResult.Denied, MatchedRules.DefaultDenyAll, ByPerimeter: false);
    }

    /// <summary>The resource's own outbound settings: only SecuredByPerimeter restricts outbound (reference/nsp.md §4.3).</summary>
    private static OwnVerdict OutboundResourceRules<T>(ResourceEntry resource, ref T trace)
        where T : struct, ITrace
    {
        var secured = resource.Access == PublicNetworkAccess.SecuredByPerimeter;
        if (trace.Enabled)
        {
            trace.Add(TraceCheck.PublicNetworkAccess, resource.Access.ToString(), secured ? TraceOutcome.Denied : TraceOutcome.Allowed, secured
                ? "SecuredByPerimeter: outbound traffic needs a perimeter rule."
                : $"{resource.Access}: the resource's own settings do not restrict outbound traffic.");
        }

        return secured
            ? new OwnVerdict(DecisionResult.Denied, MatchedRules.DefaultDenyBySecuredByPerimeter, ByPerimeter: true)
            : new OwnVerdict(DecisionResult.Allowed, MatchedRules.DefaultAllowAll, ByPerimeter: false);
    }

    private static Decision Associated(AssociationEntry association, DecisionResult result, NspLogCategory category, string rule,
        TrafficType trafficType, ServiceError? error = null) =>
        new(result, category, rule, trafficType, association.Scope, error);

    private static Decision Unassociated(DecisionResult result, string rule, TrafficType trafficType, ServiceError? error = null) =>
        new(result, null, rule, trafficType, scope: null, error);
}
