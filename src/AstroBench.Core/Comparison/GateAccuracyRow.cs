namespace AstroBench.Core.Comparison;

/// <summary>One accuracy result of the gate: the primary metric's p99 and max on both sides, in <see cref="Unit"/>.</summary>
public sealed record GateAccuracyRow(string Experiment, string Library, string? Metric, string? Unit,
    double? P99Baseline, double? P99Candidate, double? MaxBaseline, double? MaxCandidate, string Verdict, string? Note);
