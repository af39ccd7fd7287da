using AstroBench.Core.Inputs;

namespace AstroBench.Core.Statistics;

/// <summary>
/// Speedup of a candidate over the reference (reference median / candidate median) with a percentile
/// bootstrap interval: each side's round samples are resampled with replacement
/// <see cref="Resamples"/> times, the ratio of the resampled medians is taken each time, and the
/// 2.5th and 97.5th percentiles of those ratios bound the interval. The generator is seeded from the
/// samples' bits, so the same samples always give the same interval (the run folder stays
/// deterministic) and no process-randomised hash is involved.
/// </summary>
internal static class SpeedupBootstrap
{
    public const int Resamples = 2000;
    public const double Level = 0.95;

    /// <summary>A speedup point estimate and its interval; all ratios (dimensionless).</summary>
    public sealed record Estimate(double Ratio, double CiLow, double CiHigh, double CiLevel, string Verdict);

    public static Estimate Compute(IReadOnlyList<double> referenceSamplesNs, IReadOnlyList<double> candidateSamplesNs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(referenceSamplesNs.Count, nameof(referenceSamplesNs));
        ArgumentOutOfRangeException.ThrowIfZero(candidateSamplesNs.Count, nameof(candidateSamplesNs));
        var reference = referenceSamplesNs.ToArray();
        var candidate = candidateSamplesNs.ToArray();
        var ratio = Median(reference) / Median(candidate);

        var rng = new SeededRandom(SeedOf(reference, candidate));
        var ratios = new double[Resamples];
        var refSide = new BootstrapSide(reference);
        var candSide = new BootstrapSide(candidate);
        for (var b = 0; b < Resamples; b++)
        {
            // Reference first, then candidate: the generator's draws are consumed in the same order as always.
            var refMedian = refSide.ResampledMedian(rng);
            ratios[b] = refMedian / candSide.ResampledMedian(rng);
        }
        var alpha = (1.0 - Level) / 2.0;
        var low = OrderStatistics.Percentile(ratios, alpha);
        var high = OrderStatistics.Percentile(ratios, 1.0 - alpha);
        return new Estimate(ratio, low, high, Level, SpeedupVerdict.Of(low, high));
    }

    /// <summary>
    /// <c>Compute(reference, candidate).Verdict</c>, without the bootstrap when the two sides' samples do not overlap:
    /// every resampled median lies between its side's smallest and largest sample, so when all samples are positive
    /// and finite and every reference sample exceeds every candidate sample, every resampled ratio is above 1 and so is
    /// the interval (faster); the other way round, below 1 (slower). The scoreboard needs only the verdict, of every
    /// ordered pair of libraries per experiment: most pairs are seconds apart, and each bootstrap is 2,000 resamples.
    /// </summary>
    public static string VerdictOf(IReadOnlyList<double> referenceSamplesNs, IReadOnlyList<double> candidateSamplesNs)
    {
        if (Range(referenceSamplesNs) is var (refMin, refMax) && Range(candidateSamplesNs) is var (candMin, candMax))
        {
            if (refMin > candMax)
            {
                return SpeedupVerdict.Faster;
            }
            if (candMin > refMax)
            {
                return SpeedupVerdict.Slower;
            }
        }
        return Compute(referenceSamplesNs, candidateSamplesNs).Verdict;
    }

    /// <summary>The smallest and largest sample; null when there is none or one is not positive and finite (ratios could flip).</summary>
    private static (double Min, double Max)? Range(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }
        var (min, max) = (double.PositiveInfinity, 0.0);
        foreach (var x in samples)
        {
            if (!(x > 0) || !double.IsFinite(x))
            {
                return null;
            }
            (min, max) = (Math.Min(min, x), Math.Max(max, x));
        }
        return (min, max);
    }

    /// <summary>Median of <paramref name="values"/>; sorts it in place.</summary>
    private static double Median(double[] values)
    {
        Array.Sort(values);
        return Percentiles.OfSorted(values, 0.5);
    }

    /// <summary>FNV-1a over the bits of both sample lists (in order) and their lengths: a stable seed from the data.</summary>
    internal static long SeedOf(ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate)
    {
        var h = 0xCBF29CE484222325UL;
        void Mix(ulong v)
        {
            for (var i = 0; i < 8; i++)
            {
                h = unchecked((h ^ ((v >> (8 * i)) & 0xFF)) * 0x100000001B3UL);
            }
        }
        Mix((ulong)reference.Length);
        foreach (var x in reference)
        {
            Mix((ulong)BitConverter.DoubleToInt64Bits(x));
        }
        Mix((ulong)candidate.Length);
        foreach (var x in candidate)
        {
            Mix((ulong)BitConverter.DoubleToInt64Bits(x));
        }
        return unchecked((long)h);
    }
}
