using AstroBench.Core.Running;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Running;

/// <summary>The standard error stop rule of native code (docs/engine.md, "Many short processes for C") over chosen samples.</summary>
public sealed class MedianSeRuleTests
{
    private static readonly RoundsPolicy Policy = new(Planned: 5, MaxRounds: null, CvTargetPercent: 3, BudgetPerLibrary: TimeSpan.FromSeconds(2));
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    // Processes spread by ±4 % around 100 (median 100, MAD 3: robust CV 4.45 %) for as long as they are asked for.
    private static readonly double[] Pattern = [100, 104, 96, 103, 97];

    private static (int Rounds, RoundsStop Stop) RunOut(int max, int planned, double? seTarget)
    {
        var samples = new List<double>();
        var library = new RoundsRule.Library(samples, max, planned, seTarget);
        while (RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget) is [0])
        {
            samples.Add(Pattern[samples.Count % Pattern.Length]);
        }
        return (samples.Count, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void ASteadySpread_StopsOnceTheMediansStandardErrorMeetsItsTarget()
    {
        // 1.2533 × 4.448 % / √n: 1.001 % at 31 rounds, 0.985 % at 32.
        Assert.Equal((32, RoundsStop.Precise), RunOut(max: 60, planned: 15, seTarget: 1.0));
    }

    [Fact]
    public void TheSameSpreadUnderTheRobustCvRule_NeverMeetsIt_AndRunsToTheMaximum()
    {
        // The robust CV does not shrink with more rounds: a CV target is met by chance or not at all.
        Assert.Equal((60, RoundsStop.MaxRounds), RunOut(max: 60, planned: 15, seTarget: null));
    }

    [Fact]
    public void TheLibrarysPlannedRounds_RunEvenWhenTheTargetIsMetBefore()
    {
        var samples = Enumerable.Repeat(100.0, 14).ToList();
        var library = new RoundsRule.Library(samples, 60, 15, 1.0);

        Assert.Equal([0], RoundsRule.Next([library], Policy, TimeSpan.FromHours(1), Budget));
        samples.Add(100);
        Assert.Empty(RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget));
        Assert.Equal(RoundsStop.Planned, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void ALibraryWithoutItsOwnPlannedRounds_TakesThePolicys()
    {
        var library = new RoundsRule.Library(Enumerable.Repeat(100.0, 5).ToList(), 60, SeTargetPercent: 1.0);

        Assert.Empty(RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget));
        Assert.Equal(RoundsStop.Planned, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void AStandardErrorMet_StillGetsRoundsWhileTheCvWouldFlagItUnstable()
    {
        // 12 rounds at 100 and 3 at 200: MAD 0 (standard error 0), CV 34.5 % > 20 %.
        var samples = Enumerable.Repeat(100.0, 12).Concat([200.0, 200.0, 200.0]).ToList();
        var library = new RoundsRule.Library(samples, 60, 15, 1.0);

        Assert.Equal(0, RobustSpread.MedianSePercentOf(samples));
        Assert.Equal([0], RoundsRule.Next([library], Policy, TimeSpan.Zero, Budget));
    }

    [Fact]
    public void AboveTheStandardErrorTarget_TheBudgetStillEndsTheRounds()
    {
        var samples = Pattern.Concat(Pattern).Concat(Pattern).ToList();
        var library = new RoundsRule.Library(samples, 60, 15, 1.0);

        Assert.Equal([0], RoundsRule.Next([library], Policy, Budget - TimeSpan.FromTicks(1), Budget));
        Assert.Empty(RoundsRule.Next([library], Policy, Budget, Budget));
        Assert.Equal(RoundsStop.Budget, RoundsRule.StopOf(library, Policy));
    }

    [Fact]
    public void TheCvRulesStopNames_AreUnchanged_ForALibraryWithoutAStandardErrorTarget()
    {
        // Extra rounds that met the CV target are "stable"; "precise" is only for the standard error rule.
        var samples = new List<double> { 100, 104, 96, 103, 97 };
        var library = new RoundsRule.Library(samples, 60, 5);
        samples.AddRange([100, 100, 100, 100, 100]);

        Assert.Equal(RoundsStop.Stable, RoundsRule.StopOf(library, Policy));
        Assert.Equal("precise", RoundsStop.Precise.ToWire());
    }
}
