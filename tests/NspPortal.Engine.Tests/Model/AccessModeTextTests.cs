using NspPortal.Engine.Model;

namespace NspPortal.Engine.Tests.Model;

public class AccessModeTextTests
{
    [Theory]
    [InlineData(AccessMode.Learning, "Transition (Learning)")]
    [InlineData(AccessMode.Enforced, "Enforced")]
    [InlineData(AccessMode.Audit, "Audit")]
    public void ShowsTheAzurePortalLabel(AccessMode mode, string label) =>
        Assert.Equal(label, mode.DisplayName());

    [Fact]
    public void SpellsSecuredByPerimeterAsThePortalDoes() =>
        Assert.Equal("Secured by perimeter", PublicNetworkAccess.SecuredByPerimeter.DisplayName());
}
