using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Evaluation;

/// <summary>The engine's semantics written as plainly as possible: linear scans over the model, no compilation, no
/// handles. The property test checks that <see cref="DecisionIndex"/> agrees with it on random configurations.
/// Only constants (rule names, errors) are shared with the engine.</summary>
internal static class ReferenceEvaluator
{
    private sealed record Membership(Perimeter Perimeter, ResourceAssociation Association, Profile? Profile)
    {
        public string ProfileName => Profile?.Name ?? Association.ProfileName;

        public AccessRule[] Rules => Profile is null ? [] : [.. Profile.AccessRules.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public static Decision Evaluate(NspConfiguration config, EvaluationRequest request)
    {
        var perimeters = config.Perimeters.DistinctBy(p => p.Id).ToList();
        var resourceId = Known(config, perimeters, request.ResourceId);
        var settings = resourceId is null ? null : config.PaasResources.FirstOrDefault(r => r.Id == resourceId);
        var access = settings?.PublicNetworkAccess ?? PublicNetworkAccess.Enabled;
        var service = ServiceErrors.ServiceOf(request.ResourceId.TopLevelResource?.ResourceType ?? request.ResourceId.ResourceType);
        var self = resourceId is null ? null : MembershipOf(perimeters, resourceId);
        var inbound = request.Direction == AccessRuleDirection.Inbound;

        if (inbound && request.Source.PrivateEndpoint)
        {
            return self is null
                ? Plain(DecisionResult.Allowed, MatchedRules.DefaultAllowAll, TrafficType.Private, null)
                : Member(self, DecisionResult.Allowed, NspLogCategory.NspPrivateInboundAllowed, MatchedRules.DefaultAllowAll, TrafficType.Private, null);
        }

        if (self is null)
        {
            var (result, rule, byPerimeter) = inbound ? OwnInbound(settings, request) : OwnOutbound(access);
            return Plain(result, rule, TrafficType.Public, result == DecisionResult.Denied && byPerimeter ? ServiceErrors.For(service, request.Direction) : null);
        }

        var peerId = inbound ? request.Source.ResourceId : request.Destination.ResourceId;
        var peerKnown = Known(config, perimeters, peerId);
        var peer = peerKnown is null ? null : MembershipOf(perimeters, peerKnown);
        if (peer is not null)
        {
            var managedIdentity = !inbound || request.Source.Authentication == CallerAuthentication.ManagedIdentity;
            if (peer.Perimeter.Id == self.Perimeter.Id)
            {
                if (managedIdentity)
                {
                    return Member(self, DecisionResult.Allowed, inbound ? NspLogCategory.NspIntraPerimeterInboundAllowed : NspLogCategory.NspOutboundAttempt,
                        MatchedRules.DefaultAllowWithinPerimeter, TrafficType.Intra, null);
                }
            }
            else if (managedIdentity && CrossRule(perimeters, self, peer, inbound) is { } crossRule)
            {
                return Member(self, DecisionResult.Allowed, inbound ? NspLogCategory.NspCrossPerimeterInboundAllowed : NspLogCategory.NspCrossPerimeterOutboundAllowed,
                    crossRule, TrafficType.Cross, null);
            }
        }

        var rules = self.Rules;
        if (inbound)
        {
            var address = request.Source.IpAddress;
            var subscription = request.Source.SubscriptionId ?? request.Source.ResourceId?.SubscriptionId;
            var identity = request.Source.Authentication is CallerAuthentication.ManagedIdentity or CallerAuthentication.EntraId;
            for (var i = 0; i < rules.Length; i++)
            {
                var rule = rules[i];
                if (rule.Direction == AccessRuleDirection.Inbound &&
                    ((address is { } a && rule.AddressPrefixes.Any(p => p.Contains(a))) ||
                     (identity && subscription is { } s && rule.Subscriptions.Contains(s))))
                {
                    return Member(self, DecisionResult.Allowed, NspLogCategory.NspPublicInboundPerimeterRulesAllowed, rule.Name, TrafficType.Public, null);
                }
            }
        }
        else if (request.Destination.Fqdn is { } fqdn)
        {
            foreach (var rule in rules)
            {
                if (rule.Direction == AccessRuleDirection.Outbound && rule.FullyQualifiedDomainNames.Contains(fqdn))
                {
                    return Member(self, DecisionResult.Allowed, NspLogCategory.NspPublicOutboundPerimeterRulesAllowed, rule.Name, TrafficType.Public, null);
                }
            }
        }

        var perimeterDenied = inbound ? NspLogCategory.NspPublicInboundPerimeterRulesDenied : NspLogCategory.NspPublicOutboundPerimeterRulesDenied;
        if (self.Association.AccessMode == AccessMode.Enforced)
        {
            return Member(self, DecisionResult.Denied, perimeterDenied, MatchedRules.DefaultDenyAll, TrafficType.Public, ServiceErrors.For(service, request.Direction));
        }

        var own = inbound ? OwnInbound(settings, request) : OwnOutbound(access);
        var allowed = own.Result == DecisionResult.Allowed;
        var category = self.Association.AccessMode == AccessMode.Audit ? perimeterDenied
            : (inbound, allowed) switch
            {
                (true, true) => NspLogCategory.NspPublicInboundResourceRulesAllowed,
                (true, false) => NspLogCategory.NspPublicInboundResourceRulesDenied,
                (false, true) => NspLogCategory.NspPublicOutboundResourceRulesAllowed,
                (false, false) => NspLogCategory.NspPublicOutboundResourceRulesDenied,
            };
        return Member(self, own.Result, category, own.Rule, TrafficType.Public, !allowed && own.ByPerimeter ? ServiceErrors.For(service, request.Direction) : null);
    }

    /// <summary>The id itself or its nearest ancestor (not above the top-level resource) that is listed or associated.</summary>
    private static ArmResourceId? Known(NspConfiguration config, List<Perimeter> perimeters, ArmResourceId? id)
    {
        for (var current = id; current is not null && current.Depth > 0; current = current.Depth > 1 ? current.Parent : null)
        {
            if (config.PaasResources.Any(r => r.Id == current) || perimeters.Any(p => p.Associations.Any(a => a.PrivateLinkResourceId == current)))
            {
                return current;
            }
        }

        return null;
    }

    private static Membership? MembershipOf(List<Perimeter> perimeters, ArmResourceId resource)
    {
        foreach (var perimeter in perimeters)
        {
            foreach (var association in perimeter.Associations)
            {
                if (association.PrivateLinkResourceId == resource)
                {
                    var profile = perimeter.Profiles.FirstOrDefault(p => string.Equals(p.Name, association.ProfileName, StringComparison.OrdinalIgnoreCase));
                    return new Membership(perimeter, association, profile);
                }
            }
        }

        return null;
    }

    private static string? CrossRule(List<Perimeter> perimeters, Membership self, Membership peer, bool inbound)
    {
        foreach (var rule in self.Rules)
        {
            if (rule.Direction == (inbound ? AccessRuleDirection.Inbound : AccessRuleDirection.Outbound) &&
                rule.NetworkSecurityPerimeters.Any(r => r.PerimeterGuid == peer.Perimeter.PerimeterGuid))
            {
                return rule.Name;
            }
        }

        var (destination, source) = inbound ? (self, peer) : (peer, self);
        var candidates = new List<(int Order, bool OwnedBySelf, string Name, bool Admits)>();
        var order = 0;
        foreach (var holder in perimeters)
        {
            foreach (var side in holder.Links.Cast<LinkSide>().Concat(holder.LinkReferences))
            {
                var remote = perimeters.FirstOrDefault(p => side.RemotePerimeterId is not null && p.Id == side.RemotePerimeterId)
                    ?? perimeters.FirstOrDefault(p => side.RemotePerimeterGuid is not null && p.PerimeterGuid == side.RemotePerimeterGuid);
                if (side.Status != LinkStatus.Approved || remote is null || remote.Id == holder.Id)
                {
                    continue;
                }

                bool admits;
                if (holder.Id == destination.Perimeter.Id && remote.Id == source.Perimeter.Id)
                {
                    admits = Lists(side.LocalInboundProfiles, destination.ProfileName) && Lists(side.RemoteOutboundProfiles, source.ProfileName);
                }
                else if (holder.Id == source.Perimeter.Id && remote.Id == destination.Perimeter.Id)
                {
                    admits = Lists(side.RemoteInboundProfiles, destination.ProfileName) && Lists(side.LocalOutboundProfiles, source.ProfileName);
                }
                else
                {
                    continue;
                }

                candidates.Add((order++, holder.Id == self.Perimeter.Id, side.Name, admits));
            }
        }

        return candidates.OrderBy(c => c.OwnedBySelf ? 0 : 1).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Order)
            .FirstOrDefault(c => c.Admits).Name;
    }

