using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using NspPortal.Data;
using NspPortal.Data.Traffic.Import;
using NspPortal.Data.Traffic.Versions;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Json;
using NspPortal.Engine.Logs;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Arm.Endpoints;

/// <summary>Traffic logs through the API (docs/api.md, "Traffic logs"), at the root scope because a log file or a
/// connection can concern any subscription:
/// <list type="bullet">
/// <item><c>POST /providers/NspPortal.Traffic/importLogs?skipInvalid=true&amp;fileName=…</c>: the body is a log file in any
/// format <c>nsp logs import</c> reads; answers <c>{"imported","rejected","duplicates","errors":[{line,message}]}</c>, or
/// 400 <c>InvalidLogRecords</c> with one detail per refused line when nothing was imported.</item>
/// <item><c>POST /providers/NspPortal.Traffic/evaluate</c>: the live decision point. The body is one <c>nsp evaluate</c>
/// request; the engine decides it against the stored configuration, the log record Azure would write is appended to
/// the traffic log (with its rollups), and the answer is <c>{"decision":{…},"logRecord":{…}|null}</c>.</item>
/// </list></summary>
internal static class TrafficEndpoints
{
    /// <summary>Uploads of several GB stream to a temporary file; this is the most one request may carry.</summary>
    public const long MaxUpload = 16L * 1024 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var route = new ArmRoute("NspPortal.Traffic", ApiFamily.Resources);
        api.MapPost("/providers/NspPortal.Traffic/importLogs", ImportAsync).WithMetadata(route).WithMetadata(new RequestSizeLimitAttribute(MaxUpload)).AtRootScope();
        api.MapPost("/providers/NspPortal.Traffic/evaluate", EvaluateAsync).WithMetadata(route).AtRootScope();
    }

    private static async Task<IResult> ImportAsync(HttpContext http, NspDbContext db, ICallerContext caller, CancellationToken ct)
    {
        var skipText = http.Request.Query["skipInvalid"].ToString();
        if (skipText.Length > 0 && !bool.TryParse(skipText, out _))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidParameter", $"skipInvalid is '{skipText}'; use true or false.") { Target = "skipInvalid" });
        }

        var skipInvalid = skipText.Length > 0 && bool.Parse(skipText);
        var fileName = http.Request.Query["fileName"].ToString() is { Length: > 0 } name ? name : "api upload";
        // Spool to a temporary file: the importer reads synchronously (the request body may not) and a file knows its size.
        var path = Path.GetTempFileName();
        try
        {
            await using (var spool = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await http.Request.Body.CopyToAsync(spool, ct);
            }

            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var result = await new TrafficLogImporter(db).ImportAsync(file, new TrafficImportOptions { FileName = fileName, SkipInvalid = skipInvalid, ImportedBy = caller.Name }, ct);
            if (result.Imported + result.Rejected + result.Duplicates == 0)
            {
                return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("EmptyLogFile", "The request body holds no log records."));
            }

            if (result.Rejected > 0 && result.ImportId is null)
            {
                return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidLogRecords",
                    $"{result.Rejected} record(s) could not be read, so nothing was imported; fix them or import with skipInvalid=true.")
                {
                    Details = [.. result.Errors.Take(100).Select(e => new ArmError("InvalidLogRecord", e.Message) { Target = $"line {e.Line}" })],
                });
            }

            return new ArmJsonResult(ResultJson(result), StatusCodes.Status200OK);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static JsonObject ResultJson(TrafficImportResult result) => new()
    {
        ["imported"] = result.Imported,
        ["rejected"] = result.Rejected,
        ["duplicates"] = result.Duplicates,
        ["errors"] = new JsonArray([.. result.Errors.Select(e => (JsonNode)new JsonObject { ["line"] = e.Line, ["message"] = e.Message })]),
    };

    private static async Task<IResult> EvaluateAsync(HttpContext http, NspDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (text, error) = await InventoryEndpoints.ReadAnyJsonAsync(http);
        if (error is not null)
        {
            return error;
        }

        if (!RequestJson.TryParse(text ?? "", out var request, out _, out var problem))
        {
            return ArmError.Result(StatusCodes.Status400BadRequest, new ArmError("InvalidRequestContent", $"The request is not a connection request: {problem}"));
        }

        var configuration = await ConfigurationVersions.LiveAsync(db, ct);
        var index = DecisionIndex.Build(configuration);
        var explanation = index.Explain(request!);
        var record = DecisionLog.ToRecord(request!, explanation.Decision, time.GetUtcNow().UtcDateTime, configuration, operationName: "evaluate");
        if (record is not null)
        {
            await new TrafficLogImporter(db).AppendAsync([record], cancellationToken: ct);
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        await using (var writer = new Utf8JsonWriter(buffer, DecisionJson.WriterOptions))
        {
            DecisionJson.Write(writer, request!.Id, explanation.Decision, explanation.Trace);
        }

        return new ArmJsonResult(new JsonObject
        {
            ["decision"] = JsonNode.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan)),
            ["logRecord"] = record is null ? null : AccessLogJson.Write(record),
        }, StatusCodes.Status200OK);
    }
}
