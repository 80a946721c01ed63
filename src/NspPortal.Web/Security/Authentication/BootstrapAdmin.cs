namespace NspPortal.Web.Security.Authentication;

/// <summary>For automation and demos: <c>NspPortal:Auth:BootstrapAdmin:Email</c> and <c>:Password</c> create that Owner at
/// startup when the database has no account yet (and do nothing once one exists). The password is never logged.
/// Production configuration (appsettings.json) ships without one; Development sets a demo account.</summary>
internal static class BootstrapAdmin
{
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var email = configuration["NspPortal:Auth:BootstrapAdmin:Email"];
        var password = configuration["NspPortal:Auth:BootstrapAdmin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var firstOwner = scope.ServiceProvider.GetRequiredService<FirstOwner>();
        if (!await firstOwner.IsNeededAsync(cancellationToken))
        {
            return;
        }

        var result = await firstOwner.CreateAsync(email, password, "bootstrap", cancellationToken);
        if (result.Created)
        {
            logger.LogInformation("Created the bootstrap Owner account {Email} (NspPortal:Auth:BootstrapAdmin).", email);
        }
        else if (!result.AlreadySetUp)
        {
            throw new InvalidOperationException(
                $"NspPortal:Auth:BootstrapAdmin could not create '{email}': {string.Join(" ", result.Errors)}");
        }
    }
}
