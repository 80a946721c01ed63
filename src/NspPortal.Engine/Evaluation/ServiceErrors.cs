using NspPortal.Engine.Catalog;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

/// <summary>The errors services return when the perimeter denies a request (reference/nsp.md §4.7; readings in docs/engine.md).</summary>
public static class ServiceErrors
{
    /// <summary>SQL Database, inbound: error 42118.</summary>
    public static ServiceError SqlInbound { get; } =
        new("42118", "Login failed because the network security perimeter denied inbound access.");

    /// <summary>Storage: HTTP 403 AuthorizationFailure.</summary>
    public static ServiceError Storage { get; } =
        new("AuthorizationFailure", "This request is not authorized by network security perimeter to perform this operation.") { HttpStatus = 403 };

    /// <summary>Key Vault: HTTP 403 ForbiddenByNsp.</summary>
    public static ServiceError KeyVault { get; } =
        new("ForbiddenByNsp", "The request was forbidden by NSP policy.") { HttpStatus = 403 };

    /// <summary>Azure OpenAI / Foundry, outbound: the message observed in Azure.</summary>
    public static ServiceError CognitiveServicesOutbound { get; } =
        new("NetworkSecurityPerimeterTrafficDenied", "The outbound request to target resource is denied by NetworkSecurityPerimeter.");

    /// <summary>Azure OpenAI / Foundry, inbound: the same code; the message is our inbound wording of the observed one.</summary>
    public static ServiceError CognitiveServicesInbound { get; } =
        new("NetworkSecurityPerimeterTrafficDenied", "The inbound request to target resource is denied by NetworkSecurityPerimeter.");

    /// <summary>Every other service (and SQL outbound): one documented generic error.</summary>
    public static ServiceError Generic { get; } =
        new("DeniedByNetworkSecurityPerimeter", "The request was denied by the network security perimeter.") { HttpStatus = 403 };

    /// <summary>The error of <paramref name="service"/> for a denial in <paramref name="direction"/>.</summary>
    public static ServiceError For(PaasService service, AccessRuleDirection direction) => service switch
    {
        PaasService.Sql when direction == AccessRuleDirection.Inbound => SqlInbound,
        PaasService.Storage => Storage,
        PaasService.KeyVault => KeyVault,
        PaasService.CognitiveServices => direction == AccessRuleDirection.Inbound ? CognitiveServicesInbound : CognitiveServicesOutbound,
        _ => Generic,
    };

    /// <summary>The service family of an ARM type (<see cref="PaasService.Other"/> when not in the catalog).</summary>
    public static PaasService ServiceOf(string resourceType) =>
        AssociableResourceTypes.Find(resourceType)?.Service ?? PaasService.Other;
}
