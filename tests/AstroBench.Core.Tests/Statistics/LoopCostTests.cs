using AstroBench.Core.Protocol;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

public sealed class LoopCostTests
{
    [Fact]
    public void KnownCosts_AreRecordedBesideTheRawFigures()
    {
        PerfMeasurement[] rounds =
        [
            new(1000, 10, 0, 1, 20, 50, true),
            new(1200, 10, 0, 1, 30, 60, false),
            new(1100, 10, 0, 1, 10, 40, true),
        ];

        var loop = LoopCost.From(rounds, warmupAuto: true);

        Assert.True(loop.Subtracted);
        Assert.Equal(20, loop.EmptyLoopNsPerOp);
        Assert.Equal([20.0, 30.0, 10.0], loop.EmptyLoopSamplesNs!);
        Assert.Equal(110, loop.RawMedianNs);
        Assert.Equal([100.0, 120.0, 110.0], loop.RawSamplesNs);
        Assert.Equal(LoopCost.WarmupAuto, loop.Warmup);
        Assert.Equal([50L, 60L, 40L], loop.WarmupOps!);
        Assert.Equal(2, loop.WarmupSteadyRounds);
        Assert.Null(loop.Note);
    }

    [Fact]
    public void UnknownCost_IsNull_AndSaidSo()
    {
        PerfMeasurement[] rounds = [new(1000, 10, 0, 1), new(1200, 10, 0, 1), new(1100, 10, 0, 1)];

        var loop = LoopCost.From(rounds, warmupAuto: false);

        Assert.False(loop.Subtracted);
        Assert.Null(loop.EmptyLoopNsPerOp);
        Assert.Null(loop.EmptyLoopSamplesNs);
        Assert.Null(loop.WarmupOps);
        Assert.Null(loop.WarmupSteadyRounds);
        Assert.Equal(LoopCost.WarmupFixed, loop.Warmup);
        Assert.Equal(LoopCost.UnknownNote, loop.Note);
    }
}
