namespace NspPortal.Data.Traffic;

/// <summary>Access rules being prepared for a profile before they are applied (table <c>ProfileDrafts</c>), for the
/// transition view's "add the rules Enforced needs" step. The transition view owns the JSON's shape.</summary>
public sealed class ProfileDraft
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The perimeter (<c>Perimeters.Id</c>); the draft is deleted with it.</summary>
    public Guid PerimeterId { get; set; }

    public string ProfileName
    {
        get;
        set
        {
            field = value;
            ProfileNameKey = value.ToUpperInvariant();
        }
    } = "";

    /// <summary>Upper-invariant <see cref="ProfileName"/>.</summary>
    public string ProfileNameKey { get; private set; } = "";

    /// <summary>The draft rules as JSON (e.g. an array of ARM accessRule objects).</summary>
    public string RulesJson { get; set; } = "[]";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token: change it on every update; a save with a stale one fails.</summary>
    public string ETag { get; set; } = Guid.NewGuid().ToString("N");
}
