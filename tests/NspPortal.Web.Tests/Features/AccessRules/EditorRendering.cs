using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Features.AccessRules;

/// <summary>Renders the blade editors (which hold forms with <c>&lt;AntiforgeryToken /&gt;</c>) outside a request, with a
/// fixed token.</summary>
internal static class EditorRendering
{
    public const string Token = "test-antiforgery-token";

    public static Task<string> RenderAsync<T>(Dictionary<string, object?> parameters) where T : IComponent =>
        ComponentRenderer.RenderAsync<T>(parameters, services => services.AddSingleton<AntiforgeryStateProvider>(new FixedToken()));

    private sealed class FixedToken : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
