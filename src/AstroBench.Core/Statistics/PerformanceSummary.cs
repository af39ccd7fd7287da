using System.Globalization;

namespace AstroBench.Core.Statistics;

/// <summary>Per-operation timing over several rounds (each a fresh process), in nanoseconds.</summary>
/// <remarks>
/// A round's sample is the median of the values its process timed (<see cref="ValuesPerRound"/>, protocol 4; each
/// value's ns/op in <see cref="RoundValuesNs"/>), so every statistic here is over independent processes.
/// </remarks>
/// <remarks>
/// The per-op figures (samples, median, …) have the adapter's empty-loop cost subtracted when it reports one;
/// <see cref="Loop"/> keeps the raw figures and the cost (docs/engine.md). <see cref="SpeedupLabel"/>:
/// <c>model_mismatch</c> when the speedup does not compare equal work (<see cref="SpeedupLabels"/>).
/// </remarks>
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
    double? SpeedupVsReference,
    double? SpeedupCiLow = null,
    double? SpeedupCiHigh = null,
    double? SpeedupCiLevel = null,
    string? SpeedupVerdict = null,
    int? Segment = null,
    LoopCost? Loop = null,
    string? SpeedupLabel = null,
    string? SpeedupLabelReason = null,

    int? RoundsPlanned = null,
    int? RoundsMax = null,
    string? RoundsStop = null,
    IReadOnlyList<int>? RoundSequence = null,
    int? ValuesPerRound = null,
    IReadOnlyList<IReadOnlyList<double>>? RoundValuesNs = null,
    IReadOnlyList<double>? ProbeNs = null,
    IReadOnlyList<int>? RoundCycles = null,
    RoundsContention? Contention = null,
    IReadOnlyList<int>? RoundParts = null)
{
    /// <summary>Fewer rounds than this cannot show whether a figure is stable: the result is a smoke figure, never ranked.</summary>
    public const int MinRounds = 3;

    /// <summary>The stable, machine-readable start of <c>invalid_reason</c> when there are fewer than <see cref="MinRounds"/> rounds.</summary>
    public const string TooFewRoundsCode = "too_few_rounds";

    /// <summary>The stable, machine-readable start of <c>invalid_reason</c> when the CV is above <see cref="MaxCvPercent"/>.</summary>
    public const string UnstableCode = "unstable";

    /// <summary>Whether <paramref name="invalidReason"/> flags a result with <paramref name="code"/> (one of the codes
    /// above): the one test of "flagged for this reason", since a reason is its code followed by its figures.</summary>
    public static bool IsFlagged(string? invalidReason, string code) => invalidReason?.StartsWith(code, StringComparison.Ordinal) == true;

    /// <summary>Above this coefficient of variation a result is flagged unstable and never ranked.</summary>
    public const double MaxCvPercent = 20.0;

    public static PerformanceSummary From(IReadOnlyList<double> samplesNs, long opsPerRound, double clockResNs)
    {
        var sorted = samplesNs.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var mean = sorted.Average();
        var cv = CvPercentOf(sorted);
        var median = Percentiles.OfSorted(sorted, 0.5);
        var q1 = Percentiles.OfSorted(sorted, 0.25);
        var q3 = Percentiles.OfSorted(sorted, 0.75);
        var (lo, hi, level) = MedianConfidenceInterval.Compute(sorted);
        var (valid, reason) = Judge(n, median, cv, clockResNs, opsPerRound);
        return new PerformanceSummary(valid, reason, n, opsPerRound, median, q1, q3, q3 - q1,
            sorted[0], sorted[^1], mean, cv, lo, hi, level, 1e9 / median, clockResNs, samplesNs.ToArray(), null);
    }

    /// <summary>Sample standard deviation over mean, in percent (0 for one sample, NaN for a non-positive mean).</summary>
    public static double CvPercentOf(IReadOnlyCollection<double> samplesNs)
    {
        var n = samplesNs.Count;
        var mean = samplesNs.Average();
        var variance = n > 1 ? samplesNs.Sum(s => (s - mean) * (s - mean)) / (n - 1) : 0.0;
        return mean > 0 ? Math.Sqrt(variance) / mean * 100.0 : double.NaN;
    }

    /// <summary>
    /// This result with its speedup against <paramref name="reference"/> (reference median / this median):
    /// only when both are valid, with a bootstrap interval and a verdict; the reference itself gets 1 and no interval.
    /// Otherwise every speedup field is null.
    /// </summary>
    public PerformanceSummary WithSpeedupAgainst(PerformanceSummary? reference, bool isReference)
    {
        if (reference is null || !Valid || !reference.Valid)
        {
            return this with { SpeedupVsReference = null, SpeedupCiLow = null, SpeedupCiHigh = null, SpeedupCiLevel = null, SpeedupVerdict = null };
        }
        if (isReference)
        {
            return this with { SpeedupVsReference = 1.0, SpeedupCiLow = null, SpeedupCiHigh = null, SpeedupCiLevel = null, SpeedupVerdict = null };
        }
        var e = SpeedupBootstrap.Compute(reference.SamplesNs, SamplesNs);
        return this with { SpeedupVsReference = e.Ratio, SpeedupCiLow = e.CiLow, SpeedupCiHigh = e.CiHigh, SpeedupCiLevel = e.CiLevel, SpeedupVerdict = e.Verdict };
    }

    private static (bool Valid, string? Reason) Judge(int rounds, double medianNs, double cv, double clockResNs, long ops)
    {
        if (rounds < MinRounds)
        {
            return (false, Inv($"{TooFewRoundsCode}: {rounds} round{(rounds == 1 ? "" : "s")} (at least {MinRounds} are needed to judge stability)"));
        }
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
            return (false, Inv($"{UnstableCode}: CV {cv:0.#} % > {MaxCvPercent:0} %"));
        }
        return (true, null);
    }

    /// <summary>The stable, machine-readable start of <c>invalid_reason</c> when fewer than <see cref="MinRounds"/> of the
    /// rounds were uncontended (<see cref="StandingRounds"/>).</summary>
    public const string ContendedCode = "contended";

    /// <summary>This result flagged <see cref="ContendedCode"/> when fewer than <see cref="MinRounds"/> of its rounds were
    /// uncontended (docs/engine.md, "Contended rounds left out"): its figures are then over every round, most of them the
    /// machine's. Unchanged with enough uncontended rounds, and with too few rounds anyway (<see cref="TooFewRoundsCode"/> says more).</summary>
    public PerformanceSummary FlaggedIfContended(int uncontendedRounds) => Rounds < MinRounds || uncontendedRounds >= MinRounds
        ? this
        : this with
        {
            Valid = false,
            InvalidReason = Inv($"{ContendedCode}: {uncontendedRounds} of {Rounds} rounds uncontended (at least {MinRounds} are needed); the figures are over all {Rounds}, the others timed while the machine was contended"),
        };

    /// <summary>The reason lands in result files (<c>invalid_reason</c>): never a decimal comma.</summary>
    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
