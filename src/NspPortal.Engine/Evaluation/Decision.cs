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

/// <summary>What Azure NSP would decide for one connection, and what it would log (reference/nsp.md §3, §4). A small
/// value type (32 bytes) that refers only to objects the index holds, so producing it allocates nothing.</summary>
/// <remarks>Equality compares every property by value.</remarks>
public readonly struct Decision : IEquatable<Decision>
{
    private const byte NoCategory = byte.MaxValue;

    private readonly byte _result;
    private readonly byte _category;
    private readonly byte _trafficType;
    private readonly DecisionScope? _scope;

    /// <summary>Creates a decision from its parts.</summary>
    /// <param name="result">Allowed or Denied.</param>
    /// <param name="category">The §3.1 log category, or null when no perimeter applies (the resource is not associated).</param>
    /// <param name="matchedRule">An access-rule name, a link name, a resource rule (<see cref="MatchedRules"/>) or a default rule.</param>
    /// <param name="trafficType">Private, Intra, Cross or Public.</param>
    /// <param name="perimeterGuid">The evaluated resource's perimeter, when associated.</param>
    /// <param name="profile">The association's profile name, when associated.</param>
    /// <param name="accessMode">The association's access mode, when associated.</param>
    /// <param name="accessRulesVersion">The profile's <c>accessRulesVersion</c>, when associated.</param>
    /// <param name="error">For a denial by the perimeter, the service's error; otherwise null.</param>
    public Decision(DecisionResult result, NspLogCategory? category, string matchedRule, TrafficType trafficType,
        Guid? perimeterGuid, string? profile, AccessMode? accessMode, long? accessRulesVersion, ServiceError? error)
        : this(result, category, matchedRule, trafficType,
            perimeterGuid is null && profile is null && accessMode is null && accessRulesVersion is null
                ? null
                : new DecisionScope(perimeterGuid, profile, accessMode, accessRulesVersion),
            error)
    {
    }

    internal Decision(DecisionResult result, NspLogCategory? category, string matchedRule, TrafficType trafficType, DecisionScope? scope, ServiceError? error)
    {
        _result = (byte)result;
        _category = category is { } c ? (byte)c : NoCategory;
        _trafficType = (byte)trafficType;
        _scope = scope;
        MatchedRule = matchedRule;
        Error = error;
    }

    /// <summary>Allowed or Denied.</summary>
    public DecisionResult Result => (DecisionResult)_result;

    /// <summary>True when <see cref="Result"/> is <see cref="DecisionResult.Allowed"/>.</summary>
    public bool IsAllowed => Result == DecisionResult.Allowed;

    /// <summary>The §3.1 log category, or null when no perimeter applies (the resource is not associated).</summary>
    public NspLogCategory? Category => _category == NoCategory ? null : (NspLogCategory)_category;

    /// <summary>An access-rule name, a link or link-reference name, a resource rule (<see cref="MatchedRules"/>) or a default rule.</summary>
    public string MatchedRule { get; }

    /// <summary>Private, Intra, Cross or Public.</summary>
    public TrafficType TrafficType => (TrafficType)_trafficType;

    /// <summary>The evaluated resource's perimeter, when associated.</summary>
    public Guid? PerimeterGuid => _scope?.PerimeterGuid;

    /// <summary>The association's profile name, when associated.</summary>
    public string? Profile => _scope?.Profile;

    /// <summary>The association's access mode, when associated.</summary>
    public AccessMode? AccessMode => _scope?.AccessMode;

    /// <summary>The profile's <c>accessRulesVersion</c>, when associated (logs call it <c>AccessRuleVersion</c>).</summary>
    public long? AccessRulesVersion => _scope?.AccessRulesVersion;

    /// <summary>For a denial by the perimeter, the service's error; otherwise null.</summary>
    public ServiceError? Error { get; }

    /// <summary>Compares every property by value.</summary>
    public bool Equals(Decision other) =>
        _result == other._result && _category == other._category && _trafficType == other._trafficType &&
        string.Equals(MatchedRule, other.MatchedRule, StringComparison.Ordinal) &&
        PerimeterGuid == other.PerimeterGuid && string.Equals(Profile, other.Profile, StringComparison.Ordinal) &&
        AccessMode == other.AccessMode && AccessRulesVersion == other.AccessRulesVersion && Equals(Error, other.Error);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Decision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_result, _category, _trafficType, MatchedRule, PerimeterGuid, Profile, AccessMode, Error);

    /// <summary>All properties, for diagnostics.</summary>
    public override string ToString() =>
        $"Decision {{ Result = {Result}, Category = {Category}, MatchedRule = {MatchedRule}, TrafficType = {TrafficType}, PerimeterGuid = {PerimeterGuid}, " +
        $"Profile = {Profile}, AccessMode = {AccessMode}, AccessRulesVersion = {AccessRulesVersion}, Error = {Error?.Code} }}";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Decision left, Decision right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Decision left, Decision right) => !left.Equals(right);
}

/// <summary>The association context a decision reports; the index keeps one per association, so decisions share it.</summary>
internal sealed record DecisionScope(Guid? PerimeterGuid, string? Profile, AccessMode? AccessMode, long? AccessRulesVersion);

/// <summary>A decision with the ordered steps that led to it (for the troubleshooter and the transition view).</summary>
/// <param name="Decision">The decision, identical to what <see cref="DecisionIndex.Evaluate(in ResolvedRequest)"/> returns.</param>
/// <param name="Trace">What was checked, against what, and the outcome, in evaluation order.</param>
public sealed record Explanation(Decision Decision, IReadOnlyList<TraceStep> Trace);
