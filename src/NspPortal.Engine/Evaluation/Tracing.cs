namespace NspPortal.Engine.Evaluation;

/// <summary>Where evaluation steps go. The evaluator is generic over a struct implementing this, so with
/// <see cref="NoTrace"/> the JIT removes every trace statement (guarded by <see cref="Enabled"/>) and the hot path
/// formats nothing and allocates nothing.</summary>
internal interface ITrace
{
    bool Enabled { get; }

    void Add(TraceCheck check, string against, TraceOutcome outcome, string detail);
}

internal readonly struct NoTrace : ITrace
{
    public bool Enabled => false;

    public void Add(TraceCheck check, string against, TraceOutcome outcome, string detail)
    {
    }
}

internal readonly struct ListTrace(List<TraceStep> steps) : ITrace
{
    public bool Enabled => true;

    public void Add(TraceCheck check, string against, TraceOutcome outcome, string detail) =>
        steps.Add(new TraceStep(check, against, outcome, detail));
}
