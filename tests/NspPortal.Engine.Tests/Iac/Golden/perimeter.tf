# Network security perimeter nsp-contoso-prod, exported by NspPortal.
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.57.0"
    }
  }
}

variable "resource_group_name" {
  description = "Resource group of the network security perimeter."
  type        = string
}

variable "location" {
  description = "Region of the network security perimeter."
  type        = string
  default     = "eastus2"
}

resource "azurerm_network_security_perimeter" "nsp" {
  name                = "nsp-contoso-prod"
  resource_group_name = var.resource_group_name
  location            = var.location

  tags = {
    environment = "production"
    owner       = "network-security"
  }
}

resource "azurerm_network_security_perimeter_profile" "defaultProfile" {
  name                          = "defaultProfile"
  network_security_perimeter_id = azurerm_network_security_perimeter.nsp.id
}

resource "azurerm_network_security_perimeter_profile" "monitoring" {
  name                          = "monitoring"
  network_security_perimeter_id = azurerm_network_security_perimeter.nsp.id
}

resource "azurerm_network_security_perimeter_access_rule" "defaultProfile_allow_corp_network" {
  name                                  = "allow-corp-network"
  network_security_perimeter_profile_id = azurerm_network_security_perimeter_profile.defaultProfile.id
  direction                             = "Inbound"
  address_prefixes                      = ["203.0.113.0/24", "2001:db8:1000::/48"]
}

resource "azurerm_network_security_perimeter_access_rule" "defaultProfile_allow_partner_api" {
  name                                  = "allow-partner-api"
  network_security_perimeter_profile_id = azurerm_network_security_perimeter_profile.defaultProfile.id
  direction                             = "Outbound"
  fqdns                                 = ["api.partner.contoso.com"]
}

resource "azurerm_network_security_perimeter_access_rule" "defaultProfile_allow_prod_subscription" {
  name                                  = "allow-prod-subscription"
  network_security_perimeter_profile_id = azurerm_network_security_perimeter_profile.defaultProfile.id
  direction                             = "Inbound"
  subscription_ids                      = ["/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"]
}

resource "azurerm_network_security_perimeter_access_rule" "monitoring_allow_monitoring" {
  name                                  = "allow-monitoring"
  network_security_perimeter_profile_id = azurerm_network_security_perimeter_profile.monitoring.id
  direction                             = "Inbound"
  service_tags                          = ["AzureMonitor"]
}

resource "azurerm_network_security_perimeter_association" "kv_contoso_prod_assoc" {
  name                                  = "kv-contoso-prod-assoc"
  network_security_perimeter_profile_id = azurerm_network_security_perimeter_profile.defaultProfile.id
  resource_id                           = "/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-prod-data/providers/Microsoft.KeyVault/vaults/kv-contoso-prod"
  access_mode                           = "Enforced"
}

resource "azurerm_network_security_perimeter_association" "log_contoso_prod_assoc" {
  name                                  = "log-contoso-prod-assoc"
  network_security_perimeter_profile_id = azurerm_network_security_perimeter_profile.monitoring.id
  resource_id                           = "/subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-prod-network/providers/Microsoft.OperationalInsights/workspaces/log-contoso-prod"
  access_mode                           = "Learning"
}

# Not exported: azurerm has no resources for these; manage them with the azapi provider or the ARM template export.
#   logging configuration 'instance' (enabledLogCategories: NspPublicInboundPerimeterRulesDenied, NspPublicOutboundPerimeterRulesDenied)
#   link 'link-to-hub' to /subscriptions/6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityPerimeters/nsp-hub
