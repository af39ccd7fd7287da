using AstroBench.Core.Inputs;

namespace AstroBench.Core.Statistics;

/// <summary>
/// One side's samples, sorted once, for the resampled medians of the bootstrap. A resample draws indices into the
/// samples as given (so the generator's draws and the seed are what they always were); the draws are counted per
/// rank in sorted order and the median's two ranks are read off the running count (a counting sort, O(n)) instead of
/// sorting the resample. Those are exactly the values <c>Array.Sort</c> would put there (NaN first, as it orders
/// them; equal values are the same bits — ±0 aside, which no timing is — so how ties are broken cannot show), and they are interpolated term for
/// term as <see cref="Percentiles.OfSorted"/> does: every ratio, and so every interval, is bit-for-bit the old one. The
/// scoreboard computes some 1,400 of these bootstraps per run (every ordered pair of libraries per experiment), and a
/// sort per resample was most of a publish's CPU time (docs/publish-import.md, "Cost").
/// </summary>
internal sealed class BootstrapSide
{
    private readonly double[] _sorted;
    private readonly int[] _rankOf;
    private readonly int[] _counts;
    private readonly int _lo;
    private readonly int _hi;
    private readonly double _fraction;

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
        // The median's two closest ranks and weight, as Percentiles.OfSorted(…, 0.5) computes them for n values.
        var h = (samples.Length - 1) * 0.5;
        _lo = (int)Math.Floor(h);
        _hi = Math.Min(_lo + 1, samples.Length - 1);
        _fraction = h - _lo;
    }

    public double ResampledMedian(SeededRandom rng)
    {
        var counts = _counts;
        var rankOf = _rankOf;
        for (var i = 0; i < rankOf.Length; i++)
        {
            // NextUInt64() % n, as always (modulo bias is below 2^-58 for a handful of rounds: irrelevant here).
            counts[rankOf[(int)(rng.NextUInt64() % (ulong)rankOf.Length)]]++;
        }
        // The ranks at sorted positions lo and hi, read off the running count (and the counts cleared for the next draw).
        int rankLo = -1, rankHi = -1, seen = 0;
        for (var r = 0; r < counts.Length; r++)
        {
            seen += counts[r];
            counts[r] = 0;
            if (rankLo < 0 && seen > _lo)
            {
                rankLo = r;
            }
            if (rankHi < 0 && seen > _hi)
            {
                rankHi = r;
            }
        }
        // Percentiles.OfSorted(resample sorted, 0.5), term for term.
        return _sorted[rankLo] + (_fraction * (_sorted[rankHi] - _sorted[rankLo]));
    }
}
