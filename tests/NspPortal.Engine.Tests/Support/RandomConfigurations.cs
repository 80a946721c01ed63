using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Support;

/// <summary>Random configurations and requests drawn from small pools, so that names, prefixes, subscriptions, FQDNs,
/// links and associations collide often (overlapping prefixes, IPv6 prefixes covering the IPv4-mapped block, duplicate
/// associations, missing profiles, unresolvable links, child resource ids).</summary>
internal sealed class RandomConfigurations(int seed)
{
    private static readonly string[] ProfileNames = ["p0", "p1", "P0", "p2"];
    private static readonly string[] RuleNames = ["r0", "r1", "R1", "r2", "r3", "a", "z"];
    private static readonly Guid[] Subscriptions = [.. Enumerable.Range(1, 4).Select(i => new Guid($"{i:D8}-0000-4000-8000-000000000000"))];
    private static readonly string[] Fqdns = ["a.contoso.com", "b.contoso.com", "c.fabrikam.net", "*.contoso.com"];
    private static readonly string[] FixedPrefixes = ["0.0.0.0/0", "10.0.0.0/8", "::/0", "::/64", "::/80", "::/95", "::ffff:0:0/96", "2001:db8::/32"];

    private static readonly ArmResourceId[] Resources =
    [
        Ids.Storage("st0"), Ids.Storage("st1"), Ids.Storage("st2"), Ids.Sql("sql0"), Ids.KeyVault("kv0"),
        Ids.Resource("Microsoft.CognitiveServices/accounts", "ai0"), Ids.Resource("Microsoft.EventHub/namespaces", "eh0"),
        Ids.Resource("Microsoft.Search/searchServices", "srch0"),
    ];

    private readonly Random _random = new(seed);

    public static ArmResourceId PerimeterId(int i) => Ids.Perimeter($"nsp{i}");

    public static Guid PerimeterGuid(int i) => new($"{i + 1:D8}-1111-4111-8111-111111111111");

    public NspConfiguration Configuration()
    {
        var perimeterCount = _random.Next(1, 4);
        var perimeters = Enumerable.Range(0, perimeterCount).Select(Perimeter).ToList();
        if (_random.Next(10) == 0)
        {
            perimeters.Add(Perimeter(0));
        }

        return new NspConfiguration
        {
            Perimeters = [.. perimeters],
            PaasResources = [.. Resources.Where(_ => _random.Next(4) != 0).Select(PaasResource)],
        };
    }

    public EvaluationRequest Request()
    {
        var resource = Pick(Resources);
        if (_random.Next(8) == 0)
        {
            resource = resource.Child("blobServices", "default");
        }
        else if (_random.Next(12) == 0)
        {
            resource = Ids.Storage("unknown");
        }

        if (_random.Next(2) == 0)
        {
            return new EvaluationRequest(AccessRuleDirection.Outbound, resource)
            {
                Destination = new RequestDestination
                {
                    Fqdn = _random.Next(5) == 0 ? null : Fqdn.Parse(Pick(Fqdns[..3]) is var f && _random.Next(3) == 0 ? f.ToUpperInvariant() + "." : f),
                    ResourceId = _random.Next(2) == 0 ? Pick(Resources) : null,
                },
            };
        }

        return new EvaluationRequest(AccessRuleDirection.Inbound, resource)
        {
            Source = new RequestSource
            {
                IpAddress = _random.Next(6) == 0 ? null : Address(),
                SubscriptionId = _random.Next(3) == 0 ? null : new SubscriptionId(Pick(Subscriptions)),
                ResourceId = _random.Next(2) == 0 ? Pick(Resources) : null,
                PrivateEndpoint = _random.Next(15) == 0,
                TrustedService = _random.Next(4) == 0,
                Authentication = _random.Next(5) < 2 ? CallerAuthentication.ManagedIdentity : Pick(Enum.GetValues<CallerAuthentication>()),
            },
        };
    }

    public IpPrefix Prefix()
    {
        return _random.Next(10) switch
        {
            0 => IpPrefix.Parse(Pick(FixedPrefixes)),
            < 6 => IpPrefix.Create(IpAddressKey.Parse($"10.0.{_random.Next(4)}.{_random.Next(256)}"), _random.Next(14, 33)),
            _ => IpPrefix.Create(IpAddressKey.Parse($"2001:db8:0:{_random.Next(4)}::{_random.Next(65536):x}"), _random.Next(40, 129)),
        };
    }

