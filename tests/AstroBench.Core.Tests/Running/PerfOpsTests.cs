using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The ops of one timed value (docs/engine.md): whole passes over the cases, else the 1-2-5 grid. No timing.</summary>
public sealed class PerfOpsTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(20);
    private static readonly double[] PilotFactors = [0.96, 1.0, 1.04];

    [Theory]
    [InlineData(100.0, 1000, 200_000)] // a pass is 100 µs: 200 passes
    [InlineData(15_000.0, 1000, 1000)] // a pass is 15 ms: one pass (20 / 15 rounds to 1)
    [InlineData(8_000.0, 1000, 3000)] // a pass is 8 ms: 2.5 passes round up to 3
    [InlineData(2.0, 8, 10_000_000)] // 8 cases of 2 ns: 1,250,000 passes of 8
    public void WhenAPassFits_TheValueIsAWholeNumberOfPasses(double nsPerOp, int cases, long expected)
    {
        var ops = PerfOps.ForValue(nsPerOp, cases, Target);

        Assert.Equal(expected, ops);
        Assert.Equal(0, ops % cases);
    }

    [Theory]
    [InlineData(40_000.0, 1000, 500)] // 500 ops exactly
    [InlineData(2_500_000.0, 1000, 10)] // libnova's Moon, 2.5 ms: 8 ops → 10
    [InlineData(30_000.0, 1000, 500)] // 667 ops → 500 (nearer in ratio than 1000)
    [InlineData(1e9, 1000, 1)] // one op already lasts longer than the target
    public void WhenAPassDoesNotFit_TheValueIsOnTheGrid(double nsPerOp, int cases, long expected) =>
        Assert.Equal(expected, PerfOps.ForValue(nsPerOp, cases, Target));

    [Fact]
    public void PilotsThatDifferByAFewPercent_TimeTheSameCases()
    {
        // What made two runs time different prefixes and partial passes: ops = target / pilot ns/op. With several passes
        // both runs time every case equally often; with less than a pass, both time the same prefix.
        foreach (var nsPerOp in new[] { 95.0, 3_300.0 })
        {
            Assert.All(PilotFactors, f => Assert.Equal(0, PerfOps.ForValue(nsPerOp * f, 1000, Target) % 1000));
        }
        foreach (var nsPerOp in new[] { 27_000.0, 41_000.0, 2_600_000.0 })
        {
            var ops = PerfOps.ForValue(nsPerOp, 1000, Target);
            Assert.Equal(ops, PerfOps.ForValue(nsPerOp * 1.04, 1000, Target));
            Assert.Equal(ops, PerfOps.ForValue(nsPerOp * 0.96, 1000, Target));
        }
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.4, 1)]
    [InlineData(1.5, 2)]
    [InlineData(3.1, 2)]
    [InlineData(3.2, 5)]
    [InlineData(7.0, 5)]
    [InlineData(7.1, 10)]
    [InlineData(140.0, 100)]
    [InlineData(160.0, 200)]
    public void NearestOnGrid_IsNearestInRatio(double ops, long expected) => Assert.Equal(expected, PerfOps.NearestOnGrid(ops));
}
