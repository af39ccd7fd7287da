namespace AstroBench.Tests.Shared;

/// <summary>One library result of a minimal run for the CI gate, baselines, import and publish tests: accuracy p99/max of the primary metric and the perf rounds' samples.</summary>
public sealed record GateResult(string Experiment, string Library, double P99, double Max, double[]? SamplesNs,
    string Fingerprint = "sha256:aaaa", bool PerfValid = true, string? InvalidReason = null, string Outcome = "completed");
