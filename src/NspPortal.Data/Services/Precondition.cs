namespace NspPortal.Data.Services;

/// <summary>The request's <c>If-Match</c> and <c>If-None-Match</c> headers (ARM optimistic concurrency). ETags are
/// compared without quotes or the weak prefix; <c>*</c> means "any existing resource".</summary>
public sealed record Precondition(string? IfMatch, string? IfNoneMatch)
{
    public static Precondition None { get; } = new(null, null);

    /// <summary>Only when the resource still has this ETag (what the portal passes from the form it rendered).</summary>
    public static Precondition Matching(string etag) => new(etag, null);

    /// <summary>Checks the headers against the resource's current ETag (null when it does not exist).</summary>
    public ServiceError? Check(string? currentETag, string resourceDescription)
    {
        if (IfMatch is { } ifMatch && !string.IsNullOrWhiteSpace(ifMatch))
        {
            var matches = currentETag is not null && (Tokens(ifMatch).Contains("*") || Tokens(ifMatch).Contains(currentETag));
            if (!matches)
            {
                return Failed(currentETag is null
                    ? $"The If-Match condition failed: {resourceDescription} does not exist."
                    : $"The If-Match condition failed: {resourceDescription} has changed since it was read (its ETag is now \"{currentETag}\"). Read it again and retry.");
            }
        }

        if (IfNoneMatch is { } ifNoneMatch && !string.IsNullOrWhiteSpace(ifNoneMatch) && currentETag is not null)
        {
            var tokens = Tokens(ifNoneMatch);
            if (tokens.Contains("*") || tokens.Contains(currentETag))
            {
                return Failed($"The If-None-Match condition failed: {resourceDescription} already exists.");
            }
        }

        return null;
    }

    private static ServiceError Failed(string message) => new(ServiceErrorKind.PreconditionFailed, "PreconditionFailed", message);

    private static HashSet<string> Tokens(string header) => header
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => t.StartsWith("W/", StringComparison.OrdinalIgnoreCase) ? t[2..] : t)
        .Select(t => t.Trim('"'))
        .ToHashSet(StringComparer.Ordinal);
}
