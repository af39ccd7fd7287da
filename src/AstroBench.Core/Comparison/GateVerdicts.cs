namespace AstroBench.Core.Comparison;

/// <summary>The closed set of per-result verdicts of the CI gate (docs/ci.md).</summary>
public static class GateVerdicts
{
    public const string Regression = "regression";
    public const string Improvement = "improvement";
    public const string Unchanged = "unchanged";
    /// <summary>Only the candidate has this result.</summary>
    public const string New = "new";
    /// <summary>Only the baseline has this result.</summary>
    public const string Missing = "missing";
    /// <summary>At least one side cannot be judged (perf invalid or a smoke figure, no metric): never a regression.</summary>
    public const string NotCompared = "not_compared";

    /// <summary>A change for <c>--fail-on any-change</c>: everything but unchanged and not-compared.</summary>
    public static bool IsChange(string verdict) => verdict is Regression or Improvement or New or Missing;
}
