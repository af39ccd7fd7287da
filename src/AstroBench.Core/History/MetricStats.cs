namespace AstroBench.Core.History;

/// <summary>The statistics of one accuracy metric in one result (over |value|; docs/run-folder.md), in the metric's unit.</summary>
public sealed record MetricStats(
    string Metric,
    string? Unit,
    double? P50,
    double? P99,
    double? Max,
    double? Mean,
    double? Rms,
    double? Bias,
    long? Count,
    long? NanCount);
