using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Tests.Support;
using NspPortal.Engine.Transition;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Transition;

/// <summary>One perimeter with two storage accounts in Transition (Learning), profile 'default' admitting
/// 203.0.113.0/24 ("allow-corp") and api.contoso.com outbound ("allow-contoso"); public network access Enabled with no
/// firewall, so every public caller survives on the fallback.</summary>
internal static class TransitionSamples
{
    public static readonly ArmResourceId PerimeterId = Ids.Perimeter("nsp1");
    public static readonly ArmResourceId St1 = Ids.Storage("st1");
    public static readonly ArmResourceId St2 = Ids.Storage("st2");
    public static readonly ArmResourceId CallerVm = Ids.Resource("Microsoft.Compute/virtualMachines", "vm1");
    public static readonly ArmResourceId CallerVault = ArmResourceId.Parse(ArmIds.Resource(OtherSubscription, "rg-x", "Microsoft.KeyVault/vaults", "kv9"));
    public static readonly Guid OtherSubscription = Guid.Parse("11111111-2222-4333-8444-555555555555");
    public static readonly DateTime Today = new(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc);

    public static NspConfiguration Configuration(AccessMode mode = AccessMode.Learning) => new()
    {
        Perimeters =
        [
            new Perimeter(PerimeterId, Guid.Parse("0d2c7a4e-1111-4222-8333-944455556666"))
            {
                Location = "westus2",
                Profiles =
                [
                    new Profile("default")
                    {
                        AccessRules =
                        [
                            new AccessRule("allow-corp", AccessRuleDirection.Inbound) { AddressPrefixes = [IpPrefix.Parse("203.0.113.0/24")] },
                            new AccessRule("allow-contoso", AccessRuleDirection.Outbound) { FullyQualifiedDomainNames = [Fqdn.Parse("api.contoso.com")] },
                            new AccessRule("allow-old", AccessRuleDirection.Inbound) { AddressPrefixes = [IpPrefix.Parse("192.0.2.0/24")] },
                        ],
                    },
                ],
                Associations =
                [
                    new ResourceAssociation("st1-assoc", St1, PerimeterId.Child("profiles", "default"), mode),
                    new ResourceAssociation("st2-assoc", St2, PerimeterId.Child("profiles", "default"), mode),
                ],
            },
        ],
        PaasResources = [new PaasResource(St1), new PaasResource(St2)],
    };

    public static ReplayRow Inbound(long id, string ip, int count = 1, CallerAuthentication auth = CallerAuthentication.Anonymous,
        NspLogCategory category = NspLogCategory.NspPublicInboundResourceRulesAllowed, ArmResourceId? resource = null, int daysAgo = 0,
        ArmResourceId? caller = null, Guid? subscription = null) =>
        new(id, Today.AddDays(-daysAgo), count, AccessRuleDirection.Inbound, category, resource ?? St1)
        {
            SourceIp = IpAddressKey.Parse(ip),
            Authentication = auth,
            SourceResourceId = caller,
            SourceSubscription = subscription is { } s ? new SubscriptionId(s) : null,
        };

    public static ReplayRow Outbound(long id, string fqdn, int count = 1, NspLogCategory category = NspLogCategory.NspPublicOutboundResourceRulesAllowed) =>
        new(id, Today, count, AccessRuleDirection.Outbound, category, St1) { DestinationFqdn = Fqdn.Parse(fqdn) };
}
