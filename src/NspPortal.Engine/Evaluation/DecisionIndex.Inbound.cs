using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

public sealed partial class DecisionIndex
{
    /// <summary>Inbound, reference/nsp.md §4.2: private endpoint → not associated (resource's own settings) →
    /// same perimeter with managed identity → linked perimeter with managed identity → profile rules (prefix;
    /// subscription for Entra/managed-identity callers) → what the access mode does when nothing matched.</summary>
    private Decision DecideInbound<T>(in ResolvedRequest request, ref T trace)
        where T : struct, ITrace
    {
        var resource = ResourceOf(request.Resource);
        var association = AssociationOf(request.Resource);
        if (trace.Enabled)
        {
            TraceResource(resource, in request, ref trace);
        }

        if (request.PrivateEndpoint)
        {
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.PrivateEndpoint, "source.privateEndpoint", TraceOutcome.Allowed,
                    "Private-endpoint traffic is not evaluated by the perimeter (or by publicNetworkAccess) and is always allowed.");
            }

            return association is null
                ? Unassociated(DecisionResult.Allowed, MatchedRules.DefaultAllowAll, TrafficType.Private)
                : Associated(association, DecisionResult.Allowed, NspLogCategory.NspPrivateInboundAllowed, MatchedRules.DefaultAllowAll, TrafficType.Private);
        }

        if (trace.Enabled)
        {
            trace.Add(TraceCheck.PrivateEndpoint, "source.privateEndpoint", TraceOutcome.NotMatched, "The request came over the public endpoint.");
        }

        if (association is null)
        {
            TraceNotAssociated(resource, ref trace);
            var own = ResourceRules(resource, in request, ref trace);
            return Unassociated(own.Result, own.Rule, TrafficType.Public, own.ByPerimeter ? ServiceErrors.For(request.Resource.Service, AccessRuleDirection.Inbound) : null);
        }

        var profile = association.Profile;
        if (trace.Enabled)
        {
            TraceAssociation(association, ref trace);
        }

        if (TryPerimeterCaller(association, in request, ref trace, out var perimeterDecision))
        {
            return perimeterDecision;
        }

        var best = -1;
        if (request.HasAddress)
        {
            best = profile.InboundPrefixes.Find(request.Address);
            if (trace.Enabled)
            {
                TracePrefixRules(profile, in request, best, ref trace);
            }
        }
        else if (trace.Enabled)
        {
            trace.Add(TraceCheck.AddressPrefixRules, ProfileText(profile), TraceOutcome.Skipped, "The request has no source IP address.");
        }

        var identity = request.Authentication is CallerAuthentication.ManagedIdentity or CallerAuthentication.EntraId;
        // A prefix rule that precedes every subscription rule already decides the matched rule (explanations still look).
        if (request.HasSubscription && identity && (trace.Enabled || best < 0 || best > profile.FirstSubscriptionRule))
        {
            var bySubscription = profile.InboundSubscriptions.TryGetValue(request.Subscription, out var position) ? position : -1;
            if (trace.Enabled)
            {
                TraceSubscriptionRules(profile, in request, bySubscription, ref trace);
            }

            if (bySubscription >= 0 && (best < 0 || bySubscription < best))
            {
                best = bySubscription;
            }
        }
        else if (trace.Enabled)
        {
            trace.Add(TraceCheck.SubscriptionRules, ProfileText(profile), TraceOutcome.Skipped, !request.HasSubscription
                ? "The request carries no subscription."
                : $"Subscription rules are honoured only for Entra ID or managed-identity callers, not {request.Authentication}.");
        }

        if (trace.Enabled && profile.HasServiceTagRules)
        {
            trace.Add(TraceCheck.ServiceTagRules, ProfileText(profile), TraceOutcome.Skipped,
                "Service-tag rules are not evaluated: the portal has no service-tag address data.");
        }

        if (best >= 0)
        {
            return Associated(association, DecisionResult.Allowed, NspLogCategory.NspPublicInboundPerimeterRulesAllowed, profile.Rules[best].Name, TrafficType.Public);
        }

        return NoRuleMatched(association, resource, in request, ref trace);
    }

    /// <summary>Intra- and cross-perimeter callers (reference/nsp.md §4.2 steps 4–5): a caller resource associated with
    /// this perimeter, or with a linked one, that authenticates with a managed identity. False: evaluate as public.</summary>
    private bool TryPerimeterCaller<T>(AssociationEntry association, in ResolvedRequest request, ref T trace, out Decision decision)
        where T : struct, ITrace
    {
        decision = default;
        var caller = AssociationOf(request.Caller);
        if (caller is null)
        {
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.IntraPerimeter, "source.resourceId", TraceOutcome.Skipped, request.Caller.IsKnown
                    ? "The calling resource is not associated with a perimeter."
                    : NamesNoResource(in request, destination: false)
                        ? "The request names no calling resource."
                        : "The calling resource is not in the configuration, so it is in no perimeter.");
            }

            return false;
        }

        var managedIdentity = request.Authentication == CallerAuthentication.ManagedIdentity;
        if (caller.Perimeter == association.Perimeter)
        {
            if (managedIdentity)
            {
                if (trace.Enabled)
                {
                    trace.Add(TraceCheck.IntraPerimeter, PerimeterText(association.Perimeter), TraceOutcome.Allowed,
                        $"The caller is associated with the same perimeter (association '{caller.Name}') and uses a managed identity.");
                }

                decision = Associated(association, DecisionResult.Allowed, NspLogCategory.NspIntraPerimeterInboundAllowed, MatchedRules.DefaultAllowWithinPerimeter, TrafficType.Intra);
                return true;
            }

            if (trace.Enabled)
            {
                trace.Add(TraceCheck.IntraPerimeter, PerimeterText(association.Perimeter), TraceOutcome.NotMatched,
                    $"The caller is in the same perimeter but authenticates with {request.Authentication}; only a managed identity carries perimeter membership, so the request is public.");
            }

            return false;
        }

        if (trace.Enabled)
        {
            trace.Add(TraceCheck.IntraPerimeter, PerimeterText(association.Perimeter), TraceOutcome.NotMatched,
                $"The caller is associated with another perimeter, {PerimeterText(caller.Perimeter)}.");
        }

        if (!managedIdentity)
        {
            if (trace.Enabled)
            {
                trace.Add(TraceCheck.CrossPerimeter, PerimeterText(caller.Perimeter), TraceOutcome.NotMatched,
                    $"Cross-perimeter access needs a managed identity; the caller uses {request.Authentication}.");
            }

            return false;
        }

        var rule = CrossPerimeterRule(association, caller, inbound: true, out var link);
        if (trace.Enabled)
        {
            trace.Add(TraceCheck.CrossPerimeter, $"links between {PerimeterText(association.Perimeter)} and {PerimeterText(caller.Perimeter)}",
                rule is null ? TraceOutcome.NotMatched : TraceOutcome.Allowed,
                rule is null
                    ? $"No perimeter rule and no Approved link admits profile '{caller.Profile.Name}' into profile '{association.Profile.Name}'."
                    : $"Allowed by {(link is null ? $"the perimeter-based access rule '{rule}' of profile '{association.Profile.Name}'" : link.Description)}.");
        }

        if (rule is null)
        {
            return false;
        }

        decision = Associated(association, DecisionResult.Allowed, NspLogCategory.NspCrossPerimeterInboundAllowed, rule, TrafficType.Cross);
        return true;
    }

    /// <summary>The rule or link that admits traffic between the evaluated association and the peer in a linked
    /// perimeter: a perimeter-based access rule of the evaluated profile naming the peer's perimeter GUID first, then an
    /// Approved link record whose profile lists admit both profiles. Null when none does.</summary>
    /// <param name="evaluated">The association of the resource being evaluated.</param>
    /// <param name="peer">The caller's (inbound) or destination's (outbound) association.</param>
    /// <param name="inbound">True when <paramref name="peer"/> calls <paramref name="evaluated"/>.</param>
    /// <param name="link">The link record that admitted it; null when a perimeter-based rule did (or nothing).</param>
    private string? CrossPerimeterRule(AssociationEntry evaluated, AssociationEntry peer, bool inbound, out LinkRecord? link)
    {
        link = null;
        var perimeterRules = inbound ? evaluated.Profile.InboundPerimeters : evaluated.Profile.OutboundPerimeters;
        if (perimeterRules.TryGetValue(_perimeters[peer.Perimeter].Guid, out var position))
        {
            return evaluated.Profile.Rules[position].Name;
        }

        var (destination, source) = inbound ? (evaluated, peer) : (peer, evaluated);
        var links = inbound ? _inboundLinks : _outboundLinks;
        if (links.TryGetValue(LinkTableBuilder.Key(destination.Perimeter, source.Perimeter), out var records))
        {
            foreach (var record in records)
            {
                if (record.DestinationInbound.Admits(destination.Profile.Index) && record.SourceOutbound.Admits(source.Profile.Index))
                {
                    link = record;
                    return record.Name;
                }
            }
        }

        return null;
    }
}
