using NspPortal.Engine.Model;

namespace NspPortal.Data.Entities;

/// <summary><c>networkSecurityPerimeters/links</c>: a link from this perimeter to a remote one (reference/nsp.md §1.3, §4.5).</summary>
public sealed class LinkEntity : ArmEntity
{
    public Guid PerimeterId { get; set; }

    public PerimeterEntity? Perimeter { get; set; }

    /// <summary>The remote perimeter's ARM id as given on create.</summary>
    public string RemotePerimeterResourceId { get; set; } = "";

    public Guid? RemotePerimeterGuid { get; set; }

    public string? RemotePerimeterLocation { get; set; }

    /// <summary>Local profiles that accept inbound traffic from the remote perimeter; <c>*</c> means all.</summary>
    public List<string> LocalInboundProfiles { get; set; } = ["*"];

    /// <summary>Remote profiles that accept inbound traffic from this perimeter; <c>*</c> means all.</summary>
    public List<string> RemoteInboundProfiles { get; set; } = ["*"];

    public string Description { get; set; } = "Auto Approved";

    public LinkStatus Status { get; set; } = LinkStatus.Approved;

    public ProvisioningState ProvisioningState { get; set; } = ProvisioningState.Succeeded;
}
