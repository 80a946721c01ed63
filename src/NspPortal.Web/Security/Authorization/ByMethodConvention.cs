using Microsoft.AspNetCore.Authorization;
using NspPortal.Data.Security;

namespace NspPortal.Web.Security.Authorization;

public static class ByMethodConvention
{
    /// <summary>For API route groups: GET and HEAD need <see cref="NspPermission.Read"/>, every other method
    /// <see cref="NspPermission.Write"/>, at the scope in the path. An endpoint may add a stricter requirement
    /// (role assignments: <see cref="NspPermission.ManageAccess"/>); requirements add up, they never loosen.</summary>
    public static TBuilder RequirePermissionByMethod<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var readOnly = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
            endpoint.Metadata.Add(new AuthorizeAttribute(NspPolicies.For(readOnly ? NspPermission.Read : NspPermission.Write)));
        });
        return builder;
    }
}
