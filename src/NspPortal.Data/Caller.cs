namespace NspPortal.Data;

/// <summary>Who makes a change: what ARM's <c>systemData</c> (<c>createdBy</c>/<c>createdByType</c>) and the
/// activity log record. The web host builds it from the signed-in principal (<c>ICallerContext</c>).</summary>
/// <param name="Name">User name, or the application/token name.</param>
/// <param name="Type">ARM's <c>createdByType</c>: <c>User</c>, <c>Application</c>, <c>ManagedIdentity</c> or <c>Key</c>.</param>
public sealed record Caller(string Name, string Type)
{
    /// <summary>The portal itself (seed data, migrations).</summary>
    public static Caller System { get; } = new("system", "Application");
}
