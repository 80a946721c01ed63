using NspPortal.Data.Entities;
using NspPortal.Engine.Model;

namespace NspPortal.Data.Representation;

/// <summary>ARM ids and types of stored resources, built from the entity and its parents (names as stored, ARM's
/// segment casing). The parents must be loaded: the service layer always loads the chain it writes under.</summary>
public static class ResourceIds
{
    public static string Of(ResourceGroupEntity group) => ArmIds.ResourceGroup(group.SubscriptionId, group.Name);

    public static string Of(PerimeterEntity perimeter) =>
        ArmIds.Perimeter(Loaded(perimeter.ResourceGroup, perimeter).SubscriptionId, perimeter.ResourceGroup!.Name, perimeter.Name);

    public static string Of(ProfileEntity profile) => $"{Of(Loaded(profile.Perimeter, profile))}/profiles/{profile.Name}";

    public static string Of(AccessRuleEntity rule) => $"{Of(Loaded(rule.Profile, rule))}/accessRules/{rule.Name}";

    public static string Of(ResourceAssociationEntity association) =>
        $"{Of(Loaded(association.Perimeter, association))}/resourceAssociations/{association.Name}";

    public static string Of(LinkEntity link) => $"{Of(Loaded(link.Perimeter, link))}/links/{link.Name}";

    public static string Of(LinkReferenceEntity reference) => $"{Of(Loaded(reference.Perimeter, reference))}/linkReferences/{reference.Name}";

    public static string Of(LoggingConfigurationEntity configuration) =>
        $"{Of(Loaded(configuration.Perimeter, configuration))}/loggingConfigurations/{configuration.Name}";

    public static string Of(PaasResourceEntity resource)
    {
        var group = Loaded(resource.ResourceGroup, resource);
        return ArmIds.Resource(group.SubscriptionId, group.Name, resource.ResourceType, resource.Name);
    }

    /// <summary>The id of any stored ARM resource.</summary>
    public static string Of(ArmEntity entity) => entity switch
    {
        ResourceGroupEntity x => Of(x),
        PerimeterEntity x => Of(x),
        ProfileEntity x => Of(x),
        AccessRuleEntity x => Of(x),
        ResourceAssociationEntity x => Of(x),
        LinkEntity x => Of(x),
        LinkReferenceEntity x => Of(x),
        LoggingConfigurationEntity x => Of(x),
        PaasResourceEntity x => Of(x),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not an ARM resource.", nameof(entity)),
    };

    /// <summary>The ARM type of any stored ARM resource.</summary>
    public static string TypeOf(ArmEntity entity) => entity switch
    {
        ResourceGroupEntity => ResourceTypes.ResourceGroup,
        PerimeterEntity => ResourceTypes.Perimeter,
        ProfileEntity => ResourceTypes.Profile,
        AccessRuleEntity => ResourceTypes.AccessRule,
        ResourceAssociationEntity => ResourceTypes.ResourceAssociation,
        LinkEntity => ResourceTypes.Link,
        LinkReferenceEntity => ResourceTypes.LinkReference,
        LoggingConfigurationEntity => ResourceTypes.LoggingConfiguration,
        PaasResourceEntity x => x.ResourceType,
        _ => throw new ArgumentException($"{entity.GetType().Name} is not an ARM resource.", nameof(entity)),
    };

    /// <summary>The subscription a stored resource lives in.</summary>
    public static Guid SubscriptionOf(ArmEntity entity) => GroupOf(entity).SubscriptionId;

    /// <summary>The resource group a stored resource lives in.</summary>
    public static ResourceGroupEntity GroupOf(ArmEntity entity) => entity switch
    {
        ResourceGroupEntity x => x,
        PerimeterEntity x => Loaded(x.ResourceGroup, x),
        ProfileEntity x => GroupOf(Loaded(x.Perimeter, x)),
        AccessRuleEntity x => GroupOf(Loaded(x.Profile, x)),
        ResourceAssociationEntity x => GroupOf(Loaded(x.Perimeter, x)),
        LinkEntity x => GroupOf(Loaded(x.Perimeter, x)),
        LinkReferenceEntity x => GroupOf(Loaded(x.Perimeter, x)),
        LoggingConfigurationEntity x => GroupOf(Loaded(x.Perimeter, x)),
        PaasResourceEntity x => Loaded(x.ResourceGroup, x),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not an ARM resource.", nameof(entity)),
    };

    private static T Loaded<T>(T? parent, ArmEntity child) where T : class =>
        parent ?? throw new InvalidOperationException(
            $"The parent {typeof(T).Name} of {child.GetType().Name} '{child.Name}' is not loaded; load the parent chain before building ids.");
}
