using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>One experiment's contended-cycle rules over chosen probe samples (docs/engine.md, "Contended cycles"): library 0
/// is native (C), library 1 is not; a cycle of library 0 alone is judged, one with library 1 in it is not.</summary>
public sealed class ContendedRoundsTests
{
    private const double Quiet = 20.0;
    private const double Contended = 30.0;

    private static ContendedRounds Rounds(ContentionGate? gate, int maxDiscarded = 5) =>
        new(gate, [true, false], [maxDiscarded, maxDiscarded], TimeSpan.FromSeconds(1));

    [Fact]
    public void ARoundAfterAQuietProbe_IsDiscarded_WhenTheNextProbeIsContended()
    {
        var rounds = Rounds(QuietGates.New());
        rounds.BeginCycle([0]);
        Assert.False(rounds.Ran(0, Quiet));

        Assert.True(rounds.HasPending);
        Assert.Equal([0], rounds.Judge(Contended).Discard);
        Assert.False(rounds.HasPending);
        rounds.Discarded(0, 42.0);
        var record = rounds.RecordOf(0, gateWaits: 2)!;
        Assert.Equal((1, 1, 0, 2, Quiet), (record.JudgedRounds, record.DiscardedRounds, record.ContendedRounds, record.GateWaits, record.LevelNs));
        Assert.Equal([42.0], record.DiscardedSamplesNs);
        Assert.Null(rounds.RecordOf(1, gateWaits: 2));
    }

    [Fact]
    public void ACycleWithAnotherRuntimeInIt_IsNotJudged_AndItsRoundsAllStand()
    {
        var rounds = Rounds(QuietGates.New());
        rounds.BeginCycle([0, 1]);
        Assert.False(rounds.ShouldRetake(Contended, TimeSpan.Zero));
        rounds.Ran(0, Contended);
        rounds.Ran(1, Contended);

        Assert.False(rounds.HasPending);
        Assert.Equal(new ContendedRounds.CycleVerdict([], []), rounds.Judge(Contended), VerdictComparer.Instance);
        Assert.Equal((0, 0, 0), (rounds.RecordOf(0, 0)!.JudgedRounds, rounds.RecordOf(0, 0)!.DiscardedRounds, rounds.RecordOf(0, 0)!.ContendedRounds));
    }

    [Fact]
    public void ARoundStands_WhenTheNextProbeIsQuiet_OrMissing()
    {
        var rounds = Rounds(QuietGates.New());
        rounds.BeginCycle([0]);
        rounds.Ran(0, Quiet);
        Assert.Equal(new ContendedRounds.CycleVerdict([], []), rounds.Judge(Quiet), VerdictComparer.Instance);
        rounds.Ran(0, Quiet);
        Assert.Equal(new ContendedRounds.CycleVerdict([], []), rounds.Judge(null), VerdictComparer.Instance); // a failed probe says nothing: the round stands
        Assert.Equal(0, rounds.RecordOf(0, 0)!.DiscardedRounds);
    }

    [Fact]
    public void OnceTheDiscardLimitIsReached_ContendedRoundsStand_AndAreCounted()
    {
        var rounds = Rounds(QuietGates.New(), maxDiscarded: 1);
        rounds.BeginCycle([0]);
        rounds.Ran(0, Quiet);
        Assert.Equal([0], rounds.Judge(Contended).Discard);
        rounds.Discarded(0, 40.0);
        rounds.Ran(0, Quiet);

        Assert.Equal(new ContendedRounds.CycleVerdict([], [0]), rounds.Judge(Contended), VerdictComparer.Instance); // stands contended
        Assert.Equal((1, 1), (rounds.RecordOf(0, 0)!.DiscardedRounds, rounds.RecordOf(0, 0)!.ContendedRounds));
    }

    [Fact]
    public void ARoundTakenAfterAContendedProbe_IsCountedAsContended_NotJudgedAgain()
    {
        var rounds = Rounds(QuietGates.New());
        rounds.BeginCycle([0]);
        Assert.True(rounds.Ran(0, Contended)); // the wait gave up: it stands contended

        Assert.False(rounds.HasPending);
        Assert.Equal(1, rounds.RecordOf(0, 0)!.ContendedRounds);
    }

    [Fact]
    public void TheProbeIsRetaken_OnlyBeforeACycleOfNativeLibraries_WhileContended_AndWithinTheLimits()
    {
        var rounds = Rounds(QuietGates.New());

        rounds.BeginCycle([1]);
        Assert.False(rounds.ShouldRetake(Contended, TimeSpan.Zero)); // an interpreter's cycle never waits
        rounds.BeginCycle([0, 1]);
        Assert.False(rounds.ShouldRetake(Contended, TimeSpan.Zero)); // nor one with an interpreter beside a native library
        rounds.BeginCycle([0]);
        Assert.False(rounds.ShouldRetake(Quiet, TimeSpan.Zero));
        Assert.False(rounds.ShouldRetake(null, TimeSpan.Zero));
        Assert.False(rounds.ShouldRetake(Contended, TimeSpan.FromSeconds(1))); // the experiment's retake time is spent
        var retakes = 0;
        while (rounds.ShouldRetake(Contended, TimeSpan.Zero))
        {
            retakes++;
        }
        Assert.Equal(ContendedRounds.MaxRetakesPerCycle, retakes);
        rounds.BeginCycle([0]);
        Assert.True(rounds.ShouldRetake(Contended, TimeSpan.Zero)); // the count starts again at the next cycle
    }

