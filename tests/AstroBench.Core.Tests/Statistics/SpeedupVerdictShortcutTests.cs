using AstroBench.Core.Inputs;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

/// <summary>The scoreboard's verdict skips the bootstrap for samples that do not overlap: it must always be the bootstrap's verdict.</summary>
public sealed class SpeedupVerdictShortcutTests
{
    [Fact]
    public void Verdict_IsTheBootstrapsVerdict_ForSeparateCloseAndOverlappingSamples()
    {
        var random = new SeededRandom(11);
        var verdicts = new HashSet<string>();
        for (var trial = 0; trial < 400; trial++)
        {
            // Centres from equal to a few percent apart, noise from tiny to wide: disjoint, touching and overlapping sides.
            var gap = 1 + (0.05 * (random.NextDouble() - 0.5));
            var noise = trial % 4 == 0 ? 1e-12 : 0.03 * random.NextDouble();
            var reference = Enumerable.Range(0, 5).Select(_ => 100 * gap * (1 + noise * random.NextDouble())).ToArray();
            var candidate = Enumerable.Range(0, 3 + (trial % 5)).Select(_ => 100 * (1 + noise * random.NextDouble())).ToArray();

            var verdict = SpeedupBootstrap.VerdictOf(reference, candidate);

            Assert.Equal(SpeedupBootstrap.Compute(reference, candidate).Verdict, verdict);
            verdicts.Add(verdict);
        }
        Assert.Equal(3, verdicts.Count);
    }

    [Theory]
    [InlineData(new[] { -1.0, -2.0, -1.5 }, new[] { -5.0, -6.0, -5.5 })]
    [InlineData(new[] { 10.0, 11.0, double.PositiveInfinity }, new[] { 1.0, 2.0, 3.0 })]
    [InlineData(new[] { 10.0, 11.0, 12.0 }, new[] { 0.0, 1.0, 2.0 })]
    public void SamplesThatAreNotPositiveAndFinite_GoThroughTheBootstrap(double[] reference, double[] candidate) =>
        Assert.Equal(SpeedupBootstrap.Compute(reference, candidate).Verdict, SpeedupBootstrap.VerdictOf(reference, candidate));
}
