namespace AstroBench.Core.Statistics;

/// <summary>
/// Statistics of one metric over all cases: order statistics and moments of |value|, the signed
/// mean as <see cref="Bias"/>, and how many cases had no finite value.
/// </summary>
public sealed record DistributionSummary(
    int Count,
    int NanCount,
    double Min,
    double Max,
    double Mean,
    double Rms,
    double P50,
    double P90,
    double P95,
    double P99,
    double? Bias,
    int? ExceedCount)
{
    /// <summary>
    /// Summarises <paramref name="values"/>. The span is reordered in place (sorted by magnitude)
    /// to avoid a second copy for a million cases.
    /// </summary>
    public static DistributionSummary From(Span<double> values, bool signed, double? exceedThreshold = null)
    {
        var finite = 0;
        var nan = 0;
        double sumSigned = 0, sumAbs = 0, sumSq = 0;
        // Compact finite magnitudes to the front.
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                nan++;
                continue;
            }
            sumSigned += v;
            var a = Math.Abs(v);
            sumAbs += a;
            sumSq += v * v;
            values[finite++] = a;
        }
        var abs = values[..finite];
        abs.Sort();
        int? exceed = null;
        if (exceedThreshold is { } t)
        {
            var above = abs.Length - UpperBound(abs, t);
            exceed = above + nan;
        }
        if (finite == 0)
        {
            return new DistributionSummary(0, nan, double.NaN, double.NaN, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, double.NaN, signed ? double.NaN : null, exceed);
        }
        return new DistributionSummary(
            finite, nan, abs[0], abs[^1], sumAbs / finite, Math.Sqrt(sumSq / finite),
            Percentiles.OfSorted(abs, 0.50), Percentiles.OfSorted(abs, 0.90),
            Percentiles.OfSorted(abs, 0.95), Percentiles.OfSorted(abs, 0.99),
            signed ? sumSigned / finite : null, exceed);
    }

    private static int UpperBound(ReadOnlySpan<double> sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
