using NspPortal.Engine.Iac;

namespace NspPortal.Engine.Tests.Iac;

/// <summary>A perimeter with every part an export has.</summary>
internal static class Samples
{
    public const string Subscription = "6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    public static PerimeterDefinition Perimeter { get; } = new("nsp-contoso-prod", "eastus2")
    {
        Tags = [new("environment", "production"), new("owner", "network-security")],
        Profiles =
        [
            new ProfileDefinition("defaultProfile")
            {
                AccessRules =
                [
                    new AccessRuleDefinition("allow-corp-network", "Inbound") { AddressPrefixes = ["203.0.113.0/24", "2001:db8:1000::/48"] },
                    new AccessRuleDefinition("allow-partner-api", "Outbound") { FullyQualifiedDomainNames = ["api.partner.contoso.com"] },
                    new AccessRuleDefinition("allow-prod-subscription", "Inbound") { Subscriptions = [$"/subscriptions/{Subscription}"] },
                ],
            },
            new ProfileDefinition("monitoring")
            {
                AccessRules = [new AccessRuleDefinition("allow-monitoring", "Inbound") { ServiceTags = ["AzureMonitor"] }],
            },
        ],
        Associations =
        [
            new AssociationDefinition("kv-contoso-prod-assoc", $"/subscriptions/{Subscription}/resourceGroups/rg-prod-data/providers/Microsoft.KeyVault/vaults/kv-contoso-prod", "defaultProfile", "Enforced"),
            new AssociationDefinition("log-contoso-prod-assoc", $"/subscriptions/{Subscription}/resourceGroups/rg-prod-network/providers/Microsoft.OperationalInsights/workspaces/log-contoso-prod", "monitoring", "Learning"),
        ],
        Links =
        [
            new LinkDefinition("link-to-hub", $"/subscriptions/{Subscription}/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityPerimeters/nsp-hub")
            {
                LocalInboundProfiles = ["defaultProfile"],
                RemoteInboundProfiles = ["*"],
                Description = "Auto Approved",
            },
        ],
        LoggingConfiguration = new LoggingConfigurationDefinition(["NspPublicInboundPerimeterRulesDenied", "NspPublicOutboundPerimeterRulesDenied"]),
    };
}
