namespace AstroBench.Server.Comparison;

public sealed record CompareRulesDto(double PerfMinChangePercent, bool PerfRequiresDisjointCi, double AccuracyRelativeTolerance,
    IReadOnlyDictionary<string, double> AccuracyAbsoluteFloor);

public sealed record AccuracyDeltaDto(string Experiment, string Library, string? Metric, string? Unit, double? P99A, double? P99B,
    double? MaxA, double? MaxB, double? DeltaP99, double? RelativeChange, bool DatasetChanged, string Verdict);

public sealed record PerfDeltaDto(string Experiment, string Library, double? MedianNsA, double? MedianNsB, double? ChangePercent,
    double?[]? CiA, double?[]? CiB, bool? CiOverlap, string Verdict);

public sealed record CompareSummaryDto(int AccuracyRegressions, int AccuracyImprovements, int PerfRegressions, int PerfImprovements);

public sealed record CompareDto(string RunA, string RunB, CompareRulesDto Rules, IReadOnlyList<AccuracyDeltaDto> Accuracy,
    IReadOnlyList<PerfDeltaDto> Performance, CompareSummaryDto Summary);
