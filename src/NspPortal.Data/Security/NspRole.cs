namespace NspPortal.Data.Security;

/// <summary>The built-in roles, modelled on Azure RBAC (reference/nsp.md §1.7). Each role includes every permission
/// of the roles below it: Reader &lt; Troubleshooter &lt; Contributor &lt; Owner. Stored by name.</summary>
public enum NspRole
{
    /// <summary>Reads every NSP resource and the activity log; changes nothing.</summary>
    Reader = 1,

    /// <summary>Reader plus traffic logs and the troubleshooter; changes nothing.</summary>
    Troubleshooter = 2,

    /// <summary>Troubleshooter plus every NSP write (perimeters, profiles, rules, associations, links, logging).</summary>
    Contributor = 3,

    /// <summary>Everything, including role assignments.</summary>
    Owner = 4,
}

/// <summary>What an operation needs. Every page, htmx fragment and API operation declares one of these
/// (see <c>NspPolicies</c> in the web host); the role a caller holds at the operation's scope decides.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The brief's name; .NET's IPermission (code access security) is long gone.")]
public enum NspPermission
{
    /// <summary>See resources, settings and the activity log (Azure: <c>*/read</c>).</summary>
    Read = 1,

    /// <summary>Read traffic logs, run the troubleshooter, what-if and replay (no writes).</summary>
    Troubleshoot = 2,

    /// <summary>Create, change or delete NSP resources (Azure: <c>*/write</c>, <c>*/delete</c>, <c>*/action</c>).</summary>
    Write = 3,

    /// <summary>Assign and remove roles, manage users (Azure: <c>Microsoft.Authorization/*</c>).</summary>
    ManageAccess = 4,
}

/// <summary>The role → permission table, in one place.</summary>
public static class NspRoles
{
    /// <summary>All roles, weakest first.</summary>
    public static IReadOnlyList<NspRole> All { get; } = [NspRole.Reader, NspRole.Troubleshooter, NspRole.Contributor, NspRole.Owner];

    /// <summary>True when <paramref name="role"/> includes <paramref name="permission"/>.</summary>
    public static bool Grants(this NspRole role, NspPermission permission) => permission switch
    {
        NspPermission.Read => role >= NspRole.Reader,
        NspPermission.Troubleshoot => role >= NspRole.Troubleshooter,
        NspPermission.Write => role >= NspRole.Contributor,
        NspPermission.ManageAccess => role >= NspRole.Owner,
        _ => false,
    };

    /// <summary>The weakest role that includes <paramref name="permission"/> (for "you need the … role" messages).</summary>
    public static NspRole LeastRoleFor(NspPermission permission) => All.First(r => r.Grants(permission));

    /// <summary>What the IAM blade shows next to the role.</summary>
    public static string Description(this NspRole role) => role switch
    {
        NspRole.Owner => "Full access to everything, including the right to assign roles.",
        NspRole.Contributor => "Create, change and delete network security perimeters and everything in them. Cannot assign roles.",
        NspRole.Troubleshooter => "Read everything, read traffic logs and use the troubleshooter. Cannot change anything.",
        NspRole.Reader => "View everything, but cannot change anything.",
        _ => "",
    };

    /// <summary>The Azure-style action text of a permission, used in <c>AuthorizationFailed</c> messages.</summary>
    public static string ActionName(this NspPermission permission) => permission switch
    {
        NspPermission.Read => "Microsoft.Network/networkSecurityPerimeters/*/read",
        NspPermission.Troubleshoot => "Microsoft.Network/networkSecurityPerimeters/logs/read",
        NspPermission.Write => "Microsoft.Network/networkSecurityPerimeters/*/write",
        NspPermission.ManageAccess => "Microsoft.Authorization/roleAssignments/write",
        _ => permission.ToString(),
    };

    /// <summary>Parses a role name (case-insensitive); only defined roles.</summary>
    public static bool TryParse(string? text, out NspRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
