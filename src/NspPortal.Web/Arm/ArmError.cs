using System.Text.Json.Nodes;
using NspPortal.Data.Services;

namespace NspPortal.Web.Arm;

/// <summary>ARM's CloudError body: <c>{"error":{"code","message","target","details":[…]}}</c>. Every API failure
/// answers with one.</summary>
public sealed record ArmError(string Code, string Message)
{
    public string? Target { get; init; }

    public IReadOnlyList<ArmError> Details { get; init; } = [];

    public static ArmError From(ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ArmError(error.Code, error.Message) { Target = error.Target, Details = [.. error.Details.Select(From)] };
    }

    /// <summary>The HTTP status of a service failure.</summary>
    public static int StatusOf(ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ServiceErrorKind.NotFound => StatusCodes.Status404NotFound,
            ServiceErrorKind.Conflict => StatusCodes.Status409Conflict,
            ServiceErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    public JsonObject ToJson() => new() { ["error"] = Body() };

    public static IResult Result(int status, ArmError error) => new ArmJsonResult(error.ToJson(), status);

    public static IResult Result(ServiceError error) => Result(StatusOf(error), From(error));

    /// <summary>Writes the body directly (authentication challenges, status-code pages, the exception handler).</summary>
    public static async Task WriteAsync(HttpContext context, int status, ArmError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.StatusCode = status;
        context.Response.ContentType = ArmJsonResult.ContentType;
        await context.Response.WriteAsync(error.ToJson().ToJsonString(Data.Representation.ArmJson.WireOptions));
    }

    private JsonObject Body() => new()
    {
        ["code"] = Code,
        ["message"] = Message,
        ["target"] = Target,
        ["details"] = new JsonArray([.. Details.Select(d => (JsonNode)d.Body())]),
    };
}

/// <summary>A JSON response with ARM's headers: the ETag of the resource and any others (<c>Azure-AsyncOperation</c>, …).</summary>
public sealed class ArmJsonResult(JsonNode? body, int status, string? etag = null, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public JsonNode? Body => body;

    public int StatusCode => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        if (etag is not null)
        {
            response.Headers.ETag = $"\"{etag}\"";
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        response.Headers["x-ms-request-id"] = httpContext.TraceIdentifier;
        if (body is not null)
        {
            response.ContentType = ContentType;
            await response.WriteAsync(body.ToJsonString(Data.Representation.ArmJson.WireOptions));
        }
    }
}
