using System.Globalization;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// What the machine-speed probe's samples say about a run (docs/engine.md, "The machine-speed probe"), as pure functions:
/// the drift over the run and the sentence the run summary prints; across two runs, whether their machines' speeds
/// differed by more than the performance threshold a compare uses for its verdicts.
/// </summary>
public static class MachineDrift
{
    /// <summary>
    /// Above this drift the run says its medians are reproducible only to about the drift: the reproducibility target itself
    /// (two runs' medians within 3 %), since a machine that moved by more cannot meet it whatever the engine does.
    /// </summary>
    public const double ThresholdPercent = 3.0;

    /// <summary>The manifest's probe block from every sample of the run (in any order); null without samples.</summary>
    public static RunProbe? Of(IReadOnlyCollection<double> samplesNs)
    {
        if (samplesNs.Count == 0)
        {
            return null;
        }
        var sorted = samplesNs.Order().ToArray();
        var median = Percentiles.OfSorted(sorted, 0.5);
        // The 10th to 90th percentile, not min to max: a lone probe process hit by an interrupt is one sample of hundreds and
        // said nothing about the machine (one such sample read as "reproducible only to about 50 %" beside a robust CV of
        // 1 % and two runs' probe medians 0.8 % apart), while a change of the machine's speed that lasts covers many cycles.
        var drift = DriftPercent(Percentiles.OfSorted(sorted, 0.1), Percentiles.OfSorted(sorted, 0.9), median);
        return new RunProbe(MachineProbe.Kernel, MachineProbe.Values, sorted.Length, Round(median), Round(sorted[0]), Round(sorted[^1]),
            Round(drift), Round(RobustSpread.CvPercentOf(sorted)), ThresholdPercent, Varied(drift));
    }

    /// <summary>(high − low) / median in percent (the run's 90th and 10th percentiles); NaN for a non-positive median.</summary>
    public static double DriftPercent(double low, double high, double median) => median > 0 ? (high - low) / median * 100.0 : double.NaN;

    /// <summary>Whether a drift is too large for the reproducibility target (NaN counts as varied: nothing says it was steady).</summary>
    public static bool Varied(double driftPercent) => !(driftPercent <= ThresholdPercent);

    /// <summary>The run summary's line about the machine (the CLI's last lines and <c>summary.md</c>).</summary>
    public static string Statement(RunProbe probe)
    {
        var x = probe.DriftPercent.ToString("0.0", CultureInfo.InvariantCulture);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"probe median {probe.MedianNs:0.###} ns/op, min {probe.MinNs:0.###}, max {probe.MaxNs:0.###}, robust CV {probe.RobustCvPercent:0.0} %, {probe.Samples} samples");
        return probe.Varied
            ? $"machine speed varied by {x} % during timing: medians are reproducible only to about {x} % ({figures})"
            : $"machine speed steady within {x} % during timing ({figures})";
    }

    /// <summary>How much faster (negative) or slower (positive) the candidate's machine was than the baseline's, in percent of the baseline's probe median.</summary>
    public static double DifferencePercent(double baselineMedianNs, double candidateMedianNs) =>
        (candidateMedianNs - baselineMedianNs) / baselineMedianNs * 100.0;

    /// <summary>
    /// Whether two runs' machines differed by more than <paramref name="thresholdPercent"/> (the compare's own threshold
    /// for a performance verdict): a change of that size in a library's median may then be the machine's, not the code's.
    /// </summary>
    public static bool Differs(double baselineMedianNs, double candidateMedianNs, double thresholdPercent) =>
        baselineMedianNs > 0 && candidateMedianNs > 0 && Math.Abs(DifferencePercent(baselineMedianNs, candidateMedianNs)) > thresholdPercent;

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, 4) : v;
}
