using FsCheck;
using FsCheck.Fluent;
using NspPortal.Data.Security;

namespace NspPortal.Data.Tests.Security;

public class AccessGrantsTests
{
    private static readonly Guid Prod = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");
    private static readonly Guid Dev = Guid.Parse("3c9d7e21-4f5a-4e8b-a1c2-d3e4f5a6b7c8");

    /// <summary>The role → permission table (Reader &lt; Troubleshooter &lt; Contributor &lt; Owner).</summary>
    [Theory]
    [InlineData(NspRole.Reader, true, false, false, false)]
    [InlineData(NspRole.Troubleshooter, true, true, false, false)]
    [InlineData(NspRole.Contributor, true, true, true, false)]
    [InlineData(NspRole.Owner, true, true, true, true)]
    public void EachRoleGrantsItsPermissionsAndThoseOfTheRolesBelow(NspRole role, bool read, bool troubleshoot, bool write, bool manageAccess)
    {
        Assert.Equal(read, role.Grants(NspPermission.Read));
        Assert.Equal(troubleshoot, role.Grants(NspPermission.Troubleshoot));
        Assert.Equal(write, role.Grants(NspPermission.Write));
        Assert.Equal(manageAccess, role.Grants(NspPermission.ManageAccess));
    }

    [Fact]
    public void ASubscriptionRoleAppliesToThatSubscriptionOnly()
    {
        var grants = new AccessGrants([new ScopedRole(NspScope.Subscription(Prod), NspRole.Contributor)]);

        Assert.True(grants.Allows(NspPermission.Write, NspScope.Subscription(Prod)));
        Assert.False(grants.Allows(NspPermission.Read, NspScope.Subscription(Dev)));
        Assert.False(grants.Allows(NspPermission.Read, NspScope.Root));
        Assert.True(grants.AllowsAnywhere(NspPermission.Write));
        Assert.Equal([Prod], grants.SubscriptionsWith(NspPermission.Read)!);
    }

    [Fact]
    public void ARootRoleAppliesEverywhereIncludingSubscriptionsAddedLater()
    {
        var grants = new AccessGrants([new ScopedRole(NspScope.Root, NspRole.Reader)]);

        Assert.True(grants.Allows(NspPermission.Read, NspScope.Subscription(Guid.NewGuid())));
        Assert.Null(grants.SubscriptionsWith(NspPermission.Read));
        Assert.Empty(grants.SubscriptionsWith(NspPermission.Write)!);
    }

    [Fact]
    public void TheStrongestApplicableRoleWins()
    {
        var grants = new AccessGrants(
        [
            new ScopedRole(NspScope.Root, NspRole.Reader),
            new ScopedRole(NspScope.Subscription(Prod), NspRole.Owner),
            new ScopedRole(NspScope.Subscription(Prod), NspRole.Troubleshooter),
        ]);

        Assert.Equal(NspRole.Owner, grants.RoleAt(NspScope.Subscription(Prod)));
        Assert.Equal(NspRole.Reader, grants.RoleAt(NspScope.Subscription(Dev)));
        Assert.Equal(NspRole.Reader, grants.RoleAt(NspScope.Root));
    }

    [Fact]
    public void NobodyWithoutAnAssignmentMayDoAnything()
    {
        Assert.All(Enum.GetValues<NspPermission>(), p =>
        {
            Assert.False(AccessGrants.None.AllowsAnywhere(p));
            Assert.False(AccessGrants.None.Allows(p, NspScope.Root));
        });
    }

    /// <summary>Inheritance as a property: whatever the assignments, a permission at a subscription holds exactly when
    /// some assignment at the root or at that subscription grants it.</summary>
    [Fact]
    public void AllowsIsExactlyInheritanceFromTheRootOrTheSubscriptionItself()
    {
        var scopes = Gen.Elements(NspScope.Root, NspScope.Subscription(Prod), NspScope.Subscription(Dev));
        var roles = Gen.Elements(NspRoles.All.ToArray());
        var assignment = scopes.SelectMany(s => roles.Select(r => new ScopedRole(s, r)));
        var property = Prop.ForAll(
            Arb.From(assignment.ListOf()),
            Arb.From(Gen.Elements(Enum.GetValues<NspPermission>())),
            Arb.From(Gen.Elements(Prod, Dev, Guid.Empty)),
            (list, permission, subscription) =>
            {
                var target = NspScope.Subscription(subscription);
                var expected = list.Any(a => (a.Scope.IsRoot || a.Scope == target) && a.Role.Grants(permission));
                return new AccessGrants(list).Allows(permission, target) == expected;
            });
        property.QuickCheckThrowOnFailure();
    }
}
