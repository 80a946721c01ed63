using Microsoft.Data.Sqlite;
using NspPortal.Data;

namespace NspPortal.Web.Hosting;

/// <summary>On SIGTERM/Ctrl+C the host stops accepting connections, readiness turns unhealthy, requests in flight get up
/// to <c>NspPortal:ShutdownTimeoutSeconds</c> (default 30) to finish, and every transaction they run either commits or
/// rolls back. Finally, for SQLite, the write-ahead log is folded back into the database file, so the file alone is a
/// complete copy (a backup of just <c>nspportal.db</c> is then consistent).</summary>
internal static class GracefulShutdown
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("NspPortal:ShutdownTimeoutSeconds", 30)));
        return services;
    }

    public static void Register(WebApplication app)
    {
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            if (settings.Provider != DatabaseProvider.Sqlite)
            {
                return;
            }

            try
            {
                using var connection = new SqliteConnection(settings.ConnectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                command.ExecuteNonQuery();
            }
            catch (SqliteException e)
            {
                app.Logger.LogWarning("Could not checkpoint the SQLite write-ahead log at shutdown ({Code}); it is applied at the next start.", e.SqliteErrorCode);
            }
        });
    }
}
