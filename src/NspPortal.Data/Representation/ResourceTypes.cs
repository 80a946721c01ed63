namespace NspPortal.Data.Representation;

/// <summary>ARM resource types, spelled as Azure's specification spells them (reference/nsp.md §1.1).</summary>
public static class ResourceTypes
{
    public const string Perimeter = "Microsoft.Network/networkSecurityPerimeters";
    public const string Profile = Perimeter + "/profiles";
    public const string AccessRule = Profile + "/accessRules";
    public const string ResourceAssociation = Perimeter + "/resourceAssociations";
    public const string Link = Perimeter + "/links";
    public const string LinkReference = Perimeter + "/linkReferences";
    public const string LoggingConfiguration = Perimeter + "/loggingConfigurations";
    public const string ResourceGroup = "Microsoft.Resources/resourceGroups";
    public const string AssociableResourceType = "Microsoft.Network/PerimeterAssociableResourceTypes";
}
