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
    public void ExtraRounds_WaitUntilEveryLibraryHasItsPlannedRounds()
    {
        var spread = Lib(6, 10, 30, 10); // its 3 planned rounds done, above the target
        var longer = new RoundsRule.Library([20, 20, 20], 10, PlannedRounds: 5); // 2 of its planned rounds to go

        Assert.Equal([1], RoundsRule.Next([spread, longer], Policy, TimeSpan.Zero, Budget));
        Assert.Equal([0], RoundsRule.Next([spread, longer with { SamplesNs = [20, 20, 20, 20, 20] }], Policy, TimeSpan.Zero, Budget));
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
    public void OneOutlier_GetsExtraRoundsOnlyWhileItWouldMakeTheResultUnstable_ThenStopsStable()
    {
        // One slow outlier among the planned rounds, then steady values. The robust CV is 0 throughout (the MAD ignores
        // the outlier); the CV over the first 3, 4, … values is 28.9, 26.1, 24.0, 22.3, 20.9, 19.7 %: rounds until it is
        // no longer above the unstable limit (20 %), so the result is not flagged for want of rounds.
        double[] values = [100, 100, 160, 100, 100, 100, 100, 100, 100, 100, 100, 100];
        var samples = new List<double>();
        var library = new RoundsRule.Library(samples, 12);
        while (RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget) is [0])
        {
            samples.Add(values[samples.Count]);
        }

        Assert.Equal(8, samples.Count);
        Assert.Equal(RoundsStop.Stable, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void OneOutlierAmongThePlannedRounds_BuysNoExtraRound_WhereTheCvRuleBoughtOne()
    {
        // CV 10.6 % (above the 10 % target: the CV rule asked for more rounds); robust CV 0.
        var five = Policy with { Planned = 5 };
        var library = Lib(15, 100, 100, 100, 100, 125);

        Assert.True(Core.Statistics.PerformanceSummary.CvPercentOf(library.SamplesNs) > five.CvTargetPercent);
        Assert.Empty(RoundsRule.Next([library], five, TimeSpan.Zero, Budget));
        Assert.Equal(RoundsStop.Planned, RoundsRule.StopOf(library, five));
    }

    [Fact]
    public void ASpreadWithoutOutliers_AboveTheRobustTarget_GetsExtraRounds()
    {
        // Median 100, MAD 3: robust CV 4.4 % > 3 %; below 3 % once the rounds agree more closely.
        var tight = Policy with { CvTargetPercent = 3 };

        Assert.Equal([0], RoundsRule.Next([Lib(15, 100, 104, 96, 103, 97)], tight, TimeSpan.Zero, Budget));
        Assert.Empty(RoundsRule.Next([Lib(15, 100, 101, 99, 101, 99)], tight, TimeSpan.Zero, Budget));
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
