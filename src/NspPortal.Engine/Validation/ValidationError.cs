using NspPortal.Engine.Values;

namespace NspPortal.Engine.Validation;

/// <summary>How bad a validation finding is.</summary>
public enum ValidationSeverity
{
    /// <summary>Azure would reject the request; the configuration is invalid.</summary>
    Error,

    /// <summary>Azure accepts it but it is probably not what the user wants (recommended limit exceeded, duplicate
    /// value, wildcard FQDN).</summary>
    Warning,
}

/// <summary>One validation finding, shaped like an ARM error detail: the API returns it as
/// <c>{code, target, message}</c>, the portal shows <see cref="Message"/> next to the field named by <see cref="Target"/>.</summary>
/// <param name="Code">ARM-style code from <see cref="ErrorCodes"/>.</param>
/// <param name="Target">ARM property path, e.g. <c>properties.addressPrefixes[2]</c>; relative to <see cref="ResourceId"/> when that is set.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ValidationError(string Code, string Target, string Message)
{
    /// <summary>Error (invalid) or warning (accepted).</summary>
    public ValidationSeverity Severity { get; init; } = ValidationSeverity.Error;

    /// <summary>The resource the finding is about, for whole-configuration validation; null for a single request body.</summary>
    public string? ResourceId { get; init; }

    /// <summary>True for <see cref="ValidationSeverity.Error"/>.</summary>
    public bool IsError => Severity == ValidationSeverity.Error;

    /// <summary>Attaches a target to a value parse error.</summary>
    public static ValidationError From(ValueError error, string target)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ValidationError(error.Code, target, error.Message);
    }

    /// <summary><c>[warning ]code at target: message</c>.</summary>
    public override string ToString() =>
        $"{(IsError ? "" : "warning ")}{Code} at {(ResourceId is null ? "" : ResourceId + " ")}{Target}: {Message}";
}

/// <summary>The outcome of a validation: every finding in order. Expected failures are results, never exceptions.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result from findings (errors and warnings).</summary>
    public ValidationResult(IEnumerable<ValidationError> issues)
    {
        Issues = [.. issues];
    }

    /// <summary>No findings.</summary>
    public static ValidationResult Success { get; } = new([]);

    /// <summary>All findings, errors and warnings, in the order found.</summary>
    public IReadOnlyList<ValidationError> Issues { get; }

    /// <summary>The findings that make the input invalid.</summary>
    public IEnumerable<ValidationError> Errors => Issues.Where(i => i.IsError);

    /// <summary>The findings Azure would accept.</summary>
    public IEnumerable<ValidationError> Warnings => Issues.Where(i => !i.IsError);

    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => !Issues.Any(i => i.IsError);
}
