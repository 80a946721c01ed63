namespace NspPortal.Web.Hosting;

internal static class StatusResponse
{
    /// <summary>Sends <paramref name="status"/> with the markup the component renders (a form with its errors, say).
    /// Set when the response starts, after rendering, for the reason given in <see cref="NotFoundResponse"/>.</summary>
    public static void MarkStatus(this HttpContext context, int status) =>
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
}
