using Microsoft.AspNetCore.Mvc;
using NspPortal.Data.Security;
using NspPortal.Web.Arm.Authentication;
using NspPortal.Web.Security.Authorization;

namespace NspPortal.Web.Features.Traffic;

/// <summary>The upload of the import page: <c>POST /traffic/import</c> (multipart, antiforgery token in the form, Write at
/// the root). The file is copied to a temporary file, the import starts in the background
/// (<see cref="TrafficImportJobs"/>) and the browser is sent to its status page.</summary>
internal static class TrafficImportEndpoint
{
    public const string Route = "/traffic/import";

    public static string StatusUrl(Guid id) => $"{Route}/{id:D}";

    public static void MapTrafficImport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, UploadAsync)
            .RequirePermission(NspPermission.Write).AtRootScope()
            .WithMetadata(new RequestSizeLimitAttribute(Arm.Endpoints.TrafficEndpoints.MaxUpload))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = Arm.Endpoints.TrafficEndpoints.MaxUpload });

    private static async Task<IResult> UploadAsync(IFormCollection form, HttpContext context, TrafficImportJobs jobs, ICallerContext caller)
    {
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            // Browsers do not submit the form without a file ("required"); this is an empty file or a hand-made post.
            var message = System.Net.WebUtility.HtmlEncode("Choose a log file to import: the file was empty or missing.");
            return Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><title>Import traffic logs - NspPortal</title></head><body><p role=\"alert\">{message}</p><p><a href=\"{Route}\">Back to the import</a></p></body></html>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var path = Path.GetTempFileName();
        await using (var copy = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await file.CopyToAsync(copy, context.RequestAborted);
        }

        var skipInvalid = string.Equals(form["skipInvalid"], "true", StringComparison.OrdinalIgnoreCase);
        var name = Path.GetFileName(file.FileName) is { Length: > 0 } n ? n : "upload";
        var job = jobs.Start(path, name, skipInvalid, caller.Caller);
        return Results.Redirect(StatusUrl(job.Id));
    }
}
