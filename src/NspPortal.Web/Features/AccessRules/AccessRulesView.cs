using AccessRuleDirection = NspPortal.Engine.Model.AccessRuleDirection;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Engine.Hygiene;
using NspPortal.Engine.Values;
using NspPortal.Web.Components;
using NspPortal.Web.Features.Perimeters;

namespace NspPortal.Web.Features.AccessRules;

/// <summary>Source or destination types of a rule, as the Azure portal names them (one type per rule, reference/nsp.md §1.3).</summary>
public static class RuleSourceTypes
{
    public const string IpAddressRanges = "IPAddressRanges";
    public const string Subscriptions = "Subscriptions";
    public const string ServiceTags = "ServiceTags";
    public const string Fqdn = "FQDN";
    public const string Perimeter = "NetworkSecurityPerimeter";

    /// <summary>The types a user can choose for a direction (service tags are a preview in Azure).</summary>
    public static IReadOnlyList<string> For(AccessRuleDirection direction) =>
        direction == AccessRuleDirection.Inbound ? [IpAddressRanges, Subscriptions, ServiceTags] : [Fqdn];

    public static string Label(string type) => type switch
    {
        IpAddressRanges => "IP address ranges",
        Subscriptions => "Subscriptions",
        ServiceTags => "Service tags (preview)",
        Fqdn => "FQDN",
        Perimeter => "Network security perimeter",
        _ => type,
    };

    public static string Of(AccessRuleEntity rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.IsGeneratedByLink || rule.NetworkSecurityPerimeters.Count > 0 ? Perimeter
            : rule.Subscriptions.Count > 0 ? Subscriptions
            : rule.ServiceTags.Count > 0 ? ServiceTags
            : rule.FullyQualifiedDomainNames.Count > 0 ? Fqdn
            : rule.Direction == AccessRuleDirection.Outbound ? Fqdn : IpAddressRanges;
    }

    public static IReadOnlyList<string> ValuesOf(AccessRuleEntity rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Of(rule) switch
        {
            Perimeter => [.. rule.NetworkSecurityPerimeters.Select(p => p.Id)],
            Subscriptions => rule.Subscriptions,
            ServiceTags => rule.ServiceTags,
            Fqdn => rule.FullyQualifiedDomainNames,
            _ => rule.AddressPrefixes,
        };
    }
}

/// <summary>One row of a rules grid: values, where a generated rule came from, and its hygiene warnings.</summary>
public sealed record RuleRow(string Name, string ETag, string SourceType, IReadOnlyList<string> Values, string? Origin, IReadOnlyList<HygieneWarning> Warnings)
{
    public bool ReadOnly => Origin is not null;
}

/// <summary>Everything a rules editor shows: the profile, the direction, the rows, what the caller may do.</summary>
public sealed record AccessRulesView(
    Guid SubscriptionId, string ResourceGroup, string Perimeter, string Profile, AccessRuleDirection Direction,
    IReadOnlyList<RuleRow> Rows, IReadOnlyList<SubscriptionOption> KnownSubscriptions, bool CanWrite)
{
    public string Segment => Direction == AccessRuleDirection.Inbound ? "inboundRules" : "outboundRules";

    /// <summary>The blade: <c>/resource{profileId}/inboundRules</c>.</summary>
    public string PageUrl => PortalRoutes.Perimeter(SubscriptionId, ResourceGroup, Perimeter, $"profiles/{Uri.EscapeDataString(Profile)}/{Segment}");

    public string SaveUrl => PageUrl + "/save";

    public string DeleteUrl => PageUrl + "/delete";

    public string AddUrl => PageUrl + "?panel=add";

    public string EditUrl(string rule) => PageUrl + "?panel=edit&rule=" + Uri.EscapeDataString(rule);

    public string DirectionLabel => Direction == AccessRuleDirection.Inbound ? "Inbound" : "Outbound";

    public string ColumnLabel => Direction == AccessRuleDirection.Inbound ? "Source type" : "Destination type";

    public RuleRow? Find(string name) => Rows.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Loads a rules editor from the database.</summary>
public static class AccessRulesLoader
{
    /// <summary>The profile's rules of one direction; null when the perimeter or the profile does not exist.</summary>
    public static async Task<(PerimeterEntity Perimeter, AccessRulesView? View)?> LoadAsync(NspDbContext db, Guid subscriptionId, string resourceGroup, string perimeter,
        string profile, AccessRuleDirection direction, bool canWrite, IReadOnlyList<SubscriptionOption> known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = await BladeResults.PerimeterAsync(db, subscriptionId, resourceGroup, perimeter, q => q.Include(p => p.Profiles), cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var profileEntity = entity.Profiles.FirstOrDefault(p => p.NameKey == ArmEntity.NameKeyOf(profile));
        if (profileEntity is null)
        {
            return (entity, null);
        }

        var rules = await db.AccessRules.AsNoTracking().Include(r => r.Link).Include(r => r.LinkReference)
            .Where(r => r.ProfileId == profileEntity.Id && r.Direction == direction).OrderBy(r => r.NameKey).ToListAsync(cancellationToken);
        var hygiene = direction == AccessRuleDirection.Inbound
            ? RuleHygiene.Analyze([.. rules.Where(r => r.AddressPrefixes.Count > 0).Select(r => new HygieneRule(r.Name, [.. r.AddressPrefixes.Select(Parse).OfType<IpPrefix>()]))])
            : [];
        var rows = rules.Select(r => new RuleRow(r.Name, r.ETag, RuleSourceTypes.Of(r), RuleSourceTypes.ValuesOf(r), Origin(r),
            [.. hygiene.Where(w => w.RuleName == r.Name)])).ToList();
        return (entity, new AccessRulesView(subscriptionId, entity.ResourceGroup!.Name, entity.Name, profileEntity.Name, direction, rows, known, canWrite));
    }

    private static IpPrefix? Parse(string text) => IpPrefix.TryParse(text, out var prefix, out _) ? prefix : null;

    private static string? Origin(AccessRuleEntity rule) =>
        rule.Link is { } link ? $"Generated by perimeter link '{link.Name}'"
        : rule.LinkReference is { } reference ? $"Generated by link reference '{reference.Name}'"
        : rule.IsGeneratedByLink ? "Generated by a perimeter link"
        : null;
}
