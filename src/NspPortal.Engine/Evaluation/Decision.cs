using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

/// <summary>Whether the connection goes through.</summary>
public enum DecisionResult
{
    /// <summary>The connection is allowed.</summary>
    Allowed,

    /// <summary>The connection is blocked.</summary>
    Denied,
}

/// <summary>The traffic class of reference/nsp.md §4.1 (the <c>TrafficType</c> log column).</summary>
public enum TrafficType
{
    /// <summary>Through a private endpoint.</summary>
    Private,

    /// <summary>Between resources of the same perimeter.</summary>
    Intra,

    /// <summary>Between resources of linked perimeters.</summary>
    Cross,

    /// <summary>Anything else over public endpoints.</summary>
    Public,
}

/// <summary>The error the PaaS service returns to the caller when the perimeter denies a request (reference/nsp.md §4.7).</summary>
/// <param name="Code">The service's error code (SQL: the error number).</param>
/// <param name="Message">The service's message.</param>
public sealed record ServiceError(string Code, string Message)
{
    /// <summary>The HTTP status, where the service answers over HTTP and the status is known.</summary>
    public int? HttpStatus { get; init; }
}

/// <summary>What Azure NSP would decide for one connection, and what it would log (reference/nsp.md §3, §4). A value
/// type that refers only to strings held by the index, so producing it allocates nothing.</summary>
/// <param name="Result">Allowed or Denied.</param>
/// <param name="Category">The §3.1 log category, or null when no perimeter applies (the resource is not associated).</param>
/// <param name="MatchedRule">An access-rule name, a link name, a resource rule (<see cref="MatchedRules"/>) or a default rule.</param>
/// <param name="TrafficType">Private, Intra, Cross or Public.</param>
/// <param name="PerimeterGuid">The evaluated resource's perimeter, when associated.</param>
/// <param name="Profile">The association's profile name, when associated.</param>
/// <param name="AccessMode">The association's access mode, when associated.</param>
/// <param name="AccessRulesVersion">The profile's <c>accessRulesVersion</c>, when associated.</param>
/// <param name="Error">For a denial by the perimeter, the service's error; otherwise null.</param>
public readonly record struct Decision(
    DecisionResult Result,
    NspLogCategory? Category,
    string MatchedRule,
    TrafficType TrafficType,
    Guid? PerimeterGuid,
    string? Profile,
    AccessMode? AccessMode,
    long? AccessRulesVersion,
    ServiceError? Error)
{
    /// <summary>True when <see cref="Result"/> is <see cref="DecisionResult.Allowed"/>.</summary>
    public bool IsAllowed => Result == DecisionResult.Allowed;
}

/// <summary>A decision with the ordered steps that led to it (for the troubleshooter and the transition view).</summary>
/// <param name="Decision">The decision, identical to what <see cref="DecisionIndex.Evaluate(in ResolvedRequest)"/> returns.</param>
/// <param name="Trace">What was checked, against what, and the outcome, in evaluation order.</param>
public sealed record Explanation(Decision Decision, IReadOnlyList<TraceStep> Trace);
