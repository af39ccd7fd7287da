namespace AstroBench.Core.Comparison;

/// <summary>
/// The CI gate's answer (docs/ci.md): <see cref="ExitCode"/> 0 = no regression, 1 = regression (or, with
/// <c>--fail-on any-change</c>, any change), 2 = not comparable (<see cref="NotComparable"/> says why).
/// <see cref="Outcome"/> is the same as a word: <c>pass</c>, <c>fail</c>, <c>not_comparable</c>.
/// </summary>
public sealed record GateReport(string Baseline, string Candidate, string BaselineTestbed, string CandidateTestbed, string FailOn,
    string Outcome, int ExitCode, string? NotComparable, GateRules Rules, GateSummary AccuracySummary, GateSummary PerformanceSummary,
    IReadOnlyList<GateAccuracyRow> Accuracy, IReadOnlyList<GatePerfRow> Performance, MachineComparison? Machine = null)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotComparableOutcome = "not_comparable";
}
