using AstroBench.Core.Inputs;

namespace AstroBench.Core.Statistics;

/// <summary>
/// E-Divisive change-point detection (Matteson &amp; James 2014, "A Nonparametric Approach for Multiple Change
/// Point Analysis of Multivariate Data", JASA) as MongoDB runs it on its performance series (Daly et al. 2020,
/// ICPE): α = 1, the split end κ fixed at the segment's end. For a split of a segment into X (m values) and Y
/// (k values) the divergence is
/// Q̂ = mk/(m+k) · [ 2/(mk) Σ|Xᵢ−Yⱼ| − 2/(m(m−1)) Σ_{i&lt;j}|Xᵢ−Xⱼ| − 2/(k(k−1)) Σ_{i&lt;j}|Yᵢ−Yⱼ| ].
/// Bisection: the best split over all current segments is tested by permutation (values of that segment
/// shuffled, its best Q̂ recomputed; p = (#permutations ≥ observed + 1)/(R + 1)); a significant split is kept and
/// the search repeats, the first non-significant one stops it. Permutations are drawn from a seeded generator,
/// so a series always gives the same change points, and stop early once the split can no longer be significant.
/// </summary>
public static class EDivisive
{
    /// <summary>Indices where a new segment starts (ascending): index i means values[i] is the first of the new level.</summary>
    public static IReadOnlyList<int> ChangePoints(IReadOnlyList<double> series, EDivisiveOptions options)
    {
        // An array, so the O(n²) loops below index memory directly (the permutation test runs them up to 199 times).
        var values = series.ToArray();
        var random = new SeededRandom(options.Seed);
        var points = new List<int>();
        var bounds = new List<int> { 0, values.Length };
        var scratch = new double[values.Length];
        while (points.Count < options.MaxChangePoints)
        {
            (int Start, int End, int Split, double Q) best = (0, 0, -1, double.NegativeInfinity);
            for (var s = 0; s + 1 < bounds.Count; s++)
            {
                var (split, q) = BestSplit(values, bounds[s], bounds[s + 1], options.MinSegment);
                if (split >= 0 && q > best.Q)
                {
                    best = (bounds[s], bounds[s + 1], split, q);
                }
            }
            if (best.Split < 0 || !Significant(values, best.Start, best.End, best.Q, options, random, scratch))
            {
                break;
            }
            points.Add(best.Split);
            bounds.Add(best.Split);
            bounds.Sort();
        }
        points.Sort();
        return points;
    }

    /// <summary>The split of values[start..end) with the largest Q̂ (both sides ≥ minSegment), or (-1, −∞). O(n²).</summary>
    internal static (int Split, double Q) BestSplit(ReadOnlySpan<double> values, int start, int end, int minSegment)
    {
        var n = end - start;
        if (n < 2 * minSegment)
        {
            return (-1, double.NegativeInfinity);
        }
        // Moving one value at a time from the right side to the left updates the three sums in O(n).
        double within = 0, between = 0, right = 0;
        for (var i = start; i < end; i++)
        {
            for (var j = i + 1; j < end; j++)
            {
                right += Math.Abs(values[i] - values[j]);
            }
        }
        var best = (Split: -1, Q: double.NegativeInfinity);
        for (var t = start; t < end - 1; t++)
        {
            double toLeft = 0, toRight = 0;
            for (var i = start; i < t; i++)
            {
                toLeft += Math.Abs(values[i] - values[t]);
            }
            for (var j = t + 1; j < end; j++)
            {
                toRight += Math.Abs(values[j] - values[t]);
            }
            within += toLeft;
            right -= toRight;
            between += toRight - toLeft;
            double m = t - start + 1, k = n - m;
            if (m < minSegment || k < minSegment)
            {
                continue;
            }
            var e = 2 * between / (m * k) - 2 * within / (m * (m - 1)) - 2 * right / (k * (k - 1));
            var q = m * k / (m + k) * e;
            if (q > best.Q)
            {
                best = (t + 1, q);
            }
        }
        return best;
    }

    private static bool Significant(double[] values, int start, int end, double observed, EDivisiveOptions options,
        SeededRandom random, double[] scratch)
    {
        var n = end - start;
        for (var i = 0; i < n; i++)
        {
            scratch[i] = values[start + i];
        }
        var segment = scratch.AsSpan(0, n);
        // p ≤ pValue needs (exceed + 1)/(R + 1) ≤ pValue; once exceed passes that bound the answer is known.
        var allowed = (int)Math.Floor(options.PValue * (options.Permutations + 1)) - 1;
        var exceed = 0;
        for (var r = 0; r < options.Permutations; r++)
        {
            for (var i = n - 1; i > 0; i--)
            {
                var j = (int)(random.NextUInt64() % (ulong)(i + 1));
                (segment[i], segment[j]) = (segment[j], segment[i]);
            }
            if (BestSplit(segment, 0, n, options.MinSegment).Q >= observed && ++exceed > allowed)
            {
                return false;
            }
        }
        return exceed <= allowed;
    }
}
