using AstroBench.Core.Experiments;
using AstroBench.Core.Ranking;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Ranking;

/// <summary>Contestants and uncertainties for the comparison tests.</summary>
internal static class Contestants
{
    public const string Metric = "angular_error_mas";

    public static Contestant Accuracy(string library, double p99, string role = "candidate", string metric = Metric) =>
        new("frame_bias", library, role, "completed", "model-parity", metric, "mas", p99, false, null, null, [], null);

    /// <summary>A contestant timed with these per-round medians (a real <see cref="PerformanceSummary"/> judges validity).</summary>
    public static Contestant Timed(string library, params double[] samplesNs)
    {
        var perf = PerformanceSummary.From(samplesNs, opsPerRound: 1_000_000, clockResNs: 1);
        return new Contestant("frame_bias", library, "candidate", "completed", "model-parity", Metric, "mas", 1.0, perf.Valid, perf.InvalidReason,
            perf.MedianNs, perf.SamplesNs, null);
    }

    public static ReferenceUncertainty Uncertainty(double value, string metric = Metric) =>
        new(value, "mas", metric, "test", "test", new UncertaintyProvenance("2026-01-01_00-00-00", "astropy", "erfa", "2026-01-01", 100),
            [new UncertaintyRange(2000, 2100, 100, value, value)]);
}
