namespace AstroBench.Core.Statistics;

/// <summary>
/// Distribution-free confidence interval of the median from order statistics: the interval
/// [x(k), x(n+1−k)] covers the median with probability 1 − 2·P(Binomial(n, ½) &lt; k). The
/// largest k with coverage ≥ the target is chosen; with very few samples the widest interval
/// [min, max] is used and its (lower) exact coverage is reported.
/// </summary>
public static class MedianConfidenceInterval
{
    public static (double Low, double High, double Level) Compute(ReadOnlySpan<double> sorted, double target = 0.95)
    {
        var n = sorted.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN, 0);
        }
        if (n == 1)
        {
            return (sorted[0], sorted[0], 0);
        }
        var bestK = 1;
        var bestLevel = Coverage(n, 1);
        for (var k = 2; k <= n / 2; k++)
        {
            var level = Coverage(n, k);
            if (level < target)
            {
                break;
            }
            bestK = k;
            bestLevel = level;
        }
        return (sorted[bestK - 1], sorted[n - bestK], bestLevel);
    }

    /// <summary>Coverage of [x(k), x(n+1−k)]: 1 − 2·Σ_{i&lt;k} C(n,i)/2^n.</summary>
    internal static double Coverage(int n, int k)
    {
        double tail = 0;
        double c = 1; // C(n, 0)
        for (var i = 0; i < k; i++)
        {
            tail += c;
            c = c * (n - i) / (i + 1);
        }
        return 1.0 - 2.0 * tail / Math.Pow(2, n);
    }
}
