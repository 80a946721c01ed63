using NspPortal.Engine.Validation;

namespace NspPortal.Data.Services;

/// <summary>What kind of expected failure an operation met; the API maps it to an HTTP status, the portal to a message.</summary>
public enum ServiceErrorKind
{
    /// <summary>The request is invalid (400).</summary>
    Invalid,

    /// <summary>The resource, its parent, resource group or subscription does not exist (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state, e.g. a resource already associated (409).</summary>
    Conflict,

    /// <summary><c>If-Match</c> / <c>If-None-Match</c> did not hold (412).</summary>
    PreconditionFailed,
}

/// <summary>An expected failure shaped like ARM's CloudError: <c>{code, message, target, details}</c>.</summary>
public sealed record ServiceError(ServiceErrorKind Kind, string Code, string Message)
{
    public string? Target { get; init; }

    public IReadOnlyList<ServiceError> Details { get; init; } = [];

    /// <summary>A 400 from the engine's validation: the first error is the error, all of them the details when
    /// there are several. Returns null when the result has no error (warnings are accepted).</summary>
    public static ServiceError? FromValidation(ValidationResult result) => FromValidation(result.Errors);

    /// <summary>A 400 from validation errors; null when there are none.</summary>
    public static ServiceError? FromValidation(IEnumerable<ValidationError> errors)
    {
        var list = errors.Where(e => e.IsError).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var details = list.Count == 1
            ? []
            : list.Select(e => new ServiceError(ServiceErrorKind.Invalid, e.Code, e.Message) { Target = e.Target }).ToList();
        return new ServiceError(ServiceErrorKind.Invalid, list[0].Code, list[0].Message) { Target = list[0].Target, Details = details };
    }

    /// <summary>A 400 for one field.</summary>
    public static ServiceError Invalid(string code, string message, string? target = null) =>
        new(ServiceErrorKind.Invalid, code, message) { Target = target };
}

/// <summary>The outcome of a service operation: the value, or the expected failure. Never an exception for bad input,
/// missing resources, conflicts or failed preconditions (style habit 5).</summary>
public sealed class Result<T>
{
    private Result(T? value, bool created, ServiceError? error, Guid? operationId)
    {
        Value = value;
        Created = created;
        Error = error;
        OperationId = operationId;
    }

    /// <summary>The resource (or list, or outcome) when the operation succeeded.</summary>
    public T? Value { get; }

    /// <summary>True when a PUT created the resource (201) rather than updating it (200).</summary>
    public bool Created { get; }

    public ServiceError? Error { get; }

    /// <summary>The operation status a long-running operation recorded (reference/nsp.md §1.2), if any.</summary>
    public Guid? OperationId { get; }

    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value, bool created = false, Guid? operationId = null) => new(value, created, null, operationId);

    public static Result<T> Fail(ServiceError error) => new(default, false, error, null);

    public static implicit operator Result<T>(ServiceError error) => Fail(error);

    /// <summary>The same failure as a result of another type.</summary>
    public Result<TOther> Cast<TOther>() => Error is null
        ? throw new InvalidOperationException("Only a failed result can change its value type.")
        : Result<TOther>.Fail(Error);
}

/// <summary>What a delete found: a resource it removed, or nothing (ARM answers 200/202 or 204).</summary>
public sealed record DeleteOutcome(bool Existed);

/// <summary>A page of a list, in the order of the list, with where the next page starts (ARM's <c>$skipToken</c>).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? NextSkip);

/// <summary>Which page of a list to read: <c>$top</c> (1–20 for NSP lists) and <c>$skipToken</c> (an offset).</summary>
public sealed record PageRequest(int Top, int Skip)
{
    /// <summary>Page size when <c>$top</c> is absent.</summary>
    public const int DefaultTop = 20;

    public static PageRequest First { get; } = new(DefaultTop, 0);

    /// <summary>Everything (for the portal and export, which do not page).</summary>
    public static PageRequest All { get; } = new(int.MaxValue, 0);
}
