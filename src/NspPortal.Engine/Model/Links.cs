using System.Collections.Immutable;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Model;

/// <summary>One perimeter's record of a perimeter link (reference/nsp.md §1.3, §4.5): a <see cref="Link"/> in the
/// perimeter that created it, a <see cref="LinkReference"/> in the remote one. "Local" always means the perimeter
/// holding the record; <c>*</c> in a profile list means every profile.</summary>
/// <param name="Name">The record name, unique (case-insensitively) in its perimeter.</param>
/// <param name="RemotePerimeterId">The other perimeter's id (<c>autoApprovedRemotePerimeterResourceId</c> on links,
/// <c>remotePerimeterResourceId</c> on link references), when known.</param>
/// <param name="RemotePerimeterGuid">The other perimeter's GUID, when known.</param>
/// <param name="Status">Only <see cref="LinkStatus.Approved"/> links carry traffic.</param>
public abstract record LinkSide(string Name, ArmResourceId? RemotePerimeterId, Guid? RemotePerimeterGuid, LinkStatus Status)
{
    /// <summary>The other perimeter's region.</summary>
    public string? RemotePerimeterLocation { get; init; }

    /// <summary>Local profiles that accept inbound traffic from the remote perimeter.</summary>
    public ImmutableArray<string> LocalInboundProfiles { get; init => field = value.IsDefault ? [] : value; } = ["*"];

    /// <summary>Local profiles whose resources may reach the remote perimeter (Azure: always <c>*</c>).</summary>
    public ImmutableArray<string> LocalOutboundProfiles { get; init => field = value.IsDefault ? [] : value; } = ["*"];

    /// <summary>Remote profiles that accept inbound traffic from this perimeter.</summary>
    public ImmutableArray<string> RemoteInboundProfiles { get; init => field = value.IsDefault ? [] : value; } = ["*"];

    /// <summary>Remote profiles whose resources may reach this perimeter (Azure: always <c>*</c>).</summary>
    public ImmutableArray<string> RemoteOutboundProfiles { get; init => field = value.IsDefault ? [] : value; } = ["*"];

    /// <summary>Free text (links: ≤ 140 characters, default "Auto Approved").</summary>
    public string? Description { get; init; }
}

/// <summary>A link this perimeter created (<c>networkSecurityPerimeters/links</c>).</summary>
public sealed record Link(string Name, ArmResourceId? RemotePerimeterId, Guid? RemotePerimeterGuid, LinkStatus Status)
    : LinkSide(Name, RemotePerimeterId, RemotePerimeterGuid, Status);

/// <summary>The remote side of a link another perimeter created (<c>networkSecurityPerimeters/linkReferences</c>).</summary>
public sealed record LinkReference(string Name, ArmResourceId? RemotePerimeterId, Guid? RemotePerimeterGuid, LinkStatus Status)
    : LinkSide(Name, RemotePerimeterId, RemotePerimeterGuid, Status);
