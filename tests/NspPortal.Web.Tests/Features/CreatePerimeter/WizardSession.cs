using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.CreatePerimeter;

/// <summary>Drives the create wizard as the browser does: keeps the last rendering of <c>#wizard-form</c>, posts it back
/// with changed fields and the clicked button (htmx: <c>HX-Target: wizard</c> and the antiforgery header), and reads the
/// answer. <c>Set("inboundName", "x", 1)</c> sets the second field of that name.</summary>
internal sealed class WizardSession(HttpClient client)
{
    public const string Page = "/create/Microsoft.Network/networkSecurityPerimeters";

    private List<KeyValuePair<string, string>> fields = [];
    private string token = "";

    public HttpClient Client { get; } = client;

    /// <summary>The wizard as last rendered (the whole page after Open, the fragment after a post).</summary>
    public IElement Wizard { get; private set; } = null!;

    public HttpResponseMessage Response { get; private set; } = null!;

    public static async Task<WizardSession> OpenAsync(HttpClient client)
    {
        var session = new WizardSession(client);
        var page = Html.Parse(await client.GetStringAsync(Page));
        session.Read(page.QuerySelector("#wizard")!);
        return session;
    }

    /// <summary>A second browser tab showing the same form (same idempotency key, same session).</summary>
    public WizardSession Clone() => new(Client) { fields = [.. fields], token = token, Wizard = Wizard };

    public string? Value(string name, int index = 0) => fields.Where(f => f.Key == name).Select(f => f.Value).ElementAtOrDefault(index);

    public WizardSession Set(string name, string value, int index = 0)
    {
        var at = fields.Select((f, i) => (f, i)).Where(x => x.f.Key == name).Select(x => x.i).ElementAtOrDefault(index);
        if (fields.Count(f => f.Key == name) > index)
        {
            fields[at] = new(name, value);
        }
        else
        {
            fields.Add(new(name, value));
        }

        return this;
    }

    public WizardSession Add(string name, string value)
    {
        fields.Add(new(name, value));
        return this;
    }

    /// <summary>Presses a button (its command) and reads the new wizard; returns the status.</summary>
    public async Task<System.Net.HttpStatusCode> PressAsync(string command, bool htmx = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Page)
        {
            Content = new FormUrlEncodedContent([.. fields, new("command", command)]),
        };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("HX-Target", "wizard");
            request.Headers.Add("RequestVerificationToken", token);
        }

        Response = await Client.SendAsync(request);
        var body = await Response.Content.ReadAsStringAsync();
        var root = htmx ? Html.ParseFragment(body) : Html.Parse(body).Body!;
        if (root.QuerySelector("#wizard") is { } wizard)
        {
            Read(wizard);
        }

        return Response.StatusCode;
    }

    /// <summary>The as-you-type check of one field with the form as it is now: the messages it answers.</summary>
    public async Task<IElement> ValidateAsync(string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Page}/validate?field={field}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", $"wizard-{field}-message");
        request.Headers.Add("RequestVerificationToken", token);
        var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Html.ParseFragment(await response.Content.ReadAsStringAsync()).QuerySelector($"#wizard-{field}-message")!;
    }

    public string ShownTab => Wizard.QuerySelector(".wizard-tab[aria-current=step]")!.FirstChild!.TextContent.Trim();

    public IReadOnlyList<string> MarkedTabs => [.. Wizard.QuerySelectorAll(".wizard-tab.has-errors").Select(t => t.FirstChild!.TextContent.Trim())];

    public IReadOnlyList<string> Messages(string field) =>
        [.. Wizard.QuerySelectorAll($"#wizard-{field}-message > div").Select(d => d.TextContent.Trim())];

    public string? Focused => Wizard.QuerySelector("[autofocus]")?.Id;

    private void Read(IElement wizard)
    {
        Wizard = wizard;
        token = wizard.GetAttribute("hx-headers") is { } json
            ? System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("RequestVerificationToken").GetString()!
            : token;
        var form = (IHtmlFormElement)wizard.QuerySelector("#wizard-form")!;
        fields = [];
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && input.Type is not ("submit" or "button") && !input.IsDisabled:
                    if (input.Type is "radio" or "checkbox" && !input.IsChecked)
                    {
                        break;
                    }

                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    fields.Add(new(name, option?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }
    }
}
