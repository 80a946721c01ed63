namespace NspPortal.Data.Entities;

/// <summary>One ASP.NET Core data-protection key (XML). Kept in the database so every portal instance sharing it can
/// read the cookies and antiforgery tokens the others issue.</summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
