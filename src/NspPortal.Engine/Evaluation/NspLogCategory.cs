namespace NspPortal.Engine.Evaluation;

/// <summary>The access-log categories of <c>Microsoft.Network/networkSecurityPerimeters</c> (reference/nsp.md §3.1); member
/// names are the wire names exactly.</summary>
public enum NspLogCategory
{
    /// <summary>Public inbound allowed by an NSP access rule.</summary>
    NspPublicInboundPerimeterRulesAllowed,

    /// <summary>Public inbound denied by NSP (Enforced).</summary>
    NspPublicInboundPerimeterRulesDenied,

    /// <summary>Public outbound allowed by an NSP (FQDN) rule.</summary>
    NspPublicOutboundPerimeterRulesAllowed,

    /// <summary>Public outbound denied by NSP (Enforced).</summary>
    NspPublicOutboundPerimeterRulesDenied,

    /// <summary>Outbound attempt to the same or a linked perimeter, logged at the source.</summary>
    NspOutboundAttempt,

    /// <summary>Inbound from a resource in the same perimeter.</summary>
    NspIntraPerimeterInboundAllowed,

    /// <summary>Outbound to the same perimeter; "to be deprecated". The evaluator never emits it (it emits
    /// <see cref="NspOutboundAttempt"/>); kept for reading old logs.</summary>
    NspIntraPerimeterOutboundAllowed,

    /// <summary>Inbound allowed by a perimeter link.</summary>
    NspCrossPerimeterInboundAllowed,

    /// <summary>Outbound allowed by a perimeter link.</summary>
    NspCrossPerimeterOutboundAllowed,

    /// <summary>Transition: NSP rules did not allow; the resource's own rules allowed inbound.</summary>
    NspPublicInboundResourceRulesAllowed,

    /// <summary>Transition: NSP rules did not allow; the resource's own rules denied inbound.</summary>
    NspPublicInboundResourceRulesDenied,

    /// <summary>Transition: NSP rules did not allow; outbound allowed by the resource's configuration.</summary>
    NspPublicOutboundResourceRulesAllowed,

    /// <summary>Transition: NSP rules did not allow; outbound denied by the resource's configuration.</summary>
    NspPublicOutboundResourceRulesDenied,

    /// <summary>Private-endpoint traffic (always allowed).</summary>
    NspPrivateInboundAllowed,
}

/// <summary>Names of the built-in matched rules (reference/nsp.md §3.2) and of the resource rules the engine reports.</summary>
public static class MatchedRules
{
    /// <summary>Allowed with no rule involved: public access open to all networks, private endpoints, outbound without NSP.</summary>
    public const string DefaultAllowAll = "DefaultAllowAll";

    /// <summary>Intra-perimeter access.</summary>
    public const string DefaultAllowWithinPerimeter = "DefaultAllowWithinPerimeter";

    /// <summary>No rule allowed the connection.</summary>
    public const string DefaultDenyAll = "DefaultDenyAll";

    /// <summary><c>publicNetworkAccess=SecuredByPerimeter</c> and no perimeter rule allowed the connection.</summary>
    public const string DefaultDenyBySecuredByPerimeter = "DefaultDenyBySecuredByPerimeter";

    /// <summary>The resource firewall's IP rules allowed it (Azure logs the resource rule by this name, §3.2).</summary>
    public const string IpFirewall = "IP firewall";

    /// <summary>The resource's trusted-services exception allowed it.</summary>
    public const string TrustedServices = "Trusted services";
}
