using Microsoft.AspNetCore.Http.HttpResults;
using NspPortal.Data;
using NspPortal.Data.Security;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.CreatePerimeter;

/// <summary>The wizard's as-you-type check: <c>POST /create/…/networkSecurityPerimeters/validate?field={key}</c> with the
/// whole form (htmx posts the enclosing form). Runs the same validation as Create — the API's validators and the
/// database checks (name taken in the resource group, resource already in a perimeter) — and answers the messages of
/// that one field (<see cref="FieldMessage"/>), always 200: the answer is information, nothing is written.</summary>
internal static class WizardValidationEndpoint
{
    public const string Route = CreatePerimeterPage.Route + "/validate";

    public static string Url(string field) => $"{Route}?field={Uri.EscapeDataString(field)}";

    public static void MapWizardValidation(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, ValidateAsync).RequirePermission(NspPermission.Write);

    private static async Task<RazorComponentResult<FieldMessage>> ValidateAsync(string? field, IFormCollection form, NspDbContext db, CurrentAccess access, HttpContext context)
    {
        var key = field is { Length: > 0 and <= 64 } f && f.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? f : FieldKeys.Create;
        var draft = WizardDraft.FromForm(form);
        var choices = await WizardChoices.LoadAsync(db, draft, await access.GrantsAsync(context.RequestAborted), context.RequestAborted);
        var issues = await WizardValidator.ValidateAsync(draft, db, choices, context.RequestAborted);
        return new RazorComponentResult<FieldMessage>(new Dictionary<string, object?>
        {
            [nameof(FieldMessage.Key)] = key,
            [nameof(FieldMessage.Issues)] = issues.For(key),
        });
    }
}
