using System.Collections.Frozen;
using NspPortal.Engine.Evaluation;

namespace NspPortal.Engine.Logs;

/// <summary>What each §3.1 category implies for the derived columns, and how category names are read.</summary>
public static class LogCategories
{
    /// <summary>The <c>ResultAction</c> of allowed traffic.</summary>
    public const string Approved = "Approved";

    /// <summary>The <c>ResultAction</c> of denied traffic.</summary>
    public const string Denied = "Denied";

    private static readonly FrozenDictionary<string, NspLogCategory> ByName = Enum.GetValues<NspLogCategory>()
        .SelectMany(c => new[] { (c.ToString(), c), ("perimeter" + c.ToString()[3..], c) })
        .ToFrozenDictionary(p => p.Item1, p => p.c, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a category name: the current <c>Nsp…</c> names, case-insensitively, and the April-2024
    /// <c>perimeter…</c> spelling of the same categories (§3.1). Profile-level and unknown names are refused.</summary>
    public static bool TryParse(string? text, out NspLogCategory category)
    {
        category = default;
        return text is not null && ByName.TryGetValue(text.Trim(), out category);
    }

    /// <summary>Inbound or outbound.</summary>
    public static string Direction(NspLogCategory category) => category switch
    {
        NspLogCategory.NspPublicOutboundPerimeterRulesAllowed or NspLogCategory.NspPublicOutboundPerimeterRulesDenied
            or NspLogCategory.NspOutboundAttempt or NspLogCategory.NspIntraPerimeterOutboundAllowed
            or NspLogCategory.NspCrossPerimeterOutboundAllowed or NspLogCategory.NspPublicOutboundResourceRulesAllowed
            or NspLogCategory.NspPublicOutboundResourceRulesDenied => "Outbound",
        _ => "Inbound",
    };

    /// <summary>Approved or Denied.</summary>
    public static string Action(NspLogCategory category) => category switch
    {
        NspLogCategory.NspPublicInboundPerimeterRulesDenied or NspLogCategory.NspPublicOutboundPerimeterRulesDenied
            or NspLogCategory.NspPublicInboundResourceRulesDenied or NspLogCategory.NspPublicOutboundResourceRulesDenied => Denied,
        _ => Approved,
    };

    /// <summary>The traffic class (§3.1 table). <c>NspOutboundAttempt</c> is Intra or Cross; Intra unless the record says.</summary>
    public static TrafficType TrafficType(NspLogCategory category) => category switch
    {
        NspLogCategory.NspPrivateInboundAllowed => Evaluation.TrafficType.Private,
        NspLogCategory.NspOutboundAttempt or NspLogCategory.NspIntraPerimeterInboundAllowed or NspLogCategory.NspIntraPerimeterOutboundAllowed => Evaluation.TrafficType.Intra,
        NspLogCategory.NspCrossPerimeterInboundAllowed or NspLogCategory.NspCrossPerimeterOutboundAllowed => Evaluation.TrafficType.Cross,
        _ => Evaluation.TrafficType.Public,
    };

    /// <summary><c>Resource</c> for the Transition fallback categories (the resource's own rules decided), else <c>NSP</c>.</summary>
    public static string RuleType(NspLogCategory category) => IsResourceRules(category) ? "Resource" : "NSP";

    /// <summary>The Transition (Learning) fallback categories: NSP rules did not allow, the resource's rules decided
    /// (§3.4). In Enforced mode the perimeter would deny all of these.</summary>
    public static bool IsResourceRules(NspLogCategory category) => category is NspLogCategory.NspPublicInboundResourceRulesAllowed
        or NspLogCategory.NspPublicInboundResourceRulesDenied or NspLogCategory.NspPublicOutboundResourceRulesAllowed
        or NspLogCategory.NspPublicOutboundResourceRulesDenied;

    // The would-be-denied signal (the …ResourceRulesAllowed half of these, §3.4) has one definition:
    // Transition.WouldBeDenied.Is. The …ResourceRulesDenied rows are denied already and do not change on enforcement.
}
