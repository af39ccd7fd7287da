namespace AstroBench.Core.Metrics;

/// <summary>Turns one case's reference and candidate outputs into metric values (NaN when not computable).</summary>
public interface IScorer
{
    IReadOnlyList<MetricSpec> Metrics { get; }

    /// <summary>The metric used to rank worst cases and for summary tables.</summary>
    string PrimaryMetric { get; }

    /// <summary>Fills <paramref name="values"/> (one slot per entry of <see cref="Metrics"/>).</summary>
    void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values);
}
