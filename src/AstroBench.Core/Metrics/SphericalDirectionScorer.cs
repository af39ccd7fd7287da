using AstroBench.Core.Numerics;

namespace AstroBench.Core.Metrics;

/// <summary>
/// Scores a direction given as (longitude, latitude) outputs, and optionally a round-trip closure:
/// the candidate's own back-transformed direction against the input direction.
/// </summary>
public sealed class SphericalDirectionScorer : IScorer
{
    private readonly int _lon;
    private readonly int _lat;
    private readonly Closure? _closure;

    /// <summary>Output columns of the back-transformed direction and the input columns they must match.</summary>
    public sealed record Closure(int OutputLon, int OutputLat, int InputLon, int InputLat, IReadOnlyList<string> OutputNames);

    public SphericalDirectionScorer(int lon, int lat, IReadOnlyList<string> outputNames, Closure? closure = null)
    {
        _lon = lon;
        _lat = lat;
        _closure = closure;
        var metrics = new List<MetricSpec> { new("angular_error_mas", "mas", false, outputNames) };
        if (closure is not null)
        {
            metrics.Add(new MetricSpec("closure_error_mas", "mas", false, closure.OutputNames, SelfCheck: true));
        }
        Metrics = metrics;
    }

    public IReadOnlyList<MetricSpec> Metrics { get; }

    public string PrimaryMetric => "angular_error_mas";

    public void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values)
    {
        values[0] = Angles.BetweenSpherical(reference[_lon], reference[_lat], candidate[_lon], candidate[_lat]) * Angles.MasPerRad;
        if (_closure is { } c)
        {
            values[1] = Angles.BetweenSpherical(input[c.InputLon], input[c.InputLat], candidate[c.OutputLon], candidate[c.OutputLat]) * Angles.MasPerRad;
        }
    }
}
