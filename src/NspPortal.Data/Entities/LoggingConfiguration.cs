namespace NspPortal.Data.Entities;

/// <summary><c>networkSecurityPerimeters/loggingConfigurations/instance</c>: the log categories the perimeter emits
/// (reference/nsp.md §1.3, §3.5). One per perimeter; the name is always <c>instance</c>.</summary>
public sealed class LoggingConfigurationEntity : ArmEntity
{
    public LoggingConfigurationEntity() => Name = "instance";

    public Guid PerimeterId { get; set; }

    public PerimeterEntity? Perimeter { get; set; }

    public List<string> EnabledLogCategories { get; set; } = [];

    /// <summary>Bumps on every change; starts at 0.</summary>
    public long Version { get; set; }

    /// <summary>Free text describing where the logs go (workspace, storage account, event hub).</summary>
    public string? DestinationDescription { get; set; }
}
