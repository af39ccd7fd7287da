using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The pilot as a pure rule, and the check of a protocol 5 (<c>ops auto</c>) answer against it. No timing.</summary>
public sealed class PilotRuleTests
{
    private const double TargetNs = 10_000_000;
    private static readonly PerfAuto Auto = new(10_000_000, 20_000_000);

    [Theory]
    [InlineData(1, 300, 33_334)] // 1 op of 300 ns: ×⌈10 ms / 300 ns⌉
    [InlineData(1, 0, 10_000_000)] // below the clock: as if 1 ns
    [InlineData(4, 8_000_000, 8)] // close to the target: at least ×2
    [InlineData(1_500_000_000, 1000, PerfOps.MaxOps)] // never past the most ops
    public void AShortCall_GrowsTheOps(long ops, long ns, long next) => Assert.Equal(next, PilotRule.NextOps(ops, ns, TargetNs));

    [Theory]
    [InlineData(33_334, 10_000_200)]
    [InlineData(1, 10_000_000)] // exactly the target is enough
    [InlineData(PerfOps.MaxOps, 5)] // the most ops end it whatever it lasted
    public void ACallReachingTheTarget_EndsThePilot(long ops, long ns) => Assert.Null(PilotRule.NextOps(ops, ns, TargetNs));

    [Fact]
    public void TheRequest_CarriesThePilotTargetAndTheValueTarget()
    {
        var auto = PilotRule.AutoFor(TimeSpan.FromMilliseconds(20));

        Assert.Equal(Auto, auto);
        Assert.Equal("auto\npilot_target_ns 10000000\nvalue_target_ns 20000000", auto.HeaderLines);
    }

    private static PerfMeasurement Answer(long opsPerValue, int values, long? pilotOps = 33_334, long? pilotNs = 10_000_200) =>
        new(opsPerValue * values * 300, opsPerValue * values, 1, 1, 2, 100, true, Enumerable.Repeat(opsPerValue * 300, values).ToArray(), pilotOps, pilotNs);

    [Fact]
    public void AnAnswerSizedByTheRule_Passes()
    {
        // 10,000,200 ns / 33,334 ops ≈ 300 ns/op; a pass of 1,000 cases 0.3 ms: 67 passes in 20 ms.
        var perValue = PerfOps.ForValue(10_000_200.0 / 33_334, 1000, TimeSpan.FromMilliseconds(20));

        Assert.Equal(67_000, perValue);
        Assert.Null(PilotRule.CheckAuto(Answer(perValue, 5), Auto, 1000, 5));
    }

    [Fact]
    public void AnAnswerWithoutItsPilot_Fails()
    {
        var why = PilotRule.CheckAuto(Answer(67_000, 5, pilotOps: null, pilotNs: null), Auto, 1000, 5);

        Assert.Contains("without pilot_ops and pilot_ns", why, StringComparison.Ordinal);
    }

    [Fact]
    public void APilotStoppedShortOfTheTarget_Fails()
    {
        var why = PilotRule.CheckAuto(Answer(67_000, 5, pilotOps: 1000, pilotNs: 300_000), Auto, 1000, 5);

        Assert.Contains("short of the 10000000 ns asked", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(66_000, 5)] // another unit of work than the rule's
    [InlineData(67_000, 4)] // one value fewer than asked
    public void ValuesOfOtherOpsThanTheRuleGives_Fail(long perValue, int valuesTimed)
    {
        var why = PilotRule.CheckAuto(Answer(perValue, valuesTimed), Auto, 1000, 5);

        Assert.Contains("gives 67000 ops per value", why, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGridWithoutLogarithms_PicksWhatTheLogarithmRulePicked()
    {
        // PerfOps.NearestOnGrid compares ratios (IEEE-exact, so every adapter runtime gets the same count) where it once
        // compared |log(ops / candidate)|; both must agree away from the irrational ties (√2, √10, √50 times a decade).
        var random = new Random(14);
        for (var i = 0; i < 100_000; i++)
        {
            var ops = Math.Pow(10, random.NextDouble() * 9);
            Assert.Equal(LogRule(ops), PerfOps.NearestOnGrid(ops));
        }
    }

    private static long LogRule(double ops)
    {
        if (!(ops > 1))
        {
            return 1;
        }
        var decade = Math.Pow(10, Math.Floor(Math.Log10(ops)));
        var best = decade;
        foreach (var m in new double[] { 1, 2, 5, 10 })
        {
            if (Math.Abs(Math.Log(ops / (m * decade))) <= Math.Abs(Math.Log(ops / best)))
            {
                best = m * decade;
            }
        }
        return (long)Math.Round(best);
    }
}
