using Microsoft.AspNetCore.Identity;

namespace NspPortal.Data.Entities;

/// <summary>A local account (ASP.NET Core Identity). What the user may do is not stored here but in
/// <see cref="RoleAssignmentEntity"/> rows, one per role and scope.</summary>
public sealed class NspUser : IdentityUser
{
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public List<RoleAssignmentEntity> RoleAssignments { get; set; } = [];

    public List<PersonalAccessTokenEntity> PersonalAccessTokens { get; set; } = [];
}
