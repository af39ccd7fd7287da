using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// Timing in two parts (docs/engine.md, "Timing in two parts") with every library native (the gate fixture declared C):
/// gmst_era, not the last experiment, is timed in two parts with kepler_solver's timing between them; a pause keeps only
/// whole experiments, and the resumed run equals an uninterrupted one.
/// </summary>
public sealed partial class RunPauseTests
{
    private readonly PausedLab _nativePaused = new("ABTEST_" + Guid.NewGuid().ToString("N"), native: true);
    private readonly PausedLab _nativeStraight = new("ABTEST_" + Guid.NewGuid().ToString("N"), native: true);

    private static readonly string[] Libraries = ["erfa", "libnova", "cgate"];

    /// <summary>Each library's <c>round_parts</c> in <paramref name="experiment"/>'s result files (null: timed in one piece).</summary>
    private static IEnumerable<int[]?> RoundParts(string run, string experiment) =>
        Libraries.Select(l => JsonNode.Parse(File.ReadAllText(Path.Combine(run, experiment, l + ".json")))!["performance"]!["round_parts"]?.AsArray()
            .Select(p => p!.GetValue<int>()).ToArray());

    /// <summary>--perf-rounds 3: the first part has each library's first two rounds and no more (a retake of another
    /// library's discarded round does not carry its third into it), the second part the rest and any extra rounds the rule
    /// asked for (native code's most rounds stay 50); each round's part in round order. Rounds that stood contended are
    /// left out of the list (docs/engine.md, "Contended rounds left out"), but then at least 3 are kept: one of part 2.</summary>
    private static void AssertTwoParts(int[]? parts)
    {
        Assert.NotNull(parts);
        Assert.Equal(parts.Order(), parts);
        Assert.All(parts, p => Assert.InRange(p, 1, 2));
        Assert.True(parts.Count(p => p == 1) <= 2, string.Join(",", parts));
        Assert.Contains(2, parts);
    }

    [Fact]
    public async Task AnExperimentBeforeTheLast_IsTimedInTwoParts_TheNextOnesTimingBetweenThem()
    {
        var published = await UninterruptedAsync(_nativeStraight, noPerf: false);

        // The last experiment has nothing to wait for: it is timed in one piece.
        Assert.All(RoundParts(published, "gmst_era"), AssertTwoParts);
        Assert.All(RoundParts(published, "kepler_solver"), Assert.Null);
        var log = File.ReadAllText(_nativeStraight.Log);
        int At(string text) => log.IndexOf(text, StringComparison.Ordinal) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"the log has no '{text}'");
        Assert.True(At("gmst_era erfa round 2/3") < At("kepler_solver erfa round 1/3"), log);
        Assert.True(At("kepler_solver erfa round 3/3") < At("gmst_era erfa round 3/3"), log);
        // experiments_done only grows; the experiment timed in two parts is done once its second part is.
        Assert.True(At("experiment_done experiment=kepler_solver status=ok experiments_done=1") < At("experiment_done experiment=gmst_era status=ok experiments_done=2"), log);
    }

    [Fact]
    public async Task Sigusr1_DuringAFirstTimingPart_FinishesThatExperimentsSecondPart_ThenPauses()
    {
        var expected = await UninterruptedAsync(_nativeStraight, noPerf: false);
        using var run = _nativePaused.Start(noPerf: false);
        await _nativePaused.Held("gmst_era");
        Assert.Equal(0, Kill(run.Pid, PauseSignals.SigUsr1));
        await _nativePaused.Logged(PauseSignals.Acknowledgement(PauseMode.Boundary));
        _nativePaused.Open("gmst_era");
        var first = await run.WaitAsync(Eventually.DefaultBound);

        // gmst_era's first part was done when the pause was seen: its second part ran before the checkpoint, so it is whole.
        var checkpoint = AssertPaused(_nativePaused, first, ["gmst_era"], RunSegmentReasons.Paused);
        Assert.All(RoundParts(checkpoint, "gmst_era"), AssertTwoParts);
        Assert.False(Directory.Exists(Path.Combine(checkpoint, "kepler_solver")));

        var published = await ResumeAsync(_nativePaused, checkpoint);
        SameRun.AssertEquivalent(expected, published, noPerf: false);
    }

    [Fact]
    public async Task Sigusr2_WhileAnExperimentAwaitsItsSecondPart_DropsItWithTheOneInFlight_AndTheResumeRedoesBoth()
    {
        var expected = await UninterruptedAsync(_nativeStraight, noPerf: false);
        _nativePaused.Open("gmst_era");
        using var run = _nativePaused.Start(noPerf: false);
        // kepler_solver's accuracy starts once gmst_era's first part is done: gmst_era waits for its second part, its cases written.
        await _nativePaused.Held("kepler_solver");
        Assert.Equal(0, Kill(run.Pid, PauseSignals.SigUsr2));
        var first = await run.WaitAsync(Eventually.DefaultBound);

        var checkpoint = AssertPaused(_nativePaused, first, [], RunSegmentReasons.PausedNow);
        Assert.False(Directory.Exists(Path.Combine(checkpoint, "gmst_era")));
        Assert.False(Directory.Exists(Path.Combine(checkpoint, "kepler_solver")));

        var published = await ResumeAsync(_nativePaused, checkpoint);
        SameRun.AssertEquivalent(expected, published, noPerf: false);
    }
}
