namespace NspPortal.Data.Entities;

/// <summary>Columns every stored ARM resource has: a surrogate key, its name as given and as a
/// case-insensitive key (ARM names compare case-insensitively), an ETag that is the concurrency token,
/// and ARM's <c>systemData</c>.</summary>
public abstract class ArmEntity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name
    {
        get;
        set
        {
            field = value;
            NameKey = NameKeyOf(value);
        }
    } = "";

    /// <summary>Upper-invariant name, unique per parent: what lookups and unique indexes use.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>Changes on every write; compared on update (optimistic concurrency) and served as the ETag.</summary>
    public string ETag { get; set; } = NewETag();

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public string CreatedBy { get; set; } = "system";

    public string CreatedByType { get; set; } = "Application";

    public DateTime LastModifiedAt { get; set; } = DateTime.UtcNow;

    public string LastModifiedBy { get; set; } = "system";

    public string LastModifiedByType { get; set; } = "Application";

    public static string NameKeyOf(string name) => name.ToUpperInvariant();

    public static string NewETag() => Guid.NewGuid().ToString("N");
}
