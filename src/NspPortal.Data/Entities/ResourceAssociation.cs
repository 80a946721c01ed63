using NspPortal.Engine.Model;

namespace NspPortal.Data.Entities;

/// <summary><c>networkSecurityPerimeters/resourceAssociations</c>: puts a PaaS resource in the perimeter under
/// a profile with an access mode (reference/nsp.md §1.3). A PaaS resource has at most one association.</summary>
public sealed class ResourceAssociationEntity : ArmEntity
{
    public Guid PerimeterId { get; set; }

    public PerimeterEntity? Perimeter { get; set; }

    public Guid ProfileId { get; set; }

    public ProfileEntity? Profile { get; set; }

    public Guid PaasResourceId { get; set; }

    public PaasResourceEntity? PaasResource { get; set; }

    public AccessMode AccessMode { get; set; } = AccessMode.Learning;

    public ProvisioningState ProvisioningState { get; set; } = ProvisioningState.Succeeded;

    /// <summary>True when the PaaS side reports provisioning issues (served as "yes"/"no").</summary>
    public bool HasProvisioningIssues { get; set; }
}
