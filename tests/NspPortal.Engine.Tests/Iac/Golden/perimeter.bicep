@description('Name of the network security perimeter.')
param networkSecurityPerimeterName string = 'nsp-contoso-prod'

@description('Region of the network security perimeter.')
param location string = 'eastus2'

resource nsp 'Microsoft.Network/networkSecurityPerimeters@2025-05-01' = {
  name: networkSecurityPerimeterName
  location: location
  tags: {
    environment: 'production'
    owner: 'network-security'
  }
  properties: {}
}

resource profile_defaultProfile 'Microsoft.Network/networkSecurityPerimeters/profiles@2025-05-01' = {
  parent: nsp
  name: 'defaultProfile'
  properties: {}
}

resource profile_monitoring 'Microsoft.Network/networkSecurityPerimeters/profiles@2025-05-01' = {
  parent: nsp
  name: 'monitoring'
  properties: {}
}

resource rule_defaultProfile_allow_corp_network 'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules@2025-05-01' = {
  parent: profile_defaultProfile
  name: 'allow-corp-network'
  properties: {
    direction: 'Inbound'
    addressPrefixes: [
      '203.0.113.0/24'
      '2001:db8:1000::/48'
    ]
  }
}

resource rule_defaultProfile_allow_partner_api 'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules@2025-05-01' = {
  parent: profile_defaultProfile
  name: 'allow-partner-api'
  properties: {
    direction: 'Outbound'
    fullyQualifiedDomainNames: [
      'api.partner.contoso.com'
    ]
  }
}

resource rule_defaultProfile_allow_prod_subscription 'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules@2025-05-01' = {
  parent: profile_defaultProfile
  name: 'allow-prod-subscription'
  properties: {
    direction: 'Inbound'
    subscriptions: [
      {
        id: '/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
      }
    ]
  }
}

resource rule_monitoring_allow_monitoring 'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules@2025-05-01' = {
  parent: profile_monitoring
  name: 'allow-monitoring'
  properties: {
    direction: 'Inbound'
    serviceTags: [
      'AzureMonitor'
    ]
  }
}

resource loggingConfiguration 'Microsoft.Network/networkSecurityPerimeters/loggingConfigurations@2025-05-01' = {
  parent: nsp
  name: 'instance'
  properties: {
    enabledLogCategories: [
      'NspPublicInboundPerimeterRulesDenied'
      'NspPublicOutboundPerimeterRulesDenied'
    ]
  }
}

resource link_link_to_hub 'Microsoft.Network/networkSecurityPerimeters/links@2025-05-01' = {
  parent: nsp
  name: 'link-to-hub'
  properties: {
    autoApprovedRemotePerimeterResourceId: '/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityPerimeters/nsp-hub'
    localInboundProfiles: [
      'defaultProfile'
    ]
    remoteInboundProfiles: [
      '*'
    ]
    description: 'Auto Approved'
  }
}

resource association_kv_contoso_prod_assoc 'Microsoft.Network/networkSecurityPerimeters/resourceAssociations@2025-05-01' = {
  parent: nsp
  name: 'kv-contoso-prod-assoc'
  properties: {
    privateLinkResource: {
      id: '/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-prod-data/providers/Microsoft.KeyVault/vaults/kv-contoso-prod'
    }
    profile: {
      id: profile_defaultProfile.id
    }
    accessMode: 'Enforced'
  }
}

resource association_log_contoso_prod_assoc 'Microsoft.Network/networkSecurityPerimeters/resourceAssociations@2025-05-01' = {
  parent: nsp
  name: 'log-contoso-prod-assoc'
  properties: {
    privateLinkResource: {
      id: '/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-prod-network/providers/Microsoft.OperationalInsights/workspaces/log-contoso-prod'
    }
    profile: {
      id: profile_monitoring.id
    }
    accessMode: 'Learning'
  }
  dependsOn: [
    association_kv_contoso_prod_assoc
  ]
}
