using NspPortal.TestSupport;
using NspPortal.Web.Features.Profiles;
using NspPortal.Web.Tests.Features.AccessRules;

namespace NspPortal.Web.Tests.Features.Profiles;

/// <summary>The Profiles grid as a component: the empty state, the rows with their counts, a refusal, the create pane
/// with a name error.</summary>
public class ProfilesEditorTests
{
    private static readonly Guid Subscription = Guid.Parse("8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f");
    private static readonly string Blade = $"/resource/subscriptions/{Subscription}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityPerimeters/nsp-a/profiles";

    private static Task<string> Render(ProfilesView view, ProfileForm? pane = null, string? message = null, string kind = "success") =>
        EditorRendering.RenderAsync<ProfilesEditor>(new()
        {
            [nameof(ProfilesEditor.View)] = view,
            [nameof(ProfilesEditor.Pane)] = pane,
            [nameof(ProfilesEditor.Message)] = message,
            [nameof(ProfilesEditor.MessageKind)] = kind,
        });

    [Fact]
    public async Task APerimeterWithoutProfilesSaysWhatAProfileIs()
    {
        var html = await Render(new ProfilesView(Subscription, "rg-net", "nsp-a", [], CanWrite: true));

        Html.AssertEquivalent("""
            <div id="profiles-editor" class="profiles-editor">
              <div class="empty-state">
                <svg diff:ignore></svg>
                <h2>No profiles</h2>
                <p>A profile is a named set of inbound and outbound access rules; each associated resource uses one profile. Create one to add rules and associate resources with it.</p>
              </div>
            </div>
            """, html);
    }

    [Fact]
    public async Task EachRowLinksToTheProfilesRulesAndOffersDelete()
    {
        var view = new ProfilesView(Subscription, "rg-net", "nsp-a", [new ProfileRow("p1", "etag-1", 3, 1, 2, 7)], CanWrite: true);

        var row = Html.ParseFragment(await Render(view)).QuerySelector("tr[data-profile=p1]")!;

        Html.AssertEquivalent($$"""
            <tr data-profile="p1">
              <td><a href="{{Blade}}/p1/inboundRules">p1</a></td>
              <td class="num"><a href="{{Blade}}/p1/inboundRules" aria-label="3 inbound rules of p1">3</a></td>
              <td class="num"><a href="{{Blade}}/p1/outboundRules" aria-label="1 outbound rule of p1">1</a></td>
              <td class="num">2</td>
              <td><div class="row-actions">
                <form method="post" action="{{Blade}}/delete" hx-post="{{Blade}}/delete" hx-target="#profiles-editor" hx-swap="outerHTML" hx-confirm="Delete the profile 'p1' and its 4 access rules?">
                  <input type="hidden" name="__RequestVerificationToken" value="{{EditorRendering.Token}}">
                  <input type="hidden" name="name" value="p1"><input type="hidden" name="etag" value="etag-1">
                  <button type="submit" class="cmd" aria-label="Delete p1" title="In use by 2 associated resources: move or remove them first"><svg diff:ignore></svg></button>
                </form>
              </div></td>
            </tr>
            """, row.OuterHtml);
    }

    [Fact]
    public async Task ARefusedDeleteIsAnAlertThatTakesTheFocus()
    {
        var view = new ProfilesView(Subscription, "rg-net", "nsp-a", [new ProfileRow("p1", "e", 0, 0, 1, 0)], CanWrite: false);

        var editor = Html.ParseFragment(await Render(view, message: "The profile was not deleted. It is in use.", kind: "error"));

        Html.AssertEquivalent("""
            <div class="messagebar error" role="alert" tabindex="-1" data-autofocus><svg diff:ignore></svg><span>The profile was not deleted. It is in use.</span></div>
            """, editor.QuerySelector(".messagebar")!.OuterHtml);
        Assert.Empty(editor.QuerySelectorAll("form")); // a reader gets no delete
    }

    [Fact]
    public async Task TheCreatePaneShowsTheNameErrorNextToTheFieldWithTheTypedName()
    {
        var view = new ProfilesView(Subscription, "rg-net", "nsp-a", [], CanWrite: true);

        var editor = Html.ParseFragment(await Render(view, new ProfileForm("-bad", "'-bad' must start with a letter or digit.")));

        Html.AssertEquivalent("""
            <div class="field">
              <label for="profile-name" class="required">Profile name</label>
              <input id="profile-name" name="name" type="text" maxlength="80" value="-bad" autocomplete="off" spellcheck="false" required autofocus data-autofocus
                     aria-invalid="true" aria-describedby="profile-name-hint profile-name-error">
              <span class="hint" id="profile-name-hint">Letters, digits, '_', '.' and '-', up to 80 characters; unique in the perimeter.</span>
              <span class="field-error" id="profile-name-error"><svg diff:ignore></svg>'-bad' must start with a letter or digit.</span>
            </div>
            """, editor.QuerySelector(".profile-form .field")!.OuterHtml);
    }
}
