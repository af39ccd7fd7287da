using AstroBench.Core.Numerics;

namespace AstroBench.Core.Metrics;

/// <summary>Scores angles such as GMST and ERA: signed differences wrapped to ±π, in arcsec.</summary>
public sealed class AngleDifferenceScorer : IScorer
{
    private readonly int[] _columns;

    /// <param name="outputs">Output column name → metric name, in output-column order.</param>
    public AngleDifferenceScorer(IReadOnlyList<(string Output, string Metric)> outputs)
    {
        _columns = Enumerable.Range(0, outputs.Count).ToArray();
        Metrics = outputs.Select(o => new MetricSpec(o.Metric, "arcsec", true, [o.Output])).ToList();
    }

    public IReadOnlyList<MetricSpec> Metrics { get; }

    public string PrimaryMetric => Metrics[0].Name;

    public void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            values[i] = Angles.WrapPi(candidate[c] - reference[c]) * Angles.ArcsecPerRad;
        }
    }
}