    [Fact]
    public void WithoutAGate_NothingIsJudged()
    {
        var rounds = Rounds(null);
        rounds.BeginCycle([0]);
        rounds.Ran(0, Contended);

        Assert.False(rounds.HasPending);
        Assert.False(rounds.ShouldRetake(Contended, TimeSpan.Zero));
        Assert.Null(rounds.RecordOf(0, 0));
    }
}

/// <summary><see cref="ContendedRounds.JudgeValues"/>: protocol 7 rounds judged by their own probe chunks (docs/engine.md, "Contended values").</summary>
public sealed class ContendedRoundValuesTests
{
    private const long Quiet = 20 * ContendedValues.ProbeOps;
    private const long Contended = 30 * ContendedValues.ProbeOps;

    private static ContendedRounds Rounds(int maxDiscarded = 1) =>
        new(QuietGates.New(), [true, false], [maxDiscarded, maxDiscarded], TimeSpan.FromSeconds(1), QuietGates.New());

    [Fact]
    public void OnlyNativeLibraries_AreAskedForChunks_AndOnlyWithAValueGate()
    {
        Assert.Equal(ContendedValues.ProbeOps, Rounds().ProbeOpsFor(0));
        Assert.Null(Rounds().ProbeOpsFor(1));
        Assert.Null(new ContendedRounds(QuietGates.New(), [true], [1], TimeSpan.FromSeconds(1)).ProbeOpsFor(0));
        Assert.Null(new ContendedRounds(null, [true], [1], TimeSpan.FromSeconds(1), QuietGates.New()).ProbeOpsFor(0));
    }

    [Fact]
    public void APartlyContendedRound_KeepsItsQuietValues_AndNeverWaitsForTheNextProbe()
    {
        var rounds = Rounds();
        rounds.BeginCycle([0]);

        var verdict = rounds.JudgeValues(0, [Quiet, Quiet, Contended, Quiet], 3)!;
        Assert.Equal([true, false, false], verdict.Kept);
        Assert.False(verdict.Contended);
        Assert.False(rounds.HasPending);
        var record = rounds.RecordOf(0, 0)!;
        Assert.Equal((1, 0, 0, 3, 2, 20.0), (record.JudgedRounds, record.DiscardedRounds, record.ContendedRounds, record.JudgedValues, record.ContendedValues, record.ValueLevelNs));
    }

    [Fact]
    public void ARoundWhoseEveryValueIsContended_IsDiscarded_UntilTheLimit_ThenStandsWhole()
    {
        var rounds = Rounds(maxDiscarded: 1);
        rounds.BeginCycle([0]);

        Assert.Null(rounds.JudgeValues(0, [Quiet, Contended, Contended, Quiet], 3)); // each of the 3 values beside a slow chunk
        rounds.Discarded(0, 30.0);
        var verdict = rounds.JudgeValues(0, [Contended, Contended, Contended, Contended], 3)!;
        Assert.Equal([true, true, true], verdict.Kept);
        Assert.True(verdict.Contended); // it stands, and is left out of the statistics (StandingRounds)
        var record = rounds.RecordOf(0, 0)!;
        Assert.Equal((2, 1, 1, 6, 3), (record.JudgedRounds, record.DiscardedRounds, record.ContendedRounds, record.JudgedValues, record.ContendedValues));
        Assert.Equal([30.0], record.DiscardedSamplesNs);
    }
}

/// <summary>Once the experiment's timing budget is spent no contended round is taken again (docs/engine.md, "Contended values").</summary>
public sealed class ContendedRoundsBudgetTests
{
    [Fact]
    public void PastTheBudget_AContendedRoundStands_AndCountsAsContended()
    {
        var rounds = new ContendedRounds(QuietGates.New(), [true], [5], TimeSpan.FromSeconds(1), QuietGates.New());
        rounds.BeginCycle([0]);

        Assert.True(rounds.JudgeValues(0, [300_000, 300_000, 300_000, 300_000], 3, mayDiscard: false)!.Contended);
        rounds.Ran(0, 20.0);
        Assert.Equal(new ContendedRounds.CycleVerdict([], [0]), rounds.Judge(30.0, mayDiscard: false), VerdictComparer.Instance);
        var record = rounds.RecordOf(0, 0)!;
        Assert.Equal((0, 2), (record.DiscardedRounds, record.ContendedRounds));
    }
}

/// <summary>Compares two cycle verdicts by their lists' contents (the record's own equality compares the lists by reference).</summary>
internal sealed class VerdictComparer : IEqualityComparer<ContendedRounds.CycleVerdict>
{
    public static readonly VerdictComparer Instance = new();

    public bool Equals(ContendedRounds.CycleVerdict? x, ContendedRounds.CycleVerdict? y) =>
        x is not null && y is not null && x.Discard.SequenceEqual(y.Discard) && x.Contended.SequenceEqual(y.Contended);

    public int GetHashCode(ContendedRounds.CycleVerdict obj) => obj.Discard.Count * 31 + obj.Contended.Count;
}
