using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Comparison;

/// <summary>
/// The CI gate (<c>astrobench compare</c>, docs/ci.md): a baseline run against a candidate, accuracy and performance
/// judged separately by <see cref="GateRules"/>. Not comparable (exit 2) when the testbeds differ, when a result both
/// runs have was computed on a different dataset (fingerprint), or when the runs share no result at all.
/// </summary>
public static class CompareGate
{
    public static GateReport Evaluate(RunDetail baseline, string baselineTestbed, RunDetail candidate, string candidateTestbed,
        GateFailOn failOn, GateRules? rules = null)
    {
        rules ??= GateRules.Default;
        var pairs = ResultPairs.Join(baseline, candidate).ToList();
        var accuracy = pairs.Select(p => GateAccuracy.Judge(p.Experiment, p.Library, p.A, p.B, rules)).ToList();
        var machine = MachineComparison.Of(baseline, candidate, rules.PerfMinEffect * 100);
        var performance = pairs.Select(p => GatePerformance.Judge(p.Experiment, p.Library, p.A, p.B, rules)).OfType<GatePerfRow>()
            .Select(r => machine?.RowNote is { } note && r.Verdict is GateVerdicts.Regression or GateVerdicts.Improvement && r.Note is null ? r with { Note = note } : r)
            .ToList();
        var reason = NotComparable(pairs, baselineTestbed, candidateTestbed);
        var changed = accuracy.Select(r => r.Verdict).Concat(performance.Select(r => r.Verdict))
            .Any(v => failOn == GateFailOn.AnyChange ? GateVerdicts.IsChange(v) : v == GateVerdicts.Regression);
        var (outcome, exit) = reason is not null ? (GateReport.NotComparableOutcome, 2) : changed ? (GateReport.Fail, 1) : (GateReport.Pass, 0);
        return new GateReport(baseline.Summary.Id, candidate.Summary.Id, baselineTestbed, candidateTestbed,
            failOn == GateFailOn.AnyChange ? "any-change" : "regression", outcome, exit, reason, rules,
            GateSummary.Of(accuracy.Select(r => r.Verdict)), GateSummary.Of(performance.Select(r => r.Verdict)), accuracy, performance, machine);
    }

    private static string? NotComparable(List<(string Experiment, string Library, ResultRow? A, ResultRow? B)> pairs, string testbedA, string testbedB)
    {
        if (testbedA != testbedB)
        {
            return $"different testbeds: baseline {testbedA}, candidate {testbedB}";
        }
        var common = pairs.Where(p => p.A is not null && p.B is not null).ToList();
        if (common.Count == 0)
        {
            return "the runs have no (experiment, library) result in common";
        }
        var moved = common.FirstOrDefault(p => p.A!.Fingerprint is { } fa && p.B!.Fingerprint is { } fb && fa != fb);
        return moved.A is not null
            ? $"different datasets for {moved.Experiment}/{moved.Library}: fingerprint {moved.A.Fingerprint} vs {moved.B!.Fingerprint} (same n and seed needed)"
            : null;
    }
}
