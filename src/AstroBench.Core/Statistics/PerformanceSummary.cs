using System.Globalization;

namespace AstroBench.Core.Statistics;

/// <summary>Per-operation timing over several rounds (each a fresh process), in nanoseconds.</summary>
public sealed record PerformanceSummary(
    bool Valid,
    string? InvalidReason,
    int Rounds,
    long OpsPerRound,
    double MedianNs,
    double Q1Ns,
    double Q3Ns,
    double IqrNs,
    double MinNs,
    double MaxNs,
    double MeanNs,
    double CvPercent,
    double CiLowNs,
    double CiHighNs,
    double CiLevel,
    double ThroughputOpsPerS,
    double ClockResNs,
    IReadOnlyList<double> SamplesNs,
    double? SpeedupVsReference)
{
    /// <summary>Above this coefficient of variation a result is flagged unstable and never ranked.</summary>
    public const double MaxCvPercent = 20.0;

    public static PerformanceSummary From(IReadOnlyList<double> samplesNs, long opsPerRound, double clockResNs)
    {
        var sorted = samplesNs.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var mean = sorted.Average();
        var variance = n > 1 ? sorted.Sum(s => (s - mean) * (s - mean)) / (n - 1) : 0.0;
        var cv = mean > 0 ? Math.Sqrt(variance) / mean * 100.0 : double.NaN;
        var median = Percentiles.OfSorted(sorted, 0.5);
        var q1 = Percentiles.OfSorted(sorted, 0.25);
        var q3 = Percentiles.OfSorted(sorted, 0.75);
        var (lo, hi, level) = MedianConfidenceInterval.Compute(sorted);
        var (valid, reason) = Judge(median, cv, clockResNs, opsPerRound);
        return new PerformanceSummary(valid, reason, n, opsPerRound, median, q1, q3, q3 - q1,
            sorted[0], sorted[^1], mean, cv, lo, hi, level, 1e9 / median, clockResNs, samplesNs.ToArray(), null);
    }

    private static (bool Valid, string? Reason) Judge(double medianNs, double cv, double clockResNs, long ops)
    {
        // A round shorter than 1000 clock ticks cannot be timed to 0.1 %.
        if (medianNs * ops < 1000 * Math.Max(clockResNs, 1))
        {
            return (false, Inv($"round shorter than 1000 clock ticks ({medianNs * ops:0} ns, resolution {clockResNs:0.###} ns)"));
        }
        if (medianNs < Math.Max(clockResNs, 1))
        {
            return (false, Inv($"median {medianNs:0.###} ns/op is below the timer resolution ({clockResNs:0.###} ns) or 1 ns"));
        }
        if (!(cv <= MaxCvPercent))
        {
            return (false, Inv($"unstable: CV {cv:0.#} % > {MaxCvPercent:0} %"));
        }
        return (true, null);
    }

    /// <summary>The reason lands in result files (<c>invalid_reason</c>): never a decimal comma.</summary>
    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
