namespace AstroBench.Core.Statistics;

/// <summary>Spread figures that one outlier cannot inflate (docs/engine.md, "The adaptive rule").</summary>
public static class RobustSpread
{
    /// <summary>The MAD scaled to a normal distribution's standard deviation (1.4826 × MAD).</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>
    /// The robust CV in percent: 1.4826 × the median absolute deviation over the median. For normal samples it estimates the
    /// CV; one stray round moves it little, where it can double the CV of five rounds. 0 for one sample, NaN for a
    /// non-positive median.
    /// </summary>
    public static double CvPercentOf(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var median = Percentiles.OfSorted(sorted, 0.5);
        if (!(median > 0))
        {
            return double.NaN;
        }
        var deviations = sorted.Select(s => Math.Abs(s - median)).ToArray();
        Array.Sort(deviations);
        return MadToSigma * Percentiles.OfSorted(deviations, 0.5) / median * 100.0;
    }

    /// <summary>√(π/2): the asymptotic standard error of a normal sample's median over that of its mean.</summary>
    public const double MedianSeFactor = 1.2533141373155003;

    /// <summary>
    /// The median's relative standard error in percent, √(π/2) × the robust CV / √n: the large-sample standard error of the
    /// median of normal samples, with the MAD standing in for σ, so one stray round moves it as little as it moves the
    /// robust CV. Deterministic (no resampling), so the same samples always stop at the same round. 0 for one sample, NaN for
    /// a non-positive median.
    /// </summary>
    public static double MedianSePercentOf(IReadOnlyCollection<double> samples) =>
        MedianSeFactor * CvPercentOf(samples) / Math.Sqrt(Math.Max(1, samples.Count));
}
