namespace NspPortal.Data.Entities;

/// <summary><c>networkSecurityPerimeters/profiles</c>: a named set of access rules (reference/nsp.md §1.3).</summary>
public sealed class ProfileEntity : ArmEntity
{
    public Guid PerimeterId { get; set; }

    public PerimeterEntity? Perimeter { get; set; }

    /// <summary>Bumps on every access-rule change in the profile; starts at 0.</summary>
    public long AccessRulesVersion { get; set; }

    /// <summary>Bumps on every diagnostic-settings change; starts at 0.</summary>
    public long DiagnosticSettingsVersion { get; set; }

    public List<AccessRuleEntity> AccessRules { get; set; } = [];

    public List<ResourceAssociationEntity> Associations { get; set; } = [];
}
