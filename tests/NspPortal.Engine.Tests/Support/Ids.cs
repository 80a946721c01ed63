using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Support;

/// <summary>ARM ids for tests.</summary>
internal static class Ids
{
    public static readonly Guid Subscription = Guid.Parse("8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    public static ArmResourceId Perimeter(string name) => ArmResourceId.Parse(ArmIds.Perimeter(Subscription, "rg-nsp", name));

    public static ArmResourceId Storage(string name) =>
        ArmResourceId.Parse(ArmIds.Resource(Subscription, "rg-app", "Microsoft.Storage/storageAccounts", name));

    public static ArmResourceId Sql(string name) => ArmResourceId.Parse(ArmIds.Resource(Subscription, "rg-app", "Microsoft.Sql/servers", name));

    public static ArmResourceId KeyVault(string name) => ArmResourceId.Parse(ArmIds.Resource(Subscription, "rg-app", "Microsoft.KeyVault/vaults", name));

    public static ArmResourceId Resource(string type, string name) => ArmResourceId.Parse(ArmIds.Resource(Subscription, "rg-app", type, name));
}
