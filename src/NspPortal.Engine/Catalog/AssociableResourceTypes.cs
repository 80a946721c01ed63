namespace NspPortal.Engine.Catalog;

/// <summary>The catalog of associable resource types (reference/nsp.md §4.6). Azure serves it per region from
/// <c>perimeterAssociableResourceTypes</c>; every region here offers the same list.</summary>
public static class AssociableResourceTypes
{
    /// <summary>All associable types, in the order the portal lists them.</summary>
    public static IReadOnlyList<AssociableResourceType> All { get; } =
    [
        new("Microsoft.Sql/servers", "SQL server", ["database.windows.net"], IsPreview: true, PaasService.Sql),
        new("Microsoft.Storage/storageAccounts", "Storage account",
            ["blob.core.windows.net", "table.core.windows.net", "queue.core.windows.net", "file.core.windows.net", "dfs.core.windows.net"],
            IsPreview: false, PaasService.Storage),
        new("Microsoft.KeyVault/vaults", "Key vault", ["vault.azure.net"], IsPreview: false, PaasService.KeyVault),
        new("Microsoft.DocumentDB/databaseAccounts", "Azure Cosmos DB account", ["documents.azure.com"], IsPreview: true, PaasService.CosmosDb),
        new("Microsoft.EventHub/namespaces", "Event Hubs namespace", ["servicebus.windows.net"], IsPreview: false, PaasService.EventHubs),
        new("Microsoft.Search/searchServices", "Search service", ["search.windows.net"], IsPreview: false, PaasService.Search),
        new("Microsoft.CognitiveServices/accounts", "Azure AI services", ["cognitiveservices.azure.com", "openai.azure.com"], IsPreview: false, PaasService.CognitiveServices),
        new("Microsoft.OperationalInsights/workspaces", "Log Analytics workspace", ["ods.opinsights.azure.com", "oms.opinsights.azure.com"], IsPreview: false, PaasService.Monitor),
        new("Microsoft.Insights/dataCollectionEndpoints", "Data collection endpoint", ["ingest.monitor.azure.com"], IsPreview: false, PaasService.Monitor),
        new("Microsoft.Insights/scheduledQueryRules", "Log search alert rule", [], IsPreview: false, PaasService.Monitor),
        new("Microsoft.Insights/actionGroups", "Action group", [], IsPreview: false, PaasService.Monitor),
        new("Microsoft.ServiceBus/namespaces", "Service Bus namespace", ["servicebus.windows.net"], IsPreview: true, PaasService.ServiceBus),
    ];

    private static readonly Dictionary<string, AssociableResourceType> ByType =
        All.ToDictionary(t => t.ResourceType, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the catalog entry for an ARM type such as <c>microsoft.sql/servers</c> (case-insensitive).</summary>
    /// <returns>The entry, or null when the type cannot be associated with a perimeter.</returns>
    public static AssociableResourceType? Find(string resourceType) =>
        ByType.GetValueOrDefault(resourceType);
}
