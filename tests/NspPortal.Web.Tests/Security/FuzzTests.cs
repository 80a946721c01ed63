using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>Bad input never crashes and never writes: FsCheck-generated hostile forms, query strings, paths and JSON bodies
/// against every form endpoint, page and API operation. Forms and bodies are invalid by construction (the generator keeps
/// one field impossible — an unknown account, an offered lifetime that is not offered, a password too short, a stale ETag —
/// while everything else is arbitrary): the answer must be a 4xx with an error body and the database must be unchanged.
/// Pages with junk query strings must never answer 5xx. A failure prints the seed; replay with NSPPORTAL_FUZZ_SEED.</summary>
public class FuzzTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly Guid Prod = DemoTenant.Production;
    private static readonly string Transition = $"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/transition";
    private static readonly string Profiles = $"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/profiles";
    private static readonly string InboundRules = Profiles + "/defaultProfile/inboundRules";
    private static readonly string Perimeter = $"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
    private static readonly string Tags = Perimeter + "/tags";
    private static readonly string Associations = Perimeter + "/associatedResources";
    private static readonly string NoSuchResource = $"/subscriptions/{Prod}/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/nosuchaccount";

    /// <summary>A form endpoint: where its token comes from, where it posts, its fields, and how to keep the input invalid.</summary>
    public sealed record FormTarget(string Name, string Page, string Post, string? Handler, string[] Fields, Action<List<KeyValuePair<string, string>>> KeepInvalid, bool Htmx = false, bool Anonymous = false)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<FormTarget> FormTargets() =>
    [
        new("sign in", "/signin", "/signin", "signin", ["Input.Email", "Input.Password"],
            f => Set(f, "Input.Email", $"fuzz-{Guid.NewGuid():N}@nowhere.test"), Anonymous: true),
        new("first run (closed)", "/signin", "/setup", "setup", ["Input.Email", "Input.Password", "Input.ConfirmPassword"], _ => { }, Anonymous: true),
        new("create token", "/account/tokens", "/account/tokens", "create-token", ["NewToken.Name", "NewToken.LifetimeDays"],
            f => { if (f.Find(p => p.Key == "NewToken.LifetimeDays").Value is "7" or "30" or "90" or "180" or "365") { Set(f, "NewToken.LifetimeDays", "31"); } }),
        new("revoke token", "/account/tokens", "/account/tokens", "revoke-token", ["Revoke.TokenId"], _ => { }),
        new("assign role", "/access-control?panel=add", "/access-control?panel=add", "add-role-assignment", ["Assign.Scope", "Assign.Role", "Assign.UserId"],
            f => Set(f, "Assign.UserId", $"no-such-user-{Guid.NewGuid():N}")),
        new("remove role", "/access-control", "/access-control", "remove-role-assignment", ["Remove.AssignmentId"], _ => { }),
        new("add user", "/access-control/users", "/access-control/users", "add-user", ["NewUser.Email", "NewUser.Password"],
            f => Set(f, "NewUser.Password", "short")),
        new("user action", "/access-control/users", "/access-control/users", "user-action", ["Action.Command"],
            f => { if (f.Find(p => p.Key == "Action.Command").Value is { } v && v.Contains(':', StringComparison.Ordinal)) { Set(f, "Action.Command", "delete:" + Guid.NewGuid()); } }),
        new("apply tags (htmx)", Tags, Tags + "/apply", null, ["etag", "name", "value", "name", "value"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("add to draft", Transition, Transition + "/draft/add", null, ["profile", "suggestion", "etag", "return"], f => Set(f, "profile", "fuzz-no-profile")),
        new("remove from draft", Transition, Transition + "/draft/remove", null, ["profile", "rule", "etag", "return"], _ => { }),
        new("discard draft", Transition, Transition + "/draft/discard", null, ["profile", "etag", "return"], _ => { }),
        new("apply draft", Transition, Transition + "/draft/apply", null, ["profile", "etag", "version", "return"], _ => { }),
        new("switch access mode", Transition, Transition + "/switch/apply", null, ["association", "resource", "mode", "etag", "reason", "confirm", "newlyDenied", "logged"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N"))),
        new("create perimeter wizard", Wizard, Wizard, "create-perimeter", WizardFields,
            f => { Set(f, "command", "create"); Set(f, "profileName", "bad profile name!"); }),
        new("create perimeter wizard (htmx)", Wizard, Wizard, "create-perimeter", WizardFields,
            f => { Set(f, "command", "create"); Set(f, "perimeterName", "-bad-"); }, Htmx: true),
        new("create profile (htmx)", Profiles, Profiles + "/create", null, ["name"],
            f => Set(f, "name", (f.Find(p => p.Key == "name").Value ?? "") + "/not-a-name"), Htmx: true),
        new("delete profile (htmx)", Profiles, Profiles + "/delete", null, ["name", "etag"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("save access rule (htmx)", InboundRules, InboundRules + "/save", null, ["isNew", "etag", "name", "sourceType", "values", "subscription", "yourValues"],
            f =>
            {
                // Always a bad line, and always a save (retype, fix and keepMine only show the pane again, by design).
                Set(f, "sourceType", "IPAddressRanges");
                Set(f, "values", (f.Find(p => p.Key == "values").Value ?? "") + "\n999.0.0.1/33");
                Set(f, "_action", "save");
            }, Htmx: true),
        new("delete access rule (htmx)", InboundRules, InboundRules + "/delete", null, ["name", "etag"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("change access mode (htmx)", Associations + "?pane=add", Associations + "/accessMode", null, ["selected", "etag", "selected", "etag", "value"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("configure public network access (htmx)", Associations + "?pane=add", Associations + "/publicNetworkAccess", null, ["selected", "etag", "value"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("move association (htmx)", Associations + "?pane=add", Associations + "/move", null, ["selected", "etag", "value"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("remove association (htmx)", Associations + "?pane=add", Associations + "/remove", null, ["selected", "etag"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("add association (htmx)", Associations + "?pane=add", Associations + "/add", null, ["profileChoice", "newProfile", "profile", "value", "resource"],
            f => Set(f, "resource", NoSuchResource), Htmx: true),
        new("delete perimeter (htmx)", Perimeter + "/overview?pane=delete", Perimeter + "/delete", null, ["etag", "confirmName", "force"],
            f => Set(f, "confirmName", "not-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("diagnostic settings (htmx)", Perimeter + "/diagnosticSettings", Perimeter + "/diagnosticSettings/save", null, ["etag", "category", "category", "destination"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        new("create link (htmx)", Perimeter + "/links?pane=create", Perimeter + "/links/create", null, ["linkName", "remote", "local", "remoteInbound", "description"],
            f => Set(f, "remote", $"/subscriptions/{Guid.NewGuid()}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/none"), Htmx: true),
        new("delete link (htmx)", Perimeter + "/links?pane=create", Perimeter + "/links/delete", null, ["link", "etag", "confirmName"],
            f => Set(f, "etag", "stale-" + Guid.NewGuid().ToString("N")), Htmx: true),
        // Fields only, never a file: every post is refused, none starts an import.
        new("import traffic logs", "/traffic/import", "/traffic/import", null, ["skipInvalid", "file"], _ => { }),
    ];

    private const string Wizard = "/create/Microsoft.Network/networkSecurityPerimeters";

    private static readonly string[] WizardFields =
    [
        "subscription", "resourceGroup", "createResourceGroup", "newResourceGroup", "perimeterName", "location", "profileName", "resource", "resourceAccessMode",
        "inboundName", "inboundSourceType", "inboundSources", "outboundName", "outboundDestinations", "tag.name", "tag.value", "tab", "visited",
        "idempotencyKey", "picker.open", "picker.selected", "command",
    ];

    [Theory]
    [MemberData(nameof(FormTargets))]
    public async Task HostileFormPostsAreRefusedWithAnErrorAndWriteNothing(FormTarget target)
    {
        var client = target.Anonymous ? portal.Factory.CreateAnonymousClient(allowAutoRedirect: false) : portal.Client(allowAutoRedirect: false);
        var token = await TokenAsync(client, target.Page);
        var before = await StateAsync();
        var inputs = FuzzInputs.Sample(FuzzInputs.Form(target.Fields), target.Name.Length);

        for (var i = 0; i < inputs.Count; i++)
        {
            var form = inputs[i];
            target.KeepInvalid(form);
            if (i % 10 != 9)
            {
                form.Add(new("__RequestVerificationToken", token)); // most carry a valid token, so the handlers themselves are tested
            }

            if (target.Handler is { } handler)
            {
                form.Add(new("_handler", i % 7 == 6 ? form[0].Value : handler));
            }

            var request = new HttpRequestMessage(HttpMethod.Post, target.Post) { Content = new FormUrlEncodedContent(form) };
            if (target.Htmx)
            {
                request.Headers.Add("HX-Request", "true");
                request.Headers.Add("RequestVerificationToken", i % 10 == 9 ? "garbled" : token);
            }

            var response = await client.SendAsync(request);
            await AssertRefusedAsync(response, $"{target.Name} #{i} {Describe(form)}");
        }

        Assert.True(before == await StateAsync(), $"{target.Name} changed the database (seed {FuzzInputs.Seed})");
    }

    [Fact]
    public async Task FormEndpointsRefuseBodiesThatAreNotForms()
    {
        var client = portal.Client(allowAutoRedirect: false);
        var before = await StateAsync();
        var bodies = new HttpContent[]
        {
            new StringContent("{\"NewToken.Name\":\"x\"}", Encoding.UTF8, "application/json"),
            new ByteArrayContent([0xff, 0xfe, 0x00, 0x01]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
            new StringContent("%%%=%%%&&&==", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent(new string('a', 5_000_000), Encoding.UTF8, "application/x-www-form-urlencoded"),
            Typed("x", "multipart/form-data; boundary=nope"),
            new StringContent("", Encoding.UTF8, "text/plain"),
        };

        foreach (var url in new[] { "/signin", "/account/tokens", "/access-control", "/access-control/users", Tags + "/apply", Profiles + "/create", InboundRules + "/save", "/signout", Wizard, Wizard + "/validate?field=name", "/traffic/import" })
        {
            foreach (var body in bodies)
            {
                var response = await client.PostAsync(url, body);
                await AssertRefusedAsync(response, $"{url} with {body.Headers.ContentType}");
            }
        }

        Assert.True(before == await StateAsync(), "a non-form body changed the database");
    }

    public static TheoryData<string, string[]> Pages() => new()
    {
        { "/", ["x"] },
        { "/browse/Microsoft.Network/networkSecurityPerimeters", ["filter", "subscription", "sort", "desc", "page"] },
        { "/browse/all", ["filter", "subscription", "type", "sort", "desc", "page"] },
        { "/search", ["q"] },
        { "/activitylog", ["x"] },
        { "/access-control", ["scope", "panel", "done"] },
        { "/access-control/users", ["done"] },
        { "/account/tokens", ["x"] },
        { "/traffic/import", ["x"] },
        { Tags, ["result"] },
        { Transition, ["association", "days", "profile", "broadest", "whatif", "unused", "result", "message"] },
        { Transition + "/switch", ["association", "days", "error", "reason", "message"] },
        { Transition.Replace("/transition", "/logs", StringComparison.Ordinal), ["range", "category", "resource", "profile", "source", "subscription", "fqdn", "result", "after"] },
        { Transition.Replace("/transition", "/troubleshoot", StringComparison.Ordinal), ["log", "direction", "resource", "sourceIp", "sourceSubscription", "sourceResource", "auth", "private", "trusted", "fqdn", "destinationResource"] },
        { Profiles, ["panel", "result", "profile"] },
        { InboundRules, ["panel", "rule", "result"] },
        { "/signin", ["returnUrl"] },
        { Wizard, ["tab", "x"] },
        { "/pickers/resources", ["picker.subscription", "picker.type", "picker.name", "picker.page", "picker.selected", "picker.exclude"] },
        { $"/deployments/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod", ["x"] },
        { $"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview", ["x", "pane"] },
        { Associations, ["pane", "selected", "selected", "result"] },
        { Perimeter + "/links", ["pane", "link", "result", "linkName", "remote", "remoteId", "local", "remoteInbound", "description"] },
        { Perimeter + "/linkReferences", ["result"] },
        { Perimeter + "/diagnosticSettings", ["result"] },
        { Perimeter + "/exportTemplate", ["format"] },
        { Perimeter + "/activitylog", ["page"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PagesWithJunkQueryStringsNeverFail(string page, string[] parameters)
    {
        var client = portal.Client(allowAutoRedirect: false);
        var htmx = portal.HtmxClient("perimeter-grid");
        var inputs = FuzzInputs.Sample(FuzzInputs.Form(parameters), page.Length);

        for (var i = 0; i < inputs.Count; i++)
        {
            var query = string.Join('&', inputs[i].Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            var response = await (i % 2 == 0 ? client : htmx).GetAsync($"{page}?{query}");
            Assert.True((int)response.StatusCode < 500, $"GET {page}?{Short(query)}: {(int)response.StatusCode} (seed {FuzzInputs.Seed})");
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Redirect)
            {
                Assert.NotEmpty(await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task ResourcePathsWithJunkSegmentsNeverFail()
    {
        var client = portal.Client(allowAutoRedirect: false);
        var segments = FuzzInputs.Sample(FuzzInputs.Value.ListOf(5), 7);

        foreach (var s in segments)
        {
            // NUL never reaches the portal: Kestrel refuses such a request line itself (TestServer throws instead).
            var e = s.Select(v => Uri.EscapeDataString(v.Replace("\0", "", StringComparison.Ordinal) is { Length: > 0 } t ? t : "x")).ToArray();
            foreach (var path in new[]
            {
                $"/resource/subscriptions/{Prod}/resourceGroups/{e[0]}/providers/Microsoft.Network/networkSecurityPerimeters/{e[1]}/overview",
                $"/resource/subscriptions/{Prod}/resourceGroups/{e[0]}/providers/{e[2]}/{e[3]}/{e[4]}",
                $"/resource/subscriptions/{e[0]}/resourceGroups/{e[1]}/providers/Microsoft.Network/networkSecurityPerimeters/{e[2]}/tags",
                $"/{e[0]}/{e[1]}",
            })
            {
                var response = await client.GetAsync(path);
                Assert.True((int)response.StatusCode < 500, $"GET {path}: {(int)response.StatusCode} (seed {FuzzInputs.Seed})");
            }
        }
    }

    [Fact]
    public async Task HostileRoleAssignmentCallsAreRefusedWithAnArmErrorAndWriteNothing()
    {
        var api = portal.Factory.CreateApiClient();
        var before = await StateAsync();
        var valid = new Dictionary<string, string>
        {
            ["roleDefinitionId"] = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
        };
        var bodies = FuzzInputs.Sample(
            from shape in Gen.Choose(0, 5)
            from a in FuzzInputs.Value
            from b in FuzzInputs.Value
            from name in Gen.Frequency((3, Gen.Fresh(() => Guid.NewGuid().ToString())), (1, FuzzInputs.Value))
            from version in Gen.Frequency((4, Gen.Constant("2022-04-01")), (1, FuzzInputs.Value))
            select (shape, a, b, name, version), 11);

        foreach (var (shape, a, b, name, version) in bodies)
        {
            // principalId is never an existing user, so even a well-formed body must be refused.
            var body = shape switch
            {
                0 => JsonSerializer.Serialize(new { properties = new { roleDefinitionId = valid["roleDefinitionId"], principalId = "fuzz-" + a } }),
                1 => JsonSerializer.Serialize(new { properties = new { roleDefinitionId = a, principalId = "fuzz-" + b } }),
                2 => JsonSerializer.Serialize(new { properties = a }),
                3 => a,
                4 => "{\"properties\":{\"roleDefinitionId\":" + a + ",\"principalId\":[" + b + "]}}",
                _ => JsonSerializer.Serialize(new[] { a, b }),
            };
            var segment = name.Replace("\0", "", StringComparison.Ordinal);
            var url = $"/subscriptions/{Prod}/providers/Microsoft.Authorization/roleAssignments/{Uri.EscapeDataString(segment.Length == 0 ? "x" : segment)}?api-version={Uri.EscapeDataString(version)}";
            var response = await api.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"PUT {url} {body}: {(int)response.StatusCode} {text} (seed {FuzzInputs.Seed})");
            using var error = JsonDocument.Parse(text);
            Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("error").GetProperty("code").GetString()));

            var other = await api.GetAsync($"/subscriptions/{Prod}/providers/Microsoft.Authorization/roleAssignments?api-version={Uri.EscapeDataString(version)}");
            Assert.True((int)other.StatusCode < 500, $"GET with api-version {version}: {(int)other.StatusCode}");
        }

        Assert.True(before == await StateAsync(), $"a refused API call changed the database (seed {FuzzInputs.Seed})");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500,
            $"{what}: expected 4xx, got {(int)response.StatusCode} (seed {FuzzInputs.Seed})\n{(body.Length > 600 ? body[..600] : body)}");
        Assert.False(string.IsNullOrWhiteSpace(body), $"{what}: {(int)response.StatusCode} without an error body");
    }

    private async Task<string> StateAsync()
    {
        await using var db = portal.Factory.CreateDbContext();
        return await StoredState.TakeAsync(db);
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var document = Html.Parse(await client.GetStringAsync(page));
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static StringContent Typed(string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static void Set(List<KeyValuePair<string, string>> form, string name, string value)
    {
        form.RemoveAll(p => p.Key == name);
        form.Add(new(name, value));
    }

    private static string Describe(List<KeyValuePair<string, string>> form) =>
        string.Join('&', form.Where(p => p.Key != "__RequestVerificationToken").Select(p => $"{p.Key}={(p.Value.Length > 40 ? p.Value[..40] + "…" : p.Value)}"));
}
