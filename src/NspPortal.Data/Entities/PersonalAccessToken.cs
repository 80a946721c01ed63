namespace NspPortal.Data.Entities;

/// <summary>A personal access token for the API (<c>Authorization: Bearer</c>). Only the SHA-256 hash of the secret is
/// stored; the token is shown once, when it is created. It acts with its owner's roles.</summary>
public sealed class PersonalAccessTokenEntity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string UserId { get; set; } = "";

    public NspUser? User { get; set; }

    /// <summary>What the owner called it ("CI pipeline").</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token; unique.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the token, so its owner can recognise it ("nsp_pat_Ab3x…"). Not a secret.</summary>
    public string Hint { get; set; } = "";

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public DateTime ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
