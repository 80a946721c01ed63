using AngleSharp.Dom;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.Perimeters;

/// <summary>What the perimeter blade tests share: the demo perimeters' blade URLs, and clients that behave like htmx
/// aimed at a blade's element (HX-Request, HX-Target and the antiforgery header of that user).</summary>
internal static class BladeTestClient
{
    public static readonly string Prod = $"/resource/subscriptions/{DemoTenant.Production}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";

    public static readonly string Dev = $"/resource/subscriptions/{DemoTenant.Development}/resourceGroups/rg-dev-apps/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-dev";

    /// <summary>A signed-in client (Owner at / unless told) sending htmx's headers for <paramref name="target"/>.</summary>
    public static async Task<HttpClient> HtmxAsync(PortalFactory factory, string target, NspRole role = NspRole.Owner, NspScope? scope = null)
    {
        var client = await factory.CreateSignedInClientAsync(role, scope, allowAutoRedirect: false);
        client.DefaultRequestHeaders.AddAntiforgeryHeader(await client.AntiforgeryTokenAsync("/account/tokens"));
        client.DefaultRequestHeaders.Add("HX-Request", "true");
        client.DefaultRequestHeaders.Add("HX-Target", target);
        return client;
    }

    /// <summary>A form body; repeat a name for several values.</summary>
    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The hidden name/value pairs a pane's form carries (selected + etag, etag, link…).</summary>
    public static List<(string Name, string Value)> Hidden(IElement root, string formSelector = ".context-pane form") =>
        [.. root.QuerySelector(formSelector)!.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))];

    public static async Task<IElement> FragmentAsync(HttpResponseMessage response) => Html.ParseFragment(await response.Content.ReadAsStringAsync());
}
