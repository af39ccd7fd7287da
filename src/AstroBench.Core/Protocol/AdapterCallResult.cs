namespace AstroBench.Core.Protocol;

/// <summary>How a call ended, with the outputs (accuracy) or the timing (perf) when it completed.</summary>
public sealed record AdapterCallResult(
    CallOutcome Outcome,
    string? Detail,
    double[]? Outputs,
    int OutputColumns,
    PerfMeasurement? Perf,
    TimeSpan Elapsed,
    string Stderr)
{
    public static AdapterCallResult Failed(CallOutcome outcome, string detail, TimeSpan elapsed, string stderr = "") =>
        new(outcome, detail, null, 0, null, elapsed, stderr);
}
