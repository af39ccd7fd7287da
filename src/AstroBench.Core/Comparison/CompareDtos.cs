namespace AstroBench.Core.Comparison;

public sealed record CompareRulesDto(double PerfMinChangePercent, bool PerfRequiresDisjointCi, double AccuracyRelativeTolerance,
    IReadOnlyDictionary<string, double> AccuracyAbsoluteFloor);

public sealed record AccuracyDeltaDto(string Experiment, string Library, string? Metric, string? Unit, double? P99A, double? P99B,
    double? MaxA, double? MaxB, double? DeltaP99, double? RelativeChange, bool DatasetChanged, string Verdict);

public sealed record PerfDeltaDto(string Experiment, string Library, double? MedianNsA, double? MedianNsB, double? ChangePercent,
    double?[]? CiA, double?[]? CiB, bool? CiOverlap, string Verdict);

public sealed record CompareSummaryDto(int AccuracyRegressions, int AccuracyImprovements, int PerfRegressions, int PerfImprovements);

/// <summary>The original lab's <c>CompareResult</c> (run_a, run_b, deltas), then AstroBench's rules, per-kind verdicts and summary.</summary>
public sealed record CompareDto(string RunA, string RunB, IReadOnlyList<MetricDeltaDto> Deltas, CompareRulesDto Rules, IReadOnlyList<AccuracyDeltaDto> Accuracy,
    IReadOnlyList<PerfDeltaDto> Performance, CompareSummaryDto Summary, CompareTestbedsDto? Testbeds = null, MachineComparison? Machine = null);

/// <summary>Both runs' testbed keys (docs/history.md; <c>unknown</c> without one): performance across testbeds is not comparable.</summary>
public sealed record CompareTestbedsDto(string A, string B, bool Differ);
