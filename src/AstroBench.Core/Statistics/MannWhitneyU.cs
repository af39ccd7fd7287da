using MathNet.Numerics.Distributions;

namespace AstroBench.Core.Statistics;

/// <summary>
/// The two-sided Mann–Whitney U test (Mann &amp; Whitney 1947) of "x and y come from the same distribution" against
/// a shift. U of x = rank sum of x − n₁(n₁+1)/2 with mid-ranks for ties. The p-value is exact (the null
/// distribution of U counted by recursion) when both sides are small and untied, otherwise the normal
/// approximation with tie-corrected variance and a continuity correction.
/// </summary>
public static class MannWhitneyU
{
    /// <summary>Up to this many values per side (and no ties) the exact distribution is counted.</summary>
    public const int ExactMaxPerSide = 12;

    public static MannWhitneyResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n1 = x.Count, n2 = y.Count;
        if (n1 == 0 || n2 == 0)
        {
            return new MannWhitneyResult(0, 1, 0.5);
        }
        var all = x.Select(v => (Value: v, FromX: true)).Concat(y.Select(v => (Value: v, FromX: false))).OrderBy(p => p.Value).ToList();
        double rankSumX = 0, tieTerm = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j + 1 < all.Count && all[j + 1].Value == all[i].Value)
            {
                j++;
            }
            var midRank = (i + j + 2) / 2.0;
            var t = j - i + 1;
            tieTerm += (double)t * t * t - t;
            for (var k = i; k <= j; k++)
            {
                rankSumX += all[k].FromX ? midRank : 0;
            }
            i = j + 1;
        }
        var u = rankSumX - n1 * (n1 + 1) / 2.0;
        // Common-language effect size: P(X > Y) + ½ P(X = Y).
        var probability = u / ((double)n1 * n2);
        var p = tieTerm == 0 && n1 <= ExactMaxPerSide && n2 <= ExactMaxPerSide ? ExactP(u, n1, n2) : NormalP(u, n1, n2, tieTerm);
        return new MannWhitneyResult(u, Math.Min(1, p), probability);
    }

    private static double NormalP(double u, int n1, int n2, double tieTerm)
    {
        double n = n1 + n2, mean = n1 * (double)n2 / 2;
        var variance = n1 * (double)n2 / 12 * (n + 1 - tieTerm / (n * (n - 1)));
        if (variance <= 0)
        {
            return 1;
        }
        var z = (Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return z <= 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, z));
    }

    /// <summary>2·P(U ≤ min(u, n₁n₂ − u)) from the counts of rank arrangements giving each U.</summary>
    private static double ExactP(double u, int n1, int n2)
    {
        var max = n1 * n2;
        // counts[m, n][k]: arrangements of m x's and n y's whose U equals k; c(m,n,k) = c(m−1,n,k−n) + c(m,n−1,k).
        var prev = new double[n2 + 1][];
        for (var n = 0; n <= n2; n++)
        {
            prev[n] = new double[max + 1];
            prev[n][0] = 1;
        }
        for (var m = 1; m <= n1; m++)
        {
            var cur = new double[n2 + 1][];
            cur[0] = new double[max + 1];
            cur[0][0] = 1;
            for (var n = 1; n <= n2; n++)
            {
                cur[n] = new double[max + 1];
                for (var k = 0; k <= m * n; k++)
                {
                    cur[n][k] = (k >= n ? prev[n][k - n] : 0) + cur[n - 1][k];
                }
            }
            prev = cur;
        }
        var counts = prev[n2];
        var total = counts.Sum();
        var tail = Math.Min(u, max - u);
        var below = 0.0;
        for (var k = 0; k <= (int)Math.Floor(tail); k++)
        {
            below += counts[k];
        }
        return 2 * below / total;
    }
}
