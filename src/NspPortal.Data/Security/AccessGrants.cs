namespace NspPortal.Data.Security;

/// <summary>One role a caller holds at one scope.</summary>
public sealed record ScopedRole(NspScope Scope, NspRole Role);

/// <summary>Everything one caller may do: the roles assigned to them, evaluated with inheritance (a root assignment
/// applies everywhere, a subscription assignment to the subscription and everything in it). Immutable; loaded once per
/// request. No assignment means no access at all.</summary>
public sealed class AccessGrants
{
    private readonly IReadOnlyList<ScopedRole> roles;

    public AccessGrants(IEnumerable<ScopedRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        this.roles = [.. roles];
    }

    /// <summary>A caller with no role anywhere (anonymous, or a user nobody assigned a role to).</summary>
    public static AccessGrants None { get; } = new([]);

    /// <summary>Owner at the root: what the API's bootstrap token carries.</summary>
    public static AccessGrants GlobalOwner { get; } = new([new ScopedRole(NspScope.Root, NspRole.Owner)]);

    public IReadOnlyList<ScopedRole> Roles => roles;

    /// <summary>The strongest role that applies at <paramref name="scope"/>, or null.</summary>
    public NspRole? RoleAt(NspScope scope)
    {
        NspRole? best = null;
        foreach (var r in roles)
        {
            if (r.Scope.Contains(scope) && (best is null || r.Role > best))
            {
                best = r.Role;
            }
        }

        return best;
    }

    /// <summary>True when a role held at (or above) <paramref name="scope"/> grants <paramref name="permission"/>.</summary>
    public bool Allows(NspPermission permission, NspScope scope) => RoleAt(scope) is { } role && role.Grants(permission);

    /// <summary>True when some role anywhere grants <paramref name="permission"/>: the gate for pages that are not
    /// about one subscription (lists, search); what they show is then narrowed with <see cref="SubscriptionsWith"/>.</summary>
    public bool AllowsAnywhere(NspPermission permission) => roles.Any(r => r.Role.Grants(permission));

    /// <summary>The subscriptions where <paramref name="permission"/> is granted, or null when it is granted at the
    /// root (every subscription, including ones added later).</summary>
    public IReadOnlySet<Guid>? SubscriptionsWith(NspPermission permission)
    {
        var granted = roles.Where(r => r.Role.Grants(permission)).ToList();
        if (granted.Any(r => r.Scope.IsRoot))
        {
            return null;
        }

        return granted.Select(r => r.Scope.SubscriptionId!.Value).ToHashSet();
    }

    /// <summary>True when <paramref name="subscriptionId"/> may be read.</summary>
    public bool CanRead(Guid subscriptionId) => Allows(NspPermission.Read, NspScope.Subscription(subscriptionId));
}
