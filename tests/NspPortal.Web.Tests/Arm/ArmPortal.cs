using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Arm;

/// <summary>One unseeded portal shared by the API tests of a class. Tests isolate themselves by working in a
/// subscription of their own (<see cref="PortalFactory.AddSubscriptionAsync"/>).</summary>
public sealed class ArmPortal : IAsyncLifetime
{
    public PortalFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await PortalFactory.CreateAsync(seed: false);
        Client = Factory.CreateArmClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>A new subscription with the resource group <paramref name="resourceGroup"/> in westus2.</summary>
    public async Task<Guid> NewSubscriptionAsync(string resourceGroup = "rg1")
    {
        var subscription = await Factory.AddSubscriptionAsync();
        var response = await Client.PutAsync($"/subscriptions/{subscription}/resourcegroups/{resourceGroup}?api-version=2021-04-01", Api.Json("""{"location":"westus2"}"""));
        response.EnsureSuccessStatusCode();
        return subscription;
    }
}
