using System.Net;
using System.Text.Json.Nodes;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Arm.Contract;

/// <summary>One test per operation of reference/nsp.md §1.2, driven by the request/response examples of Azure's
/// specification stored next to this file (Examples/*.json, Azure's example format plus an <c>x-nspportal</c> block
/// with the route, the expected status, the required headers and the requests that set the scene). Bodies are compared
/// semantically after <see cref="JsonAssert.Normalise"/> (subscription → subId, GUIDs, systemData values and times masked).</summary>
public class ContractTests(ArmPortal portal) : IClassFixture<ArmPortal>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Arm", "Contract", "Examples");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AnswersLikeAzuresExample(string example)
    {
        var subscription = await portal.NewSubscriptionAsync();
        // Azure's examples say "subId"; the test works in a subscription of its own.
        var source = (await File.ReadAllTextAsync(Path.Combine(Folder, example))).Replace("subId", subscription.ToString(), StringComparison.Ordinal);
        var document = JsonNode.Parse(source)!;
        var meta = document["x-nspportal"]!;
        var parameters = document["parameters"]!.AsObject();
        var version = parameters["api-version"]!.GetValue<string>();
        var captured = new Dictionary<string, string>();

        foreach (var step in meta["given"]!.AsArray())
        {
            var path = step!["path"]!.GetValue<string>();
            var method = new HttpMethod(step["method"]!.GetValue<string>());
            using var given = Api.Request(method, path, step["body"]?.ToJsonString(), step["apiVersion"]?.GetValue<string>() ?? Api.Version);
            using var response = await portal.Client.SendAsync(given);
            Assert.True(response.IsSuccessStatusCode, $"{method} {path} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            foreach (var (name, from) in step["capture"]?.AsObject() ?? [])
            {
                captured[name] = Capture(from!.GetValue<string>(), response, await response.BodyAsync());
            }
        }

        var route = meta["path"]!.GetValue<string>();
        foreach (var (name, value) in parameters)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                route = route.Replace($"{{{name}}}", text == "{captured}" ? captured[name] : text, StringComparison.Ordinal);
            }
        }

        var status = meta["status"]!.GetValue<int>();
        using var request = Api.Request(new HttpMethod(meta["method"]!.GetValue<string>()), route, parameters["parameters"]?.ToJsonString(), version);
        using var actual = await portal.Client.SendAsync(request);
        var body = await actual.BodyAsync();

        Assert.True((int)actual.StatusCode == status, $"{example}: expected {status}, got {(int)actual.StatusCode}: {body?.ToJsonString()}");
        foreach (var header in meta["headers"]!.AsArray())
        {
            Assert.True(actual.Headers.Contains(header!.GetValue<string>()), $"{example}: the {header} header is missing.");
        }

        var expected = document["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["body"];
        if (expected is null)
        {
            Assert.True(body is null, $"{example}: expected no body, got {body?.ToJsonString()}");
            return;
        }

        Assert.Equal("application/json", actual.Content.Headers.ContentType?.MediaType);
        JsonAssert.Equivalent(JsonAssert.Normalise(expected, subscription), JsonAssert.Normalise(body, subscription));
        if (body?["id"] is not null && body["type"] is not null && status is 200 or 201)
        {
            Assert.NotNull(actual.Headers.ETag);
        }
    }

    [Fact]
    public async Task CoversEveryOperationOfTheSpecification()
    {
        var operations = new List<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json"))
        {
            operations.Add(JsonNode.Parse(await File.ReadAllTextAsync(file))!["x-nspportal"]!["operationId"]!.GetValue<string>());
        }

        string[] all =
        [
            "NetworkSecurityPerimeters_Get", "NetworkSecurityPerimeters_CreateOrUpdate", "NetworkSecurityPerimeters_Patch", "NetworkSecurityPerimeters_Delete",
            "NetworkSecurityPerimeters_ListBySubscription", "NetworkSecurityPerimeters_List",
            "NetworkSecurityPerimeterProfiles_Get", "NetworkSecurityPerimeterProfiles_CreateOrUpdate", "NetworkSecurityPerimeterProfiles_Delete", "NetworkSecurityPerimeterProfiles_List",
            "NetworkSecurityPerimeterAccessRules_Get", "NetworkSecurityPerimeterAccessRules_CreateOrUpdate", "NetworkSecurityPerimeterAccessRules_Delete",
            "NetworkSecurityPerimeterAccessRules_List", "NetworkSecurityPerimeterAccessRules_Reconcile",
            "NetworkSecurityPerimeterAssociations_Get", "NetworkSecurityPerimeterAssociations_List", "NetworkSecurityPerimeterAssociations_CreateOrUpdate",
            "NetworkSecurityPerimeterAssociations_Delete", "NetworkSecurityPerimeterAssociations_Reconcile",
            "NetworkSecurityPerimeterLinks_Get", "NetworkSecurityPerimeterLinks_CreateOrUpdate", "NetworkSecurityPerimeterLinks_List", "NetworkSecurityPerimeterLinks_Delete",
            "NetworkSecurityPerimeterLinkReferences_Get", "NetworkSecurityPerimeterLinkReferences_List", "NetworkSecurityPerimeterLinkReferences_Delete",
            "NetworkSecurityPerimeterLoggingConfigurations_Get", "NetworkSecurityPerimeterLoggingConfigurations_CreateOrUpdate",
            "NetworkSecurityPerimeterLoggingConfigurations_Delete", "NetworkSecurityPerimeterLoggingConfigurations_List",
            "NetworkSecurityPerimeterAssociableResourceTypes_List", "NetworkSecurityPerimeterServiceTags_List", "NetworkSecurityPerimeterOperationStatuses_Get",
        ];
        Assert.Empty(all.Except(operations));
    }

    /// <summary><c>value[0].name</c> from the body, or <c>header:Name</c> (the last path segment of a URL header, without its query).</summary>
    private static string Capture(string from, HttpResponseMessage response, JsonNode? body)
    {
        if (from.StartsWith("header:", StringComparison.Ordinal))
        {
            var url = response.Headers.GetValues(from["header:".Length..]).First();
            return new Uri(url).AbsolutePath.Split('/')[^1];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body!["value"]![0]!["name"]!.GetValue<string>();
    }
}
