using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

public sealed partial class DecisionIndex
{
    /// <summary>Outbound, reference/nsp.md §4.2: not associated (allowed unless SecuredByPerimeter) → destination in the
    /// same perimeter → destination in a linked perimeter → FQDN rules → what the access mode does when nothing matched.
    /// The decision is the source's: intra-perimeter destinations log <c>NspOutboundAttempt</c> (docs/engine.md).</summary>
    private Decision DecideOutbound<T>(in ResolvedRequest request, ref T trace)
        where T : struct, ITrace
    {
        var resource = ResourceOf(request.Resource);
        var association = AssociationOf(request.Resource);
        if (trace.Enabled)
        {
            TraceResource(resource, in request, ref trace);
        }

        if (association is null)
        {
            TraceNotAssociated(resource, ref trace);
            var own = OutboundResourceRules(resource, ref trace);
            return Unassociated(own.Result, own.Rule, TrafficType.Public, own.ByPerimeter ? ServiceErrors.For(request.Resource.Service, AccessRuleDirection.Outbound) : null);
        }

        var profile = association.Profile;
        if (trace.Enabled)
        {
            TraceAssociation(association, ref trace);
        }

        var destination = AssociationOf(request.Destination);
        if (destination is null)
        {
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.IntraPerimeter, "destination.resourceId", TraceOutcome.Skipped, request.Destination.IsKnown
                    ? "The destination resource is not associated with a perimeter."
                    : NamesNoResource(in request, destination: true)
                        ? "The request names no destination resource."
                        : "The destination resource is not in the configuration, so it is in no perimeter.");
            }
        }
        else if (destination.Perimeter == association.Perimeter)
        {
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.IntraPerimeter, PerimeterText(association.Perimeter), TraceOutcome.Allowed,
                    $"The destination is associated with the same perimeter (association '{destination.Name}'); the source logs NspOutboundAttempt.");
            }

            return Associated(association, DecisionResult.Allowed, NspLogCategory.NspOutboundAttempt, MatchedRules.DefaultAllowWithinPerimeter, TrafficType.Intra);
        }
        else
        {
            var rule = CrossPerimeterRule(association, destination, inbound: false, out var link);
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.CrossPerimeter, $"links between {PerimeterText(association.Perimeter)} and {PerimeterText(destination.Perimeter)}",
                    rule is null ? TraceOutcome.NotMatched : TraceOutcome.Allowed,
                    rule is null
                        ? $"No perimeter rule and no Approved link admits profile '{profile.Name}' out to profile '{destination.Profile.Name}'."
                        : $"Allowed by {(link is null ? $"the perimeter-based access rule '{rule}' of profile '{profile.Name}'" : link.Description)}.");
            }

            if (rule is not null)
            {
                return Associated(association, DecisionResult.Allowed, NspLogCategory.NspCrossPerimeterOutboundAllowed, rule, TrafficType.Cross);
            }
        }

        if (request.Fqdn is { } fqdn)
        {
            var position = profile.OutboundFqdns.TryGetValue(fqdn, out var found) ? found : -1;
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.FqdnRules, ProfileText(profile), position >= 0 ? TraceOutcome.Matched : TraceOutcome.NotMatched, position >= 0
                    ? $"'{fqdn}' is listed by outbound rule '{profile.Rules[position].Name}'."
                    : $"No outbound rule lists '{fqdn}' ({profile.OutboundFqdns.Count} FQDNs; exact, case-insensitive match).");
            }

            if (position >= 0)
            {
                return Associated(association, DecisionResult.Allowed, NspLogCategory.NspPublicOutboundPerimeterRulesAllowed, profile.Rules[position].Name, TrafficType.Public);
            }
        }
        else if (trace.Enabled)
        {
            trace.Add(TraceCheck.FqdnRules, ProfileText(profile), TraceOutcome.Skipped, "The request names no destination FQDN.");
        }

        return NoRuleMatched(association, resource, in request, ref trace);
    }
}
