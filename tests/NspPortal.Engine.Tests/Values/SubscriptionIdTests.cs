using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Tests.Values;

public class SubscriptionIdTests
{
    private const string Guid = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    [Theory]
    [InlineData(Guid)]
    [InlineData("/subscriptions/" + Guid)]
    [InlineData("/SUBSCRIPTIONS/8A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D/")]
    public void AcceptsAGuidOrTheArmForm(string text)
    {
        Assert.True(SubscriptionId.TryParse(text, out var subscription, out var error), error?.Message);
        Assert.Equal("/subscriptions/" + Guid, subscription.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("/subscriptions/")]
    [InlineData("/subscriptions/" + Guid + "/resourceGroups/rg")]
    [InlineData("{" + Guid + "}")]
    public void RejectsAnythingElse(string text)
    {
        Assert.False(SubscriptionId.TryParse(text, out _, out var error));
        Assert.Equal(ErrorCodes.InvalidSubscriptionId, error.Code);
        Assert.Contains("/subscriptions/{guid}", error.Message, StringComparison.Ordinal);
    }
}
