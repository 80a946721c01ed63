namespace NspPortal.Web.Features.Profiles;

/// <summary>The create-profile pane: the name as typed (kept on a rejected save) and what is wrong with it.</summary>
public sealed record ProfileForm(string Name = "", string? NameError = null)
{
    /// <summary>Errors that are not about the name field (a conflict, a limit).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
