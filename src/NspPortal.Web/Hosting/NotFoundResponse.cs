namespace NspPortal.Web.Hosting;

internal static class NotFoundResponse
{
    /// <summary>Sends 404 with the blade the component renders (which says what is missing). Setting the status
    /// during rendering would make .NET 10's static SSR drop the body in favour of the generic Not found page,
    /// so the status is changed when the response starts, after the markup is produced.</summary>
    public static void MarkNotFound(this HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
