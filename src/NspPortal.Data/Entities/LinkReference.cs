using NspPortal.Engine.Model;

namespace NspPortal.Data.Entities;

/// <summary><c>networkSecurityPerimeters/linkReferences</c>: the remote side of a link, materialised in the
/// perimeter the link points at (reference/nsp.md §1.3). Named <c>{linkName}-{guid}</c> by the service.</summary>
public sealed class LinkReferenceEntity : ArmEntity
{
    public Guid PerimeterId { get; set; }

    public PerimeterEntity? Perimeter { get; set; }

    /// <summary>The link that created this reference, when that link is stored here.</summary>
    public Guid? LinkId { get; set; }

    public LinkEntity? Link { get; set; }

    /// <summary>The perimeter that created the link.</summary>
    public string RemotePerimeterResourceId { get; set; } = "";

    public Guid? RemotePerimeterGuid { get; set; }

    public string? RemotePerimeterLocation { get; set; }

    public List<string> LocalInboundProfiles { get; set; } = ["*"];

    public List<string> RemoteInboundProfiles { get; set; } = ["*"];

    public string Description { get; set; } = "Auto Approved";

    public LinkStatus Status { get; set; } = LinkStatus.Approved;

    public ProvisioningState ProvisioningState { get; set; } = ProvisioningState.Succeeded;
}
