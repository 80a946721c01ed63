using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Values;

public class ArmResourceIdTests
{
    private const string Sub = "/subscriptions/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Nsp = Sub + "/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityPerimeters/nsp1";

    [Fact]
    public void ParsesAChildResource()
    {
        var id = ArmResourceId.Parse(Nsp + "/profiles/p1/accessRules/r1");
        Assert.Equal("r1", id.Name);
        Assert.Equal("Microsoft.Network/networkSecurityPerimeters/profiles/accessRules", id.ResourceType);
        Assert.Equal("rg1", id.ResourceGroupName);
        Assert.Equal("Microsoft.Network", id.ProviderNamespace);
        Assert.Equal(3, id.Depth);
        Assert.False(id.IsTopLevelResource);
    }

    [Fact]
    public void NavigatesToParentsAndChildren()
    {
        var rule = ArmResourceId.Parse(Nsp + "/profiles/p1/accessRules/r1");
        Assert.Equal(ArmResourceId.Parse(Nsp + "/profiles/p1"), rule.Parent);
        Assert.Equal(ArmResourceId.Parse(Nsp), rule.TopLevelResource);
        Assert.Equal(ArmResourceId.Parse(Sub + "/resourceGroups/rg1"), ArmResourceId.Parse(Nsp).Parent);
        Assert.Equal(ArmResourceId.Parse(Sub), ArmResourceId.Parse(Sub + "/resourceGroups/rg1").Parent);
        Assert.Null(ArmResourceId.Parse(Sub).Parent);
        Assert.Equal(rule, ArmResourceId.Parse(Nsp).Child("profiles", "p1").Child("accessRules", "r1"));
    }

    [Fact]
    public void ComparesCaseInsensitively()
    {
        var a = ArmResourceId.Parse(Nsp);
        var b = ArmResourceId.Parse(Nsp.ToUpperInvariant() + "/");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.IsOfType("microsoft.network/NETWORKSECURITYPERIMETERS"));
        Assert.Equal(Nsp, a.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("subscriptions/x")]
    [InlineData("/subscriptions/not-a-guid/resourceGroups/rg")]
    [InlineData(Sub + "/resourceGroups")]
    [InlineData(Sub + "/resourceGroups/rg//providers/x")]
    [InlineData(Sub + "/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters")]
    [InlineData(Sub + "/resourceGroups/rg/things/x")]
    public void RejectsMalformedIds(string text)
    {
        Assert.False(ArmResourceId.TryParse(text, out _, out var error));
        Assert.Equal(ErrorCodes.InvalidResourceId, error.Code);
    }
}
