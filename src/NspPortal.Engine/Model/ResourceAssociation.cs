using NspPortal.Engine.Values;

namespace NspPortal.Engine.Model;

/// <summary>A resource association (<c>networkSecurityPerimeters/resourceAssociations</c>, reference/nsp.md §1.3):
/// puts a PaaS resource in the perimeter under one of its profiles with an access mode.</summary>
/// <param name="Name">The association name, unique (case-insensitively) in its perimeter.</param>
/// <param name="PrivateLinkResourceId">The PaaS resource (<c>properties.privateLinkResource.id</c>).</param>
/// <param name="ProfileId">The profile (<c>properties.profile.id</c>); must be a profile of the same perimeter.</param>
/// <param name="AccessMode">Learning (shown as Transition), Enforced or Audit.</param>
public sealed record ResourceAssociation(string Name, ArmResourceId PrivateLinkResourceId, ArmResourceId ProfileId, AccessMode AccessMode)
{
    /// <summary>The profile's name (last segment of <see cref="ProfileId"/>).</summary>
    public string ProfileName => ProfileId.Name;
}
