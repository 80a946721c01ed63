namespace NspPortal.Web.Arm;

/// <summary>Checks every ARM request's <c>api-version</c> (and subscription id) before its handler runs, with ARM's
/// errors: <c>MissingApiVersionParameter</c>, <c>InvalidApiVersionParameter</c> for a malformed value,
/// <c>NoRegisteredProviderFound</c> listing the supported versions for an unknown one, <c>InvalidSubscriptionId</c>.</summary>
internal sealed class ApiVersionFilter : IEndpointFilter
{
    public const string ItemKey = "nspportal:api-version";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("subscriptionId", out var subscription) && !Guid.TryParse(subscription as string, out _))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("InvalidSubscriptionId", $"The provided subscription identifier '{subscription}' is malformed or invalid."));
        }

        var route = http.GetEndpoint()?.Metadata.GetMetadata<ArmRoute>() ?? new ArmRoute("resources", ApiFamily.Resources);
        var values = http.Request.Query["api-version"];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."));
        }

        var version = values[0]!.Trim();
        var supported = route.Family switch
        {
            ApiFamily.Nsp => ApiVersion.Supported.Where(v => route.MinimumVersion is null || string.CompareOrdinal(v, route.MinimumVersion) >= 0).ToList(),
            ApiFamily.Insights => [ApiVersion.Insights],
            _ => null,
        };
        if (!ApiVersion.IsWellFormed(version))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidApiVersionParameter",
                $"The api-version '{version}' is invalid. The supported versions are '{string.Join(",", supported ?? [ApiVersion.Latest])}'."));
        }

        if (supported is not null && !supported.Contains(version))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("NoRegisteredProviderFound",
                $"No registered resource provider found for API version '{version}' and type '{route.ResourceType}'. The supported api-versions are '{string.Join(", ", supported)}'."));
        }

        http.Items[ItemKey] = new ApiVersion(version);
        return await next(context);
    }
}

internal static class ApiVersionHttpContextExtensions
{
    /// <summary>The api-version <see cref="ApiVersionFilter"/> accepted for this request.</summary>
    public static ApiVersion ApiVersion(this HttpContext context) =>
        context.Items[ApiVersionFilter.ItemKey] as ApiVersion ?? new ApiVersion(Arm.ApiVersion.Latest);
}
