using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NspPortal.TestSupport;

namespace NspPortal.Web.Tests.Security;

/// <summary>Hostile input at every API operation (read from the endpoints, so operations added later are fuzzed too),
/// with the Owner's bootstrap token so every handler is reached: random JSON of any shape, truncated JSON, text that is
/// not JSON, wrong content types, junk query parameters and api-versions. Routes name a resource group that does not
/// exist, so even a body that happened to be valid could not write. The answer is never a 5xx, every 4xx carries ARM's
/// error body, and the database is unchanged. The seed is printed on failure (replay with NSPPORTAL_FUZZ_SEED).</summary>
public class ApiFuzzTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly string[] Keys =
    [
        "properties", "location", "tags", "name", "id", "type", "accessMode", "profile", "privateLinkResource", "direction",
        "addressPrefixes", "subscriptions", "fullyQualifiedDomainNames", "emailAddresses", "roleDefinitionId", "principalId",
        "remoteInboundProfiles", "autoApprovedRemotePerimeterResourceId", "enabledLogCategories", "value", "",
    ];

    private static Gen<JsonNode?> Json(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Json(depth - 1).ListOf(3).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
            (3, from keys in Gen.Elements(Keys).ListOf(4)
                from values in Json(depth - 1).ListOf(4)
                select (JsonNode?)Object(keys, values)));

    private static Gen<JsonNode?> Leaf { get; } = Gen.Frequency(
        (1, Gen.Constant<JsonNode?>(null)),
        (1, Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Elements(0d, -1d, 1e308, 3.5, 2147483648d).Select(d => (JsonNode?)JsonValue.Create(d))),
        (4, FuzzInputs.Value.Select(s => (JsonNode?)JsonValue.Create(s.Replace("\0", "", StringComparison.Ordinal)))));

    private static JsonObject Object(List<string> keys, List<JsonNode?> values)
    {
        var o = new JsonObject();
        for (var i = 0; i < keys.Count; i++)
        {
            o[keys[i]] = values[i]?.DeepClone();
        }

        return o;
    }

    /// <summary>A body: JSON of any shape, JSON cut short, or not JSON at all; and the content type it comes with.</summary>
    private static Gen<(string Body, string ContentType)> Body { get; } = Gen.Frequency(
        (6, Json(3).Select(j => (j?.ToJsonString() ?? "null", "application/json"))),
        (2, from j in Json(3) from cut in Gen.Choose(0, 40) select (Cut(j?.ToJsonString() ?? "{", cut), "application/json")),
        (1, FuzzInputs.Value.Select(v => (v, "application/json"))),
        (1, Json(2).Select(j => (j?.ToJsonString() ?? "", "text/plain"))));

    [Fact]
    public async Task HostileBodiesAndQueriesNeverCrashAnApiOperationAndNeverWrite()
    {
        var api = portal.Factory.CreateApiClient();
        var before = await StateAsync();
        var failures = new List<string>();
        var operations = ApiEndpoints.Mapped(portal.Factory.Services);
        Assert.NotEmpty(operations);

        foreach (var operation in operations)
        {
            var inputs = FuzzInputs.Sample(from body in Body from junk in FuzzInputs.Value from version in Gen.Frequency((3, Gen.Constant("")), (1, FuzzInputs.Value)) select (body, junk, version),
                operation.Route.Length);
            foreach (var ((body, contentType), junk, version) in inputs)
            {
                var url = operation.Url("rg-fuzz-missing") + $"&{Uri.EscapeDataString(junk.Length == 0 ? "x" : junk)}={Uri.EscapeDataString(junk)}";
                if (version.Length > 0)
                {
                    url = url.Replace("api-version=", $"api-version={Uri.EscapeDataString(version)}&ignored=", StringComparison.Ordinal);
                }

                url = url.Replace("%00", "", StringComparison.Ordinal); // NUL is refused at the door; tested elsewhere
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
                if (operation.Method is not ("GET" or "HEAD" or "DELETE"))
                {
                    request.Content = new StringContent(body, Encoding.UTF8);
                    request.Content.Headers.Remove("Content-Type");
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }

                var response = await api.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{operation} {Short(url)} {Short(body)}: {status} {Short(text)}");
                }
                else if (status >= 400 && !IsArmError(text))
                {
                    failures.Add($"{operation} {Short(url)}: {status} without an ARM error body: {Short(text)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"seed {FuzzInputs.Seed}\n" + string.Join('\n', failures.Take(20)));
        Assert.True(before == await StateAsync(), $"a fuzzed API call changed the database (seed {FuzzInputs.Seed})");
    }

    private static bool IsArmError(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out var error) && !string.IsNullOrEmpty(error.GetProperty("code").GetString());
        }
        catch (JsonException)
        {
            return false;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    private async Task<string> StateAsync()
    {
        await using var db = portal.Factory.CreateDbContext();
        return await StoredState.TakeAsync(db);
    }

    private static string Cut(string text, int at) => text[..Math.Min(text.Length, at)];

    private static string Short(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
