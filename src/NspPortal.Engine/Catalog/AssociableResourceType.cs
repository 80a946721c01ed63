namespace NspPortal.Engine.Catalog;

/// <summary>A PaaS resource type that can be associated with a perimeter (reference/nsp.md §1.3, §4.6).</summary>
/// <param name="ResourceType">The ARM type, e.g. <c>Microsoft.Sql/servers</c>.</param>
/// <param name="DisplayName">The name the portal shows, e.g. "SQL Server".</param>
/// <param name="PublicDnsZones">Public DNS zones of the service's endpoints.</param>
/// <param name="IsPreview">True where Azure still lists the integration as preview.</param>
/// <param name="Service">The service family, used to pick the per-service error (reference/nsp.md §4.7).</param>
public sealed record AssociableResourceType(
    string ResourceType,
    string DisplayName,
    IReadOnlyList<string> PublicDnsZones,
    bool IsPreview,
    PaasService Service)
{
    /// <summary>The catalog name Azure uses in <c>perimeterAssociableResourceTypes</c>: the type with '/' replaced by '.'.</summary>
    public string CatalogName => ResourceType.Replace('/', '.');
}

/// <summary>Service families whose NSP behaviour differs (reference/nsp.md §4.7).</summary>
public enum PaasService
{
    /// <summary>Azure SQL Database logical servers.</summary>
    Sql,

    /// <summary>Azure Storage accounts.</summary>
    Storage,

    /// <summary>Azure Key Vault.</summary>
    KeyVault,

    /// <summary>Azure OpenAI and Microsoft Foundry (Cognitive Services accounts).</summary>
    CognitiveServices,

    /// <summary>Azure Cosmos DB accounts.</summary>
    CosmosDb,

    /// <summary>Event Hubs namespaces.</summary>
    EventHubs,

    /// <summary>Azure AI Search services.</summary>
    Search,

    /// <summary>Azure Monitor: Log Analytics workspaces, data collection endpoints, alerts, action groups.</summary>
    Monitor,

    /// <summary>Service Bus namespaces.</summary>
    ServiceBus,

    /// <summary>Anything else.</summary>
    Other,
}