    private static bool Lists(IEnumerable<string> profiles, string profile) =>
        profiles.Any(p => p == "*" || string.Equals(p, profile, StringComparison.OrdinalIgnoreCase));

    private static (DecisionResult Result, string Rule, bool ByPerimeter) OwnInbound(PaasResource? settings, EvaluationRequest request)
    {
        var access = settings?.PublicNetworkAccess ?? PublicNetworkAccess.Enabled;
        var firewall = settings?.FirewallIpRules ?? [];
        if (access == PublicNetworkAccess.SecuredByPerimeter)
        {
            return (DecisionResult.Denied, MatchedRules.DefaultDenyBySecuredByPerimeter, true);
        }

        if (access == PublicNetworkAccess.Enabled && firewall.Length == 0)
        {
            return (DecisionResult.Allowed, MatchedRules.DefaultAllowAll, false);
        }

        if (access == PublicNetworkAccess.Enabled && request.Source.IpAddress is { } a && firewall.Any(p => p.Contains(a)))
        {
            return (DecisionResult.Allowed, MatchedRules.IpFirewall, false);
        }

        return request.Source.TrustedService && settings is { AllowTrustedServices: true }
            ? (DecisionResult.Allowed, MatchedRules.TrustedServices, false)
            : (DecisionResult.Denied, MatchedRules.DefaultDenyAll, false);
    }

    private static (DecisionResult Result, string Rule, bool ByPerimeter) OwnOutbound(PublicNetworkAccess access) =>
        access == PublicNetworkAccess.SecuredByPerimeter
            ? (DecisionResult.Denied, MatchedRules.DefaultDenyBySecuredByPerimeter, true)
            : (DecisionResult.Allowed, MatchedRules.DefaultAllowAll, false);

    private static Decision Member(Membership m, DecisionResult result, NspLogCategory category, string rule, TrafficType type, ServiceError? error) =>
        new(result, category, rule, type, m.Perimeter.PerimeterGuid, m.ProfileName, m.Association.AccessMode, m.Profile?.AccessRulesVersion ?? 0, error);

    private static Decision Plain(DecisionResult result, string rule, TrafficType type, ServiceError? error) =>
        new(result, null, rule, type, null, null, null, null, error);
}
