using Microsoft.AspNetCore.Authentication;

namespace NspPortal.Web.Arm.Authentication;

/// <summary>Options of the <c>Bearer</c> scheme: the bootstrap token from <c>NspPortal:Api:BootstrapToken</c>
/// (environment <c>NspPortal__Api__BootstrapToken</c>). Empty means no token is accepted.</summary>
public sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    /// <summary>The token that has full rights, for pipelines and tests. Never logged.</summary>
    public string? BootstrapToken { get; set; }
}
