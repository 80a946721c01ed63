namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>Attributes the wizard's inputs share.</summary>
public static class WizardHtml
{
    /// <summary>The as-you-type check: after a pause in typing (or on change) the whole form is posted to
    /// <see cref="WizardValidationEndpoint"/>, which answers this field's messages; only they are swapped, so the
    /// input keeps its text, caret and focus.</summary>
    /// <param name="key">The field (<see cref="FieldKeys"/>).</param>
    /// <param name="alsoWhen">More triggers, e.g. <c>change from:#wizard-resourceGroup</c> for the name (taken or not
    /// depends on the group).</param>
    public static IReadOnlyDictionary<string, object> Validate(string key, string? alsoWhen = null) => new Dictionary<string, object>
    {
        ["hx-post"] = WizardValidationEndpoint.Url(key),
        ["hx-trigger"] = "input changed delay:400ms, change" + (alsoWhen is null ? "" : ", " + alsoWhen),
        ["hx-target"] = "#" + FieldKeys.MessageId(key),
        ["hx-swap"] = "outerHTML",
        ["hx-sync"] = "this:queue last",
        ["aria-describedby"] = FieldKeys.MessageId(key),
    };

    /// <summary>A change that alters what the tab shows (subscription → its resource groups, source type → its hint):
    /// the wizard is rendered again in place with the draft as it is.</summary>
    public static IReadOnlyDictionary<string, object> Refresh { get; } = new Dictionary<string, object>
    {
        ["hx-post"] = CreatePerimeterPage.Route,
        ["hx-trigger"] = "change",
        ["hx-target"] = "#" + CreatePerimeterPage.WizardId,
        ["hx-swap"] = "outerHTML",
        ["hx-vals"] = """{"command":"stay"}""",
    };
}
