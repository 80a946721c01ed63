using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NspPortal.Web.Tests.Arm;

/// <summary>Small helpers for ARM requests in tests.</summary>
public static class Api
{
    public const string Version = "2025-05-01";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    /// <summary><paramref name="path"/> with <c>api-version</c> appended (unless it has one).</summary>
    public static string Url(string path, string version = Version) =>
        path.Contains("api-version=", StringComparison.Ordinal) ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}api-version={version}";

    public static async Task<JsonNode?> BodyAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    /// <summary>The CloudError code of an error response.</summary>
    public static async Task<string?> ErrorCodeAsync(this HttpResponseMessage response) => (await response.BodyAsync())?["error"]?["code"]?.GetValue<string>();

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json, string version = Version) =>
        client.PutAsync(Url(path, version), Json(json));

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string version = Version, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, Url(path, version));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    public static string Perimeter(Guid subscription, string name, string resourceGroup = "rg1") =>
        $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityPerimeters/{name}";
}
