using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NspPortal.Data.Services;

namespace NspPortal.Web.Arm;

/// <summary>Reads what an ARM request carries besides its route: the JSON body (only <c>application/json</c>),
/// <c>If-Match</c>/<c>If-None-Match</c>, and paging (<c>$top</c>, <c>$skipToken</c>).</summary>
internal static class ArmRequest
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The body as a JSON object, or the ARM error to answer: <c>UnsupportedMediaType</c> (415) for another
    /// content type, <c>InvalidRequestContent</c> (400) for malformed JSON or a body that is not an object.</summary>
    /// <remarks>With <paramref name="allowEmpty"/>, an absent body is <c>{}</c> (POST actions such as reconcile).</remarks>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadBodyAsync(HttpContext http, bool allowEmpty = false)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return allowEmpty
                ? ([], null)
                : (null, ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidRequestContent", "The request content was invalid and could not be deserialized: 'The request body is empty.'")));
        }

        var contentType = request.ContentType ?? "";
        var mediaType = contentType.Split(';')[0].Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ArmError.Result(StatusCodes.Status415UnsupportedMediaType,
                new ArmError("UnsupportedMediaType", $"The content media type '{mediaType}' is not supported. Only 'application/json' is supported.")));
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: DocumentOptions) is JsonObject body
                ? (body, null)
                : (null, ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidRequestContent",
                    "The request content was invalid and could not be deserialized: 'The request body must be a JSON object.'")));
        }
        catch (JsonException e)
        {
            return (null, ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("InvalidRequestContent", $"The request content was invalid and could not be deserialized: '{e.Message}'")));
        }
    }

    public static Precondition Precondition(HttpContext http) =>
        new(http.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch ? ifMatch : null,
            http.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch ? ifNoneMatch : null);

    /// <summary><c>$top</c> (1–20, reference/nsp.md §1.2) and <c>$skipToken</c> (an offset), or ARM's <c>InvalidParameter</c>.</summary>
    public static (PageRequest? Page, IResult? Error) Page(HttpContext http, int maxTop = 20)
    {
        var query = http.Request.Query;
        var top = PageRequest.DefaultTop;
        if (query.TryGetValue("$top", out var topText) &&
            (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > maxTop))
        {
            return (null, ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("InvalidParameter", $"The value '{topText}' of $top is invalid; use a number from 1 to {maxTop}.") { Target = "$top" }));
        }

        var skip = 0;
        if (query.TryGetValue("$skipToken", out var skipText) &&
            (!int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            return (null, ArmError.Result(StatusCodes.Status400BadRequest,
                new ArmError("InvalidParameter", $"The $skipToken '{skipText}' is invalid; use the nextLink of the previous page.") { Target = "$skipToken" }));
        }

        return (new PageRequest(top, skip), null);
    }

    /// <summary>The portal's base URL as the client reached it, for <c>nextLink</c> and operation URLs.</summary>
    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
