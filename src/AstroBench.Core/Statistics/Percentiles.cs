namespace AstroBench.Core.Statistics;

public static class Percentiles
{
    /// <summary>Linear interpolation between closest ranks (NumPy's default, "type 7") on sorted data.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
