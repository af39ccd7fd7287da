using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The adaptive round count (docs/engine.md) over chosen samples and spent times: no clock, no processes.</summary>
public sealed class RoundsRuleTests
{
    private static readonly RoundsPolicy Policy = new(Planned: 3, MaxRounds: null, CvTargetPercent: 10, BudgetPerLibrary: TimeSpan.FromSeconds(2));
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    private static RoundsRule.Library Lib(int max, params double[] samples) => new(samples, max);

    [Fact]
    public void EveryLibraryGetsItsPlannedRounds_EvenWithTheBudgetSpent()
    {
        var next = RoundsRule.Next([Lib(6, 20, 20), Lib(6, 10, 30)], Policy, spent: TimeSpan.FromHours(1), Budget);

        Assert.Equal([0, 1], next);
    }

    [Fact]
    public void AfterThePlannedRounds_OnlyLibrariesAboveTheCvTargetGetMore_InPlanOrder()
    {
        var next = RoundsRule.Next([Lib(6, 10, 30, 10), Lib(6, 20, 20.5, 19.5), Lib(6, 30, 10, 30)], Policy, TimeSpan.Zero, Budget);

        Assert.Equal([0, 2], next);
    }

    [Fact]
    public void ALibraryAtItsMaximum_GetsNoMore_AndStopsWithMaxRounds()
    {
        var library = Lib(4, 10, 30, 10, 30);

        Assert.Empty(RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget));
        Assert.Equal(RoundsStop.MaxRounds, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void WithTheBudgetSpent_NoExtraRound_AndTheStopIsBudget()
    {
        var library = Lib(10, 10, 30, 10);

        Assert.Equal([0], RoundsRule.Next([library], Policy, Budget - TimeSpan.FromTicks(1), Budget));
        Assert.Empty(RoundsRule.Next([library], Policy, Budget, Budget));
        Assert.Equal(RoundsStop.Budget, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void ASequenceThatSettles_GetsRoundsUntilItsCvReachesTheTarget_ThenStopsStable()
    {
        // One slow outlier among the planned rounds, then steady values: each extra round dilutes it.
        double[] values = [100, 100, 160, 100, 100, 100, 100, 100, 100, 100, 100, 100];
        var samples = new List<double>();
        var library = new RoundsRule.Library(samples, 12);
        while (RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget) is [0])
        {
            samples.Add(values[samples.Count]);
        }

        // CV over the first 3, 4, … 12 values: 28.9, 26.1, 24.0, 22.3, 20.9, 19.7, 18.8, … 16.5 %: the maximum comes first.
        Assert.Equal(12, samples.Count);
        Assert.Equal(RoundsStop.MaxRounds, RoundsRule.StopOf(library, Policy));

        var looser = Policy with { CvTargetPercent = 20 };
        samples.Clear();
        while (RoundsRule.Next([library], looser, TimeSpan.Zero, Budget) is [0])
        {
            samples.Add(values[samples.Count]);
        }
        Assert.Equal(8, samples.Count);
        Assert.Equal(RoundsStop.Stable, RoundsRule.StopOf(library, looser));
    }

    [Fact]
    public void StableAfterThePlannedRounds_StopsPlanned()
    {
        var library = Lib(6, 20, 20.2, 19.8);

        Assert.Empty(RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget));
        Assert.Equal(RoundsStop.Planned, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void OneRound_HasNoCv_AndGetsNoExtraRound()
    {
        var one = Policy with { Planned = 1 };
        var library = Lib(6, 20);

        Assert.Empty(RoundsRule.Next([library], one, TimeSpan.Zero, Budget));
        Assert.Equal(RoundsStop.Planned, RoundsRule.StopOf(library, one));
    }
}
