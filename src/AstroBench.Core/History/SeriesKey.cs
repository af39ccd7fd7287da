using System.Text.RegularExpressions;

namespace AstroBench.Core.History;

/// <summary>
/// One series (docs/history.md): a testbed, an experiment, a library and a metric — an accuracy metric's name
/// or <see cref="PerformanceMetric"/>. Series never mix testbeds.
/// </summary>
public sealed partial record SeriesKey(string Testbed, string Experiment, string Library, string Metric)
{
    /// <summary>The performance series of a result: its median ns/op.</summary>
    public const string PerformanceMetric = "median_ns";

    public bool IsPerformance => Metric == PerformanceMetric;

    /// <summary>Metric names as the result files spell them (snake_case).</summary>
    public static bool IsValidMetric(string? metric) => metric is { Length: > 0 and <= 64 } && MetricPattern().IsMatch(metric);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex MetricPattern();
}
