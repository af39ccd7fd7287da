using AstroBench.Core.Numerics;

namespace AstroBench.Core.Metrics;

/// <summary>Scores a geocentric position given as outputs (ra_rad, dec_rad, dist_au).</summary>
public sealed class AngularPositionScorer : IScorer
{
    public IReadOnlyList<MetricSpec> Metrics { get; } =
    [
        new("separation_arcsec", "arcsec", false, ["ra_rad", "dec_rad"]),
        new("ra_cosdec_error_arcsec", "arcsec", true, ["ra_rad", "dec_rad"]),
        new("dec_error_arcsec", "arcsec", true, ["dec_rad"]),
        new("dist_error_km", "km", true, ["dist_au"]),
    ];

    public string PrimaryMetric => "separation_arcsec";

    public void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values)
    {
        values[0] = Angles.BetweenSpherical(reference[0], reference[1], candidate[0], candidate[1]) * Angles.ArcsecPerRad;
        values[1] = Angles.WrapPi(candidate[0] - reference[0]) * Math.Cos(reference[1]) * Angles.ArcsecPerRad;
        values[2] = (candidate[1] - reference[1]) * Angles.ArcsecPerRad;
        values[3] = (candidate[2] - reference[2]) * Angles.KmPerAu;
    }
}
