using AstroBench.Core.Running;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

/// <summary>Rounds that stood although the machine was contended (docs/engine.md, "Contended rounds left out"): left out of
/// the statistics with at least 3 uncontended rounds, otherwise kept in and the result flagged, never ranked.</summary>
public sealed class StandingRoundsTests
{
    private static readonly double[] Samples = [20.0, 21.0, 40.0, 20.5, 41.0];

    [Fact]
    public void WithThreeUncontendedRounds_TheContendedOnesAreLeftOut_InRoundOrder()
    {
        bool[] contended = [false, false, true, false, true];

        Assert.True(StandingRounds.LeavesOut(contended));
        Assert.Equal([20.0, 21.0, 20.5], StandingRounds.Kept(Samples, contended));
        Assert.Equal([40.0, 41.0], StandingRounds.Contended(Samples, contended));
        Assert.Equal(3, StandingRounds.Uncontended(contended));
    }

    [Fact]
    public void WithFewerThanThreeUncontendedRounds_EveryRoundStaysIn()
    {
        bool[] contended = [false, true, true, false, true];

        Assert.False(StandingRounds.LeavesOut(contended));
        Assert.Same(Samples, StandingRounds.Kept(Samples, contended));
    }

    [Fact]
    public void WithoutContendedRounds_OrWithoutFlags_TheListIsTheSame()
    {
        Assert.Same(Samples, StandingRounds.Kept(Samples, [false, false, false, false, false]));
        Assert.Same(Samples, StandingRounds.Kept(Samples, null));
        Assert.False(StandingRounds.LeavesOut(null));
    }

    [Fact]
    public void FlagsBesideADifferentNumberOfRounds_AreAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => StandingRounds.Kept(Samples, [false, false, false, true]));
        Assert.Contains("5 rounds beside 4 contended flags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AResultWithFewerThanThreeUncontendedRounds_IsFlaggedContended_AndGetsNoSpeedup()
    {
        var steady = PerformanceSummary.From([20.0, 20.5, 21.0, 20.2, 20.8], opsPerRound: 1_000_000, clockResNs: 1);
        Assert.True(steady.Valid, steady.InvalidReason);

        var flagged = steady.FlaggedIfContended(uncontendedRounds: 2);

        Assert.False(flagged.Valid);
        Assert.Equal("contended: 2 of 5 rounds uncontended (at least 3 are needed); the figures are over all 5, the others timed while the machine was contended",
            flagged.InvalidReason);
        Assert.StartsWith(PerformanceSummary.ContendedCode, flagged.InvalidReason, StringComparison.Ordinal);
        Assert.Null(flagged.WithSpeedupAgainst(steady, isReference: false).SpeedupVsReference);
        Assert.Same(steady, steady.FlaggedIfContended(uncontendedRounds: 3));
    }

    [Fact]
    public void TooFewRounds_StaysTheReason_WhateverTheContention()
    {
        var one = PerformanceSummary.From([20.0], opsPerRound: 1_000_000, clockResNs: 1);

        Assert.Same(one, one.FlaggedIfContended(uncontendedRounds: 0));
        Assert.StartsWith(PerformanceSummary.TooFewRoundsCode, one.InvalidReason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRoundsRule_CountsContendedRounds_ButJudgesTheSpreadOfTheKeptOnes()
    {
        var policy = new RoundsPolicy(Planned: 5, MaxRounds: 8, CvTargetPercent: 10, BudgetPerLibrary: TimeSpan.FromSeconds(2));
        // Four rounds stood, two of them contended: the fifth planned round is still owed (contended rounds are rounds).
        var owed = new RoundsRule.Library([20.0, 40.0, 20.5, 41.0], 8, Contended: [false, true, false, true]);
        Assert.Equal([0], RoundsRule.Next([owed], policy, TimeSpan.Zero, TimeSpan.FromSeconds(2)));

        // Five rounds, three uncontended and steady: the contended two would make the spread unstable, the kept ones do not.
        var done = new RoundsRule.Library([20.0, 40.0, 20.5, 41.0, 20.2], 8, Contended: [false, true, false, true, false]);
        Assert.Empty(RoundsRule.Next([done], policy, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
        Assert.Equal(RoundsStop.Planned, RoundsRule.StopOf(done, policy));
        var mixed = done with { Contended = null };
        Assert.Equal([0], RoundsRule.Next([mixed], policy, TimeSpan.Zero, TimeSpan.FromSeconds(2)));

        // A library at its most rounds gets no more, however many of them were contended: timing ends.
        var most = new RoundsRule.Library([20.0, 40.0, 41.0, 42.0, 40.5, 41.5, 40.2, 43.0], 8, Contended: [false, .. Enumerable.Repeat(true, 7)]);
        Assert.Empty(RoundsRule.Next([most], policy, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
    }
}
