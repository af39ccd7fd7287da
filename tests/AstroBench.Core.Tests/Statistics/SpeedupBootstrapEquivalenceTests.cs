using AstroBench.Core.Inputs;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

/// <summary>
/// The bootstrap's resampled medians come from a counting sort over ranks (BootstrapSide), not a sort per resample:
/// the intervals must be bit-for-bit those of the plain algorithm — sort the samples, resample with the seeded
/// generator, sort each resample, take the median — since run folders, scoreboards and published sites carry them.
/// </summary>
public sealed class SpeedupBootstrapEquivalenceTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 2, 3, 2 }, { 5, 5, 3 }, { 5, 7, 4 }, { 10, 4, 5 }, { 31, 30, 6 }, { 3, 3, 7 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Intervals_AreBitForBit_ThoseOfSortingEveryResample(int referenceCount, int candidateCount, int seed)
    {
        var random = new SeededRandom(seed);
        for (var trial = 0; trial < 20; trial++)
        {
            // Few distinct values on odd trials, so resamples are full of ties; NaN and infinities once.
            double Draw() => trial % 2 == 1 ? 40 + Math.Floor(random.NextDouble() * 3) : 40 + 10 * random.NextDouble();
            var reference = Enumerable.Range(0, referenceCount).Select(_ => Draw()).ToArray();
            var candidate = Enumerable.Range(0, candidateCount).Select(_ => Draw()).ToArray();
            if (trial == 4 && candidateCount > 2)
            {
                candidate[0] = double.NaN;
                candidate[1] = double.PositiveInfinity;
            }

            var actual = SpeedupBootstrap.Compute(reference, candidate);

            Assert.Equal(Plain(reference, candidate), actual);
        }
    }

    /// <summary>The algorithm as first written: every resample sorted.</summary>
    private static SpeedupBootstrap.Estimate Plain(double[] referenceSamples, double[] candidateSamples)
    {
        var reference = referenceSamples.ToArray();
        var candidate = candidateSamples.ToArray();
        var ratio = Median(reference) / Median(candidate);
        var rng = new SeededRandom(SpeedupBootstrap.SeedOf(reference, candidate));
        var ratios = new double[SpeedupBootstrap.Resamples];
        var a = new double[reference.Length];
        var b = new double[candidate.Length];
        for (var i = 0; i < ratios.Length; i++)
        {
            Resample(reference, a, rng);
            Resample(candidate, b, rng);
            ratios[i] = Median(a) / Median(b);
        }
        Array.Sort(ratios);
        var alpha = (1.0 - SpeedupBootstrap.Level) / 2.0;
        var low = Percentiles.OfSorted(ratios, alpha);
        var high = Percentiles.OfSorted(ratios, 1.0 - alpha);
        return new SpeedupBootstrap.Estimate(ratio, low, high, SpeedupBootstrap.Level, SpeedupVerdict.Of(low, high));
    }

    private static void Resample(double[] source, double[] target, SeededRandom rng)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = source[(int)(rng.NextUInt64() % (ulong)source.Length)];
        }
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return Percentiles.OfSorted(values, 0.5);
    }
}
