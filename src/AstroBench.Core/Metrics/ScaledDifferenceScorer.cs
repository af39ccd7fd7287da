namespace AstroBench.Core.Metrics;

/// <summary>
/// Scores plain quantities (time-scale offsets in seconds): signed differences candidate − reference,
/// multiplied by <c>scale</c> into the metric's unit (e.g. 1e6 for seconds → µs).
/// </summary>
public sealed class ScaledDifferenceScorer : IScorer
{
    private readonly double _scale;

    /// <param name="outputs">Output column name → metric name, in output-column order.</param>
    public ScaledDifferenceScorer(IReadOnlyList<(string Output, string Metric)> outputs, string unit, double scale)
    {
        _scale = scale;
        Metrics = outputs.Select(o => new MetricSpec(o.Metric, unit, true, [o.Output])).ToList();
    }

    public IReadOnlyList<MetricSpec> Metrics { get; }

    public string PrimaryMetric => Metrics[0].Name;

    public void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values)
    {
        for (var i = 0; i < Metrics.Count; i++)
        {
            values[i] = (candidate[i] - reference[i]) * _scale;
        }
    }
}
