using AstroBench.Core.Experiments;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Ranking;

/// <summary>
/// Whether an accuracy figure lies within the reference's measured uncertainty (docs/scoreboard.md): the p99 of the
/// primary metric (of |error|) is at most the uncertainty, stated for the same metric. Null when that cannot be said:
/// no measurement, a different metric, or no finite p99.
/// </summary>
public static class ReferenceUncertaintyCheck
{
    public static bool? IsWithin(AccuracyResult? accuracy, ReferenceUncertainty? uncertainty)
    {
        if (accuracy is null || uncertainty is null || !accuracy.Metrics.TryGetValue(accuracy.PrimaryMetric, out var stats))
        {
            return null;
        }
        return IsWithin(accuracy.PrimaryMetric, stats.P99, uncertainty);
    }

    public static bool? IsWithin(string? metric, double? p99, ReferenceUncertainty? uncertainty) =>
        uncertainty is null || metric != uncertainty.Metric || p99 is not { } v || !double.IsFinite(v)
            ? null
            : Math.Abs(v) <= uncertainty.Value;
}
