using AstroBench.Core.Inputs;

namespace AstroBench.Core.Statistics;

/// <summary>
/// One side's samples, sorted once, for the resampled medians of the bootstrap. A resample draws indices into the
/// samples as given (so the generator's draws and the seed are what they always were); the draws are counted per
/// rank in sorted order and the resample is laid out sorted from those counts (a counting sort, O(n)) instead of
/// sorting it. The sorted resample holds exactly the values <c>Array.Sort</c> would give (NaN first, as it orders
/// them; equal values are the same bits — ±0 aside, which no timing is — so how ties are broken cannot show), and the median is taken from it by the
/// same <see cref="Percentiles.OfSorted"/>: every ratio, and so every interval, is bit-for-bit the old one. The
/// scoreboard computes some 1,400 of these bootstraps per run (every ordered pair of libraries per experiment), and a
/// sort per resample was most of a publish's CPU time (docs/publish-import.md, "Cost").
/// </summary>
internal sealed class BootstrapSide
{
    private readonly double[] _sorted;
    private readonly int[] _rankOf;
    private readonly int[] _counts;
    private readonly double[] _resample;

    public BootstrapSide(double[] samples)
    {
        var order = new int[samples.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        _sorted = (double[])samples.Clone();
        Array.Sort(_sorted, order);
        _rankOf = new int[samples.Length];
        for (var r = 0; r < order.Length; r++)
        {
            _rankOf[order[r]] = r;
        }
        _counts = new int[samples.Length];
        _resample = new double[samples.Length];
    }

    public double ResampledMedian(SeededRandom rng)
    {
        var n = _rankOf.Length;
        Array.Clear(_counts);
        for (var i = 0; i < n; i++)
        {
            // Modulo bias is below 2^-58 for a handful of rounds: irrelevant here.
            _counts[_rankOf[(int)(rng.NextUInt64() % (ulong)n)]]++;
        }
        var k = 0;
        for (var r = 0; r < n; r++)
        {
            for (var c = _counts[r]; c > 0; c--)
            {
                _resample[k++] = _sorted[r];
            }
        }
        return Percentiles.OfSorted(_resample, 0.5);
    }
}
