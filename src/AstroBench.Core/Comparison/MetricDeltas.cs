namespace AstroBench.Core.Comparison;

/// <summary>The original lab's <c>MetricDelta</c>: one row per (experiment, library, metric).</summary>
public sealed record MetricDeltaDto(string Experiment, string Library, string Metric, double? ValueA, double? ValueB, double? Delta,
    double? DeltaPct, bool Regression);

/// <summary>
/// The original lab's flat <c>deltas</c> list, derived from AstroBench's verdicts: accuracy as
/// <c>&lt;primary metric&gt;.p99</c> and <c>.max</c>, performance as <c>per_op_ns</c> (the median).
/// <c>regression</c> is AstroBench's significance verdict, not "any increase" as in the original,
/// so noise is never reported as a regression.
/// </summary>
public static class MetricDeltas
{
    public static List<MetricDeltaDto> From(IEnumerable<AccuracyDeltaDto> accuracy, IEnumerable<PerfDeltaDto> performance)
    {
        var deltas = new List<MetricDeltaDto>();
        foreach (var a in accuracy.Where(a => a.Metric is not null))
        {
            var regressed = a.Verdict == "regressed";
            Add(deltas, a.Experiment, a.Library, a.Metric + ".p99", a.P99A, a.P99B, regressed);
            Add(deltas, a.Experiment, a.Library, a.Metric + ".max", a.MaxA, a.MaxB, regressed);
        }
        foreach (var p in performance)
        {
            Add(deltas, p.Experiment, p.Library, "per_op_ns", p.MedianNsA, p.MedianNsB, p.Verdict == "regressed");
        }
        return deltas;
    }

    private static void Add(List<MetricDeltaDto> deltas, string experiment, string library, string metric, double? a, double? b, bool regression)
    {
        if (a is null && b is null)
        {
            return;
        }
        double? delta = a is { } x && b is { } y ? y - x : null;
        double? pct = delta is { } d && a is { } baseline && baseline != 0 ? d / Math.Abs(baseline) * 100.0 : null;
        deltas.Add(new MetricDeltaDto(experiment, library, metric, a, b, delta, pct, regression));
    }
}