    public IpAddressKey Address() => _random.Next(10) switch
    {
        0 => IpAddressKey.Parse($"192.0.2.{_random.Next(256)}"),
        1 => IpAddressKey.Parse(Pick(["::1", "::ffff:10.0.1.5", "::ffff:0:5", "::fffe:1:2"])),
        < 6 => IpAddressKey.Parse($"10.0.{_random.Next(4)}.{_random.Next(256)}"),
        _ => IpAddressKey.Parse($"2001:db8:0:{_random.Next(4)}::{_random.Next(65536):x}"),
    };

    private Perimeter Perimeter(int index)
    {
        var id = PerimeterId(index);
        return new Perimeter(id, PerimeterGuid(index))
        {
            Profiles = [.. ProfileNames.Where(_ => _random.Next(3) != 0).Select(Profile)],
            Associations = [.. Enumerable.Range(0, _random.Next(0, 7)).Select(i => new ResourceAssociation(
                $"a{i}", _random.Next(5) == 0 ? ArmResourceId.Parse(Pick(Resources).Value.ToUpperInvariant()) : Pick(Resources),
                id.Child("profiles", Pick(ProfileNames)), Pick(Enum.GetValues<AccessMode>())))],
            Links = [.. Enumerable.Range(0, _random.Next(0, 3)).Select(i => (Link)Side(new Link($"l{i}", null, null, LinkStatus.Approved)))],
            LinkReferences = [.. Enumerable.Range(0, _random.Next(0, 2)).Select(i => (LinkReference)Side(new LinkReference($"l{i}-ref", null, null, LinkStatus.Approved)))],
        };
    }

    private LinkSide Side(LinkSide side)
    {
        var remote = _random.Next(4);
        return side with
        {
            RemotePerimeterId = _random.Next(3) == 0 ? null : PerimeterId(remote),
            RemotePerimeterGuid = _random.Next(2) == 0 ? null : PerimeterGuid(_random.Next(3) == 0 ? _random.Next(4) : remote),
            Status = _random.Next(4) == 0 ? Pick(Enum.GetValues<LinkStatus>()) : LinkStatus.Approved,
            LocalInboundProfiles = ProfileList(),
            LocalOutboundProfiles = _random.Next(4) == 0 ? ProfileList() : ["*"],
            RemoteInboundProfiles = ProfileList(),
            RemoteOutboundProfiles = _random.Next(4) == 0 ? ProfileList() : ["*"],
        };
    }

    private System.Collections.Immutable.ImmutableArray<string> ProfileList() => _random.Next(4) switch
    {
        0 => ["*"],
        1 => [],
        _ => [.. ProfileNames.Where(_ => _random.Next(2) == 0)],
    };

    private Profile Profile(string name) => new(name)
    {
        AccessRulesVersion = _random.Next(5),
        AccessRules = [.. Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Rule())],
    };

    private AccessRule Rule()
    {
        var direction = _random.Next(2) == 0 ? AccessRuleDirection.Inbound : AccessRuleDirection.Outbound;
        var rule = new AccessRule(Pick(RuleNames), direction);
        return _random.Next(6) switch
        {
            0 or 1 => rule with { AddressPrefixes = [.. Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Prefix())] },
            2 => rule with { Subscriptions = [.. Subscriptions.Where(_ => _random.Next(2) == 0).Select(g => new SubscriptionId(g))] },
            3 => rule with { FullyQualifiedDomainNames = [.. Fqdns.Where(_ => _random.Next(2) == 0).Select(Fqdn.Parse)] },
            4 => rule with { NetworkSecurityPerimeters = [new PerimeterReference(PerimeterGuid(_random.Next(4)))] },
            _ => rule with { AddressPrefixes = [Prefix()], FullyQualifiedDomainNames = [Fqdn.Parse(Pick(Fqdns))], ServiceTags = ["AzureMonitor"] },
        };
    }

    private PaasResource PaasResource(ArmResourceId id) => new(id)
    {
        PublicNetworkAccess = Pick(Enum.GetValues<PublicNetworkAccess>()),
        FirewallIpRules = _random.Next(3) == 0 ? [] : [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Prefix())],
        AllowTrustedServices = _random.Next(2) == 0,
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
