using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data.Security;
using NspPortal.Data.Seeding;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>Every caller against every read and write operation, pages, htmx fragments and API alike, checked against the
/// golden table <c>RoleMatrix.csv</c>. A new operation is one entry in <see cref="Operations"/> plus one row in the
/// table; the test fails when the two disagree.</summary>
public class RoleMatrixTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly Guid Prod = DemoTenant.Production;
    private static readonly string ProdPerimeter = $"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
    private static readonly string ProdIam = $"/access-control?scope=%2Fsubscriptions%2F{Prod}";
    private const string Api = "?api-version=2022-04-01";

    private static readonly Dictionary<string, (NspRole Role, NspScope Scope)?> Callers = new()
    {
        ["anonymous"] = null,
        ["no-role"] = null,
        ["reader"] = (NspRole.Reader, NspScope.Subscription(Prod)),
        ["troubleshooter"] = (NspRole.Troubleshooter, NspScope.Subscription(Prod)),
        ["contributor"] = (NspRole.Contributor, NspScope.Subscription(Prod)),
        ["owner"] = (NspRole.Owner, NspScope.Subscription(Prod)),
        ["owner-root"] = (NspRole.Owner, NspScope.Root),
        ["reader-dev"] = (NspRole.Reader, NspScope.Subscription(DemoTenant.Development)),
        ["owner-dev"] = (NspRole.Owner, NspScope.Subscription(DemoTenant.Development)),
    };

    private delegate Task<HttpResponseMessage> Operation(RoleMatrixTests test, Caller caller);

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["ui.home"] = (t, c) => c.Page.GetAsync("/"),
        ["ui.perimeters"] = (t, c) => c.Page.GetAsync("/browse/Microsoft.Network/networkSecurityPerimeters"),
        ["ui.perimeters.fragment"] = (t, c) => c.Page.SendAsync(Htmx(HttpMethod.Get, "/browse/Microsoft.Network/networkSecurityPerimeters?filter=prod", "perimeter-grid")),
        ["ui.all-resources"] = (t, c) => c.Page.GetAsync("/browse/all"),
        ["ui.search"] = (t, c) => c.Page.GetAsync("/search?q=contoso"),
        ["ui.activity-log"] = (t, c) => c.Page.GetAsync("/activitylog"),
        ["ui.perimeter.overview.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/overview"),
        ["ui.resource.prod"] = (t, c) => c.Page.GetAsync($"/resource/subscriptions/{Prod}/resourceGroups/rg-prod-data/providers/Microsoft.Sql/servers/sql-contoso-orders/overview"),
        ["ui.tags.view.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/tags"),
        ["ui.tags.apply.prod"] = (t, c) => t.ApplyTagsAsync(c),
        ["ui.traffic.import"] = (t, c) => c.Page.GetAsync("/traffic/import"),
        ["ui.profiles.view.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/profiles"),
        ["ui.profiles.create.prod"] = (t, c) => PostToBladeAsync(c, ProdPerimeter + "/profiles/create", "profiles-editor", [new("name", $"matrix-{Guid.NewGuid():N}"[..20])]),
        ["ui.profiles.delete.prod"] = async (t, c) =>
        {
            var (profile, etag) = await t.NewProfileAsync();
            return await PostToBladeAsync(c, ProdPerimeter + "/profiles/delete", "profiles-editor", [new("name", profile), new("etag", etag)]);
        },
        ["ui.rules.view.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/profiles/defaultProfile/inboundRules"),
        ["ui.rules.save.prod"] = async (t, c) =>
        {
            var (profile, _) = await t.NewProfileAsync();
            return await PostToBladeAsync(c, $"{ProdPerimeter}/profiles/{profile}/inboundRules/save", "rules-editor",
                [new("isNew", "true"), new("name", "matrix"), new("sourceType", "IPAddressRanges"), new("values", "203.0.113.0/24"), new("_action", "save")]);
        },
        ["ui.rules.delete.prod"] = async (t, c) =>
        {
            var (profile, _) = await t.NewProfileAsync(withRule: true);
            var etag = await t.RuleETagAsync(profile);
            return await PostToBladeAsync(c, $"{ProdPerimeter}/profiles/{profile}/inboundRules/delete", "rules-editor", [new("name", "r1"), new("etag", etag)]);
        },
        ["ui.logs.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/logs"),
        ["ui.logs.export.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/logs/export.csv"),
        ["ui.troubleshoot.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/troubleshoot"),
        ["ui.transition.view.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/transition"),
        ["ui.transition.switch.view.prod"] = (t, c) => t.SwitchPageAsync(c),
        ["ui.transition.draft.add.prod"] = (t, c) => PostFormAsync(c, ProdPerimeter + "/transition/draft/add", new()
        {
            ["profile"] = "defaultProfile",
            ["suggestion"] = "AddressPrefix:198.51.100.0/24",
        }),
        ["ui.transition.draft.apply.prod"] = (t, c) => PostFormAsync(c, ProdPerimeter + "/transition/draft/apply", new()
        {
            ["profile"] = "defaultProfile",
            ["etag"] = "stale",
            ["version"] = "0",
        }),
        ["ui.transition.switch.prod"] = (t, c) => t.SwitchAsync(c),
        ["ui.associations.view.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/associatedResources"),
        ["ui.associations.mode.prod"] = (t, c) => t.ToggleAccessModeAsync(c),
        ["ui.perimeter.delete.prod"] = (t, c) => PostHtmxAsync(c, ProdPerimeter + "/delete", "perimeter-delete", [new("etag", "x"), new("confirmName", "not-the-name")]),
        ["ui.diagnostics.save.prod"] = (t, c) => t.SaveDiagnosticsAsync(c),
        ["ui.export.download.prod"] = (t, c) => c.Page.GetAsync(ProdPerimeter + "/exportTemplate/download?format=bicep"),
        ["ui.iam.view.prod"] = (t, c) => c.Page.GetAsync(ProdIam),
        ["ui.iam.assign.prod"] = (t, c) => t.AssignThroughIamAsync(c),
        ["ui.iam.remove.prod"] = (t, c) => t.RemoveThroughIamAsync(c),
        ["ui.users.view"] = (t, c) => c.Page.GetAsync("/access-control/users"),
        ["ui.tokens"] = (t, c) => c.Page.GetAsync("/account/tokens"),
        ["ui.create.view"] = (t, c) => c.Page.GetAsync(CreateWizard),
        ["ui.create.validate"] = (t, c) => ValidateInWizardAsync(c),
        ["ui.create.submit.prod"] = (t, c) => CreateThroughWizardAsync(c),
        ["ui.picker.fragment"] = (t, c) => c.Page.SendAsync(Htmx(HttpMethod.Get, "/pickers/resources?picker.name=contoso", "resource-picker-results")),
        ["ui.deployment.prod"] = (t, c) => c.Page.GetAsync($"/deployments/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod"),
        ["api.roleAssignments.list.root"] = (t, c) => c.Api.GetAsync("/providers/Microsoft.Authorization/roleAssignments" + Api),
        ["api.roleAssignments.list.prod"] = (t, c) => c.Api.GetAsync($"/subscriptions/{Prod}/providers/Microsoft.Authorization/roleAssignments" + Api),
        ["api.roleAssignments.put.prod"] = (t, c) => t.PutAssignmentAsync(c),
        ["api.roleAssignments.delete.prod"] = (t, c) => t.DeleteAssignmentAsync(c),
    };

    public static TheoryData<string, string, int> Cells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (operation, caller, status) in ReadTable())
        {
            data.Add(operation, caller, status);
        }

        return data;
    }

    [Fact]
    public void TheTableCoversEveryOperationAndCaller()
    {
        var table = ReadTable();
        Assert.Equal(Operations.Keys.Order(), table.Select(c => c.Operation).Distinct().Order());
        Assert.All(table.GroupBy(c => c.Operation), row => Assert.Equal(Callers.Keys.Order(), row.Select(c => c.Caller).Order()));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachCallerGetsWhatTheTableSays(string operation, string caller, int expected)
    {
        var response = await Operations[operation](this, await CallerAsync(caller));

        Assert.True(expected == (int)response.StatusCode,
            $"{operation} as {caller}: expected {expected}, got {(int)response.StatusCode}\n{Truncate(await response.Content.ReadAsStringAsync())}");
    }

    private sealed record Caller(string Name, HttpClient Page, HttpClient Api, bool SignedIn);

    private async Task<Caller> CallerAsync(string name)
    {
        if (name == "anonymous")
        {
            return new Caller(name, portal.Factory.CreateAnonymousClient(allowAutoRedirect: false), portal.Factory.CreateAnonymousClient(allowAutoRedirect: false), false);
        }

        string email;
        if (Callers[name] is { } role)
        {
            email = await portal.Factory.EnsureUserAsync(role.Role, role.Scope);
        }
        else
        {
            email = "matrix.no-role@nspportal.test";
            await portal.Factory.EnsureUserAsync(email);
        }

        var page = await portal.Factory.CreateSignedInClientAsync(email, allowAutoRedirect: false);
        var token = await TokenAsync(email);
        return new Caller(name, page, portal.Factory.CreateApiClient(token), true);
    }

    private readonly Dictionary<string, string> tokens = [];

    private async Task<string> TokenAsync(string email)
    {
        if (!tokens.TryGetValue(email, out var token))
        {
            token = await portal.Factory.CreatePersonalAccessTokenAsync(email, "matrix");
            tokens[email] = token;
        }

        return token;
    }

    /// <summary>Posts like htmx does from the Tags blade, with the current ETag and the caller's antiforgery token.</summary>
    private async Task<HttpResponseMessage> ApplyTagsAsync(Caller caller)
    {
        string etag;
        await using (var db = portal.Factory.CreateDbContext())
        {
            etag = (await db.Perimeters.SingleAsync(p => p.Name == "nsp-contoso-prod")).ETag;
        }

        var request = Htmx(HttpMethod.Post, ProdPerimeter + "/tags/apply", "tags-editor");
        request.Content = new FormUrlEncodedContent([new("etag", etag), new("name", "matrix"), new("value", caller.Name)]);
        if (caller.SignedIn)
        {
            request.Headers.Add("RequestVerificationToken", await caller.Page.AntiforgeryTokenAsync("/account/tokens"));
        }

        return await caller.Page.SendAsync(request);
    }

    /// <summary>Associated resources › Change access mode of stcontosoorders, to the other of Transition and Audit (so each
    /// allowed caller really changes it), with its current ETag.</summary>
    private async Task<HttpResponseMessage> ToggleAccessModeAsync(Caller caller)
    {
        NspPortal.Data.Entities.ResourceAssociationEntity association;
        await using (var db = portal.Factory.CreateDbContext())
        {
            association = await db.ResourceAssociations.SingleAsync(a => a.PaasResource!.Name == "stcontosoorders");
        }

        var mode = association.AccessMode == NspPortal.Engine.Model.AccessMode.Learning ? "Audit" : "Learning";
        return await PostHtmxAsync(caller, ProdPerimeter + "/associatedResources/accessMode", "associations",
            [new("selected", association.Name), new("etag", association.ETag), new("value", mode)]);
    }

    /// <summary>Diagnostic settings › Save with the current ETag.</summary>
    private async Task<HttpResponseMessage> SaveDiagnosticsAsync(Caller caller)
    {
        string etag;
        await using (var db = portal.Factory.CreateDbContext())
        {
            etag = (await db.LoggingConfigurations.SingleAsync(c => c.Perimeter!.Name == "nsp-contoso-prod")).ETag;
        }

        return await PostHtmxAsync(caller, ProdPerimeter + "/diagnosticSettings/save", "diagnostic-settings",
            [new("etag", etag), new("category", "NspPublicInboundPerimeterRulesDenied"), new("destination", caller.Name)]);
    }

    /// <summary>Posts like htmx does from a perimeter blade, with the caller's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostHtmxAsync(Caller caller, string url, string target, KeyValuePair<string, string>[] fields)
    {
        var request = Htmx(HttpMethod.Post, url, target);
        request.Content = new FormUrlEncodedContent(fields);
        if (caller.SignedIn)
        {
            request.Headers.Add("RequestVerificationToken", await caller.Page.AntiforgeryTokenAsync("/account/tokens"));
        }

        return await caller.Page.SendAsync(request);
    }

    private async Task<string> StorageOrdersAssociationAsync()
    {
        await using var db = portal.Factory.CreateDbContext();
        return (await db.ResourceAssociations.SingleAsync(a => a.PaasResource!.Name == "stcontosoorders")).Name;
    }

    private async Task<HttpResponseMessage> SwitchPageAsync(Caller caller) =>
        await caller.Page.GetAsync(ProdPerimeter + "/transition/switch?association=" + await StorageOrdersAssociationAsync());

    /// <summary>The switch to Enforced (a Write) with a stale ETag, so nothing changes and every caller with Write gets 409.</summary>
    private async Task<HttpResponseMessage> SwitchAsync(Caller caller) =>
        await PostFormAsync(caller, ProdPerimeter + "/transition/switch/apply", new()
        {
            ["association"] = await StorageOrdersAssociationAsync(),
            ["resource"] = "stcontosoorders",
            ["mode"] = "Enforced",
            ["reason"] = "role matrix",
            ["etag"] = "stale", // a Write caller gets 409 "changed by someone else": the same answer in any order
        });

    /// <summary>Posts like htmx does from a blade editor, with the caller's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostToBladeAsync(Caller caller, string url, string target, List<KeyValuePair<string, string>> fields)
    {
        var request = Htmx(HttpMethod.Post, url, target);
        request.Content = new FormUrlEncodedContent(fields);
        if (caller.SignedIn)
        {
            request.Headers.Add("RequestVerificationToken", await caller.Page.AntiforgeryTokenAsync("/account/tokens"));
        }

        return await caller.Page.SendAsync(request);
    }

    /// <summary>A fresh profile in the production perimeter (through the API), optionally with one inbound rule r1.</summary>
    private async Task<(string Name, string ETag)> NewProfileAsync(bool withRule = false)
    {
        var name = $"matrix-{Guid.NewGuid():N}"[..20];
        var api = portal.Factory.CreateApiClient();
        var perimeter = $"/subscriptions/{Prod}/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod";
        (await api.PutAsJsonAsync($"{perimeter}/profiles/{name}?api-version=2025-05-01", new { properties = new { } })).EnsureSuccessStatusCode();
        if (withRule)
        {
            (await api.PutAsJsonAsync($"{perimeter}/profiles/{name}/accessRules/r1?api-version=2025-05-01",
                new { properties = new { direction = "Inbound", addressPrefixes = new[] { "198.51.100.0/24" } } })).EnsureSuccessStatusCode();
        }

        await using var db = portal.Factory.CreateDbContext();
        return (name, await db.Profiles.Where(p => p.Name == name).Select(p => p.ETag).SingleAsync());
    }

    private async Task<string> RuleETagAsync(string profile)
    {
        await using var db = portal.Factory.CreateDbContext();
        return await db.AccessRules.Where(r => r.Profile!.Name == profile).Select(r => r.ETag).SingleAsync();
    }

    private const string CreateWizard = "/create/Microsoft.Network/networkSecurityPerimeters";

    /// <summary>The wizard's as-you-type check of the name, as htmx posts it.</summary>
    private static async Task<HttpResponseMessage> ValidateInWizardAsync(Caller caller)
    {
        var request = Htmx(HttpMethod.Post, CreateWizard + "/validate?field=name", "wizard-name-message");
        request.Content = new FormUrlEncodedContent([new("subscription", Prod.ToString()), new("resourceGroup", "rg-prod-network"), new("perimeterName", "nsp-contoso-prod")]);
        if (caller.SignedIn)
        {
            request.Headers.Add("RequestVerificationToken", await caller.Page.AntiforgeryTokenAsync("/account/tokens"));
        }

        return await caller.Page.SendAsync(request);
    }

    /// <summary>The wizard's Create for a new perimeter in the production subscription, as a plain form post.</summary>
    private static async Task<HttpResponseMessage> CreateThroughWizardAsync(Caller caller) =>
        await PostFormAsync(caller, CreateWizard, new()
        {
            ["_handler"] = "create-perimeter",
            ["subscription"] = Prod.ToString(),
            ["resourceGroup"] = "rg-prod-network",
            ["perimeterName"] = $"nsp-matrix-{Guid.NewGuid():N}",
            ["location"] = "westeurope",
            ["profileName"] = "defaultProfile",
            ["command"] = "create",
        });

    /// <summary>The Add role assignment panel, as an Owner of the scope would submit it.</summary>
    private async Task<HttpResponseMessage> AssignThroughIamAsync(Caller caller)
    {
        var target = await NewUserIdAsync();
        return await PostFormAsync(caller, ProdIam + "&panel=add", new()
        {
            ["_handler"] = "add-role-assignment",
            ["Assign.Scope"] = $"/subscriptions/{Prod}",
            ["Assign.Role"] = "Reader",
            ["Assign.UserId"] = target,
        });
    }

    /// <summary>The Remove button of the role-assignments grid, for a fresh assignment at the production subscription.</summary>
    private async Task<HttpResponseMessage> RemoveThroughIamAsync(Caller caller)
    {
        var assignment = await NewAssignmentAsync();
        return await PostFormAsync(caller, ProdIam, new()
        {
            ["_handler"] = "remove-role-assignment",
            ["Remove.AssignmentId"] = assignment.ToString(),
        });
    }

    private async Task<HttpResponseMessage> PutAssignmentAsync(Caller caller)
    {
        var target = await NewUserIdAsync();
        return await caller.Api.PutAsJsonAsync($"/subscriptions/{Prod}/providers/Microsoft.Authorization/roleAssignments/{Guid.NewGuid()}" + Api, new
        {
            properties = new { roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7", principalId = target },
        });
    }

    private async Task<HttpResponseMessage> DeleteAssignmentAsync(Caller caller) =>
        await caller.Api.DeleteAsync($"/subscriptions/{Prod}/providers/Microsoft.Authorization/roleAssignments/{await NewAssignmentAsync()}" + Api);

    /// <summary>A form post with the caller's own antiforgery token (taken from their tokens page, which every signed-in
    /// user can open), so what decides is authorization, not a missing token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(Caller caller, string url, Dictionary<string, string> fields)
    {
        if (caller.SignedIn)
        {
            var form = Html.Parse(await caller.Page.GetStringAsync("/account/tokens"));
            fields["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        }

        return await caller.Page.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private async Task<string> NewUserIdAsync()
    {
        var email = $"matrix-target-{Guid.NewGuid():N}@nspportal.test";
        await portal.Factory.EnsureUserAsync(email);
        await using var db = portal.Factory.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> NewAssignmentAsync()
    {
        var user = await NewUserIdAsync();
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var id = Guid.NewGuid();
        await scope.ServiceProvider.GetRequiredService<RoleAssignments>().AssignAsync(id, user, NspScope.Subscription(Prod), NspRole.Reader, "matrix");
        return id;
    }

    private static HttpRequestMessage Htmx(HttpMethod method, string url, string target)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", target);
        request.Headers.Add("HX-Current-URL", "https://localhost/");
        return request;
    }

    private static List<(string Operation, string Caller, int Status)> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", "RoleMatrix.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        return [.. lines.Skip(1).SelectMany(line =>
        {
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            return header.Skip(1).Select((caller, i) => (cells[0], caller, int.Parse(cells[i + 1], System.Globalization.CultureInfo.InvariantCulture)));
        })];
    }

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
