using NspPortal.Data.Security;

namespace NspPortal.Data.Entities;

/// <summary>A role given to a user at a scope (<c>/</c> or <c>/subscriptions/{id}</c>), as an Azure role assignment.</summary>
public sealed class RoleAssignmentEntity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string UserId { get; set; } = "";

    public NspUser? User { get; set; }

    /// <summary>The canonical scope text (<see cref="NspScope.ToString"/>): lower case, so equal scopes are equal strings
    /// on both databases.</summary>
    public string Scope { get; set; } = "/";

    public NspRole Role { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>Who assigned it (e-mail, or "bootstrap" / "first-run").</summary>
    public string CreatedBy { get; set; } = "";

    public NspScope ParsedScope => NspScope.TryParse(Scope, out var scope) ? scope : NspScope.Root;
}
