using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace NspPortal.TestSupport;

/// <summary>Posts the portal's forms the way a browser does: loads the page, takes the form's hidden fields (the
/// antiforgery token, the form name Blazor needs) and its defaults, overrides them with <c>fields</c>, and posts to
/// the form's action. <c>await client.SubmitFormAsync("/account/tokens", "form.inline-form", new() { ["NewToken.Name"] = "ci" })</c>.</summary>
public static class Forms
{
    /// <summary>Loads <paramref name="pageUrl"/>, fills the form matched by <paramref name="formSelector"/> and posts it.
    /// <paramref name="submit"/> adds a clicked button's name and value (e.g. <c>("Remove.AssignmentId", id)</c>).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string formSelector,
        IDictionary<string, string> fields, (string Name, string Value)? submit = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = Html.Parse(await client.GetStringAsync(pageUrl));
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var values = DefaultsOf(form);
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        if (submit is { } button)
        {
            values.Add(new(button.Name, button.Value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The antiforgery token a page carries for htmx (<c>&lt;body hx-headers&gt;</c>; in a fragment, the token of
    /// its first form), to send as a header. Use the same client for the token and the post: the token is bound to that
    /// client's antiforgery cookie and user.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = Html.Parse(await client.GetStringAsync(pageUrl));
        if (page.Body?.GetAttribute("hx-headers") is { } json)
        {
            return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("RequestVerificationToken").GetString()!;
        }

        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} carries no antiforgery token.");
    }

    /// <summary>Adds the antiforgery header htmx sends.</summary>
    public static void AddAntiforgeryHeader(this HttpRequestHeaders headers, string token)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Add("RequestVerificationToken", token);
    }

    private static List<KeyValuePair<string, string>> DefaultsOf(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && input.Type is not ("submit" or "button"):
                    if (input.Type is "radio" or "checkbox" && !input.IsChecked)
                    {
                        break;
                    }

                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (option is not null)
                    {
                        values.Add(new(name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        return values;
    }
}
