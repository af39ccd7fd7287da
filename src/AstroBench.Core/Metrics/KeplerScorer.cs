using AstroBench.Core.Numerics;

namespace AstroBench.Core.Metrics;

/// <summary>
/// Scores a Kepler solver (inputs m_rad, e; outputs e_anom_rad, true_anom_rad): anomaly errors
/// against the reference and the candidate's own residual |M − (E − e sin E)|.
/// </summary>
public sealed class KeplerScorer : IScorer
{
    /// <summary>A residual above this many radians (≈ 0.2 mas) counts as not converged.</summary>
    public const double ConvergenceToleranceRad = 1e-9;

    public IReadOnlyList<MetricSpec> Metrics { get; } =
    [
        new("e_anom_error_arcsec", "arcsec", true, ["e_anom_rad"]),
        new("true_anom_error_arcsec", "arcsec", true, ["true_anom_rad"]),
        new("residual_rad", "rad", false, ["e_anom_rad"], ConvergenceToleranceRad, "non_converged", SelfCheck: true),
    ];

    public string PrimaryMetric => "e_anom_error_arcsec";

    public void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values)
    {
        var m = input[0];
        var e = input[1];
        var ecc = candidate[0];
        values[0] = Angles.WrapPi(ecc - reference[0]) * Angles.ArcsecPerRad;
        values[1] = Angles.WrapPi(candidate[1] - reference[1]) * Angles.ArcsecPerRad;
        values[2] = Math.Abs(Angles.WrapPi(m - (ecc - e * Math.Sin(ecc))));
    }
}
