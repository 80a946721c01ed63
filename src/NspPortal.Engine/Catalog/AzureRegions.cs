namespace NspPortal.Engine.Catalog;

/// <summary>An Azure region: the ARM name (<c>eastus2</c>) and the name the portal shows ("East US 2").</summary>
public sealed record AzureRegion(string Name, string DisplayName, string Geography);

/// <summary>The public Azure regions where NSP is available (reference/nsp.md §0: GA in all public regions).</summary>
public static class AzureRegions
{
    /// <summary>All regions, grouped by geography as the portal's region picker lists them.</summary>
    public static IReadOnlyList<AzureRegion> All { get; } =
    [
        new("eastus", "East US", "United States"),
        new("eastus2", "East US 2", "United States"),
        new("centralus", "Central US", "United States"),
        new("northcentralus", "North Central US", "United States"),
        new("southcentralus", "South Central US", "United States"),
        new("westcentralus", "West Central US", "United States"),
        new("westus", "West US", "United States"),
        new("westus2", "West US 2", "United States"),
        new("westus3", "West US 3", "United States"),
        new("canadacentral", "Canada Central", "Canada"),
        new("canadaeast", "Canada East", "Canada"),
        new("brazilsouth", "Brazil South", "South America"),
        new("northeurope", "North Europe", "Europe"),
        new("westeurope", "West Europe", "Europe"),
        new("francecentral", "France Central", "Europe"),
        new("germanywestcentral", "Germany West Central", "Europe"),
        new("italynorth", "Italy North", "Europe"),
        new("norwayeast", "Norway East", "Europe"),
        new("polandcentral", "Poland Central", "Europe"),
        new("spaincentral", "Spain Central", "Europe"),
        new("swedencentral", "Sweden Central", "Europe"),
        new("switzerlandnorth", "Switzerland North", "Europe"),
        new("uksouth", "UK South", "Europe"),
        new("ukwest", "UK West", "Europe"),
        new("uaenorth", "UAE North", "Middle East"),
        new("qatarcentral", "Qatar Central", "Middle East"),
        new("israelcentral", "Israel Central", "Middle East"),
        new("southafricanorth", "South Africa North", "Africa"),
        new("centralindia", "Central India", "Asia Pacific"),
        new("southindia", "South India", "Asia Pacific"),
        new("eastasia", "East Asia", "Asia Pacific"),
        new("southeastasia", "Southeast Asia", "Asia Pacific"),
        new("japaneast", "Japan East", "Asia Pacific"),
        new("japanwest", "Japan West", "Asia Pacific"),
        new("koreacentral", "Korea Central", "Asia Pacific"),
        new("australiaeast", "Australia East", "Asia Pacific"),
        new("australiasoutheast", "Australia Southeast", "Asia Pacific"),
        new("newzealandnorth", "New Zealand North", "Asia Pacific"),
        new("usgovvirginia", "US Gov Virginia", "Azure Government"),
        new("usgovtexas", "US Gov Texas", "Azure Government"),
        new("usgovarizona", "US Gov Arizona", "Azure Government"),
    ];

    private static readonly Dictionary<string, AzureRegion> ByName = All.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a region by ARM name, case-insensitively, ignoring spaces ("East US 2" finds <c>eastus2</c>).</summary>
    public static AzureRegion? Find(string? name) =>
        name is null ? null : ByName.GetValueOrDefault(name.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>The display name of a region, or the input unchanged when the region is unknown.</summary>
    public static string DisplayName(string name) => Find(name)?.DisplayName ?? name;
}
