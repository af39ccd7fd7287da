using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// Contended cycles end to end (docs/engine.md, "Contended cycles"): a scripted probe (<see cref="ScriptedProbe"/>) says
/// the machine was contended at a chosen moment, paced fixtures declared as C report chosen figures. The native rounds
/// of the cycle before the contended probe are discarded and taken again, the contended probe is taken again before the
/// next rounds, and the result records both; other runtimes, and <c>ASTROBENCH_CONTENTION=0</c>, keep every round.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunContentionTests : IDisposable
{
    private const int Rounds = 12;
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    /// <summary>Nine uncontended samples (the gate has a level from the eighth on), the tenth 50 % above them, then uncontended again.</summary>
    private static readonly double[] OneContendedSample = [.. Enumerable.Repeat(20.0, 9), 30.0, 20.0];

    [Fact]
    public async Task TheCycleBeforeAContendedProbe_IsTakenAgain_AndTheContendedProbeIsRetakenBeforeTheNextRounds()
    {
        var (folder, stdout, adapters) = await RunAsync("c", OneContendedSample);

        foreach (var library in new[] { "pref", "pcand" })
        {
            var perf = folder.Result("gmst_era", library).Performance!;
            Assert.Equal(Rounds, perf.SamplesNs.Count); // the discarded round was taken again
            // Cycle 8's rounds were judged by probe 9 (contended) and dropped; cycle 9 ran after probe 9 was taken again.
            Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12], perf.RoundCycles!);
            var contention = perf.Contention!;
            Assert.Equal((Rounds + 1, 1, 0, 1), (contention.JudgedRounds, contention.DiscardedRounds, contention.ContendedRounds, contention.GateWaits));
            Assert.Equal([20.0], contention.DiscardedSamplesNs);
            Assert.Equal(20.0, contention.LevelNs);
            Assert.Equal(ContentionGate.ThresholdPercent, contention.ThresholdPercent);
            // 13 cycles with rounds and the closing probe that judged the last one; the retaken probe replaced probe 9.
            Assert.Equal(14, perf.ProbeNs!.Count);
            Assert.Equal(20.0, perf.ProbeNs[9]);
            Assert.Contains($"gmst_era {library} round 9 discarded (20 ns/op): the machine was contended, taken again", stdout, StringComparison.Ordinal);
        }
        Assert.Equal(15, ScriptedProbe.Calls(adapters));
        const string line = "2 native rounds discarded and taken again over 2 native results; none kept although the machine was contended";
        ContentionAsserts.LineAndDocumentedKeys(folder, stdout, line);
    }

    [Fact]
    public async Task OnceTheBudgetIsSpent_AContendedCycleIsNeitherWaitedFor_NorTakenAgain()
    {
        // 0.1 ms per library: spent long before cycle 9 on any machine (each cycle starts three processes), while its
        // quarter for waits (50 µs) is still unused: without the budget check the contended probe 9 would be taken again.
        var (folder, _, adapters) = await RunAsync("c", OneContendedSample, budget: "0.0001");

        foreach (var library in new[] { "pref", "pcand" })
        {
            var perf = folder.Result("gmst_era", library).Performance!;
            var contention = perf.Contention!;
            // Cycle 8 (judged by probe 9) and cycle 9 (run after it) stand and are counted as contended, and with 10
            // uncontended rounds they are left out of every statistic and per-round list (docs/engine.md, "Contended rounds left out").
            Assert.Equal((Rounds, 0, 2, 0), (contention.JudgedRounds, contention.DiscardedRounds, contention.ContendedRounds, contention.GateWaits));
            Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 10, 11], perf.RoundCycles!);
            Assert.Equal((Rounds - 2, Rounds - 2, Rounds - 2), (perf.Rounds, perf.SamplesNs.Count, perf.RoundSequence!.Count));
            Assert.Equal([20.0, 20.0], contention.ContendedSamplesNs!);
            Assert.True(contention.ContendedLeftOut);
            Assert.True(perf.Valid, perf.InvalidReason);
        }
        Assert.Equal(2 * Rounds, folder.Manifest.Rounds!.RoundsDone); // the rounds left out were still taken
        Assert.Equal(Rounds + 1, ScriptedProbe.Calls(adapters)); // one per cycle and the closing one: none taken again
    }

    [Theory]
    [InlineData("sh", null)]
    [InlineData("c", "0")]
    public async Task OtherRuntimes_AndTheSwitch_KeepEveryRound(string language, string? contentionSwitch)
    {
        var (folder, stdout, adapters) = await RunAsync(language, OneContendedSample, contentionSwitch);

        var perf = folder.Result("gmst_era", "pcand").Performance!;
        Assert.Equal(Enumerable.Range(0, Rounds), perf.RoundCycles!);
        Assert.Null(perf.Contention);
        Assert.Equal(30.0, perf.ProbeNs![9]); // recorded as it was, one sample per cycle, no closing probe
        Assert.Equal(Rounds, ScriptedProbe.Calls(adapters));
        Assert.DoesNotContain("discarded", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("contended cycles", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMachineContendedFromSomePointOn_StillEndsTiming_WithTheContendedRoundsCounted()
    {
        // The default budget of RunAsync (far more than the rounds take): the waiting and discarding limits end it, not the
        // budget. With the real default (0.5 s) a loaded machine spent it before the first wait (waits come only within it).
        var (folder, _, _) = await RunAsync("c", [.. Enumerable.Repeat(20.0, 8), 40.0]);

        var perf = folder.Result("gmst_era", "pcand").Performance!;
        var contention = perf.Contention!;
        Assert.True(contention.GateWaits > 0);
        Assert.True(contention.ContendedRounds > 0, "rounds stood once the wait gave up, and were counted");
        Assert.Equal(contention.ContendedRounds, contention.ContendedSamplesNs!.Count);
        Assert.InRange(contention.DiscardedRounds, 0, Rounds);
        // The eight rounds before the machine turned contended are enough: the contended ones are left out, and counted toward the rounds.
        Assert.True(contention.ContendedLeftOut);
        Assert.Equal(Rounds, perf.SamplesNs.Count + contention.ContendedRounds);
        Assert.Contains("stood although the machine was contended (a waiting or discarding limit was reached): left out of the statistics of 2, the other 0 flagged",
            File.ReadAllText(Path.Combine(folder.Path, "summary.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARunContendedFromItsFirstSample_IsJudgedByTheLevelAnEarlierRunSaw_UnlessNoCache(bool noCache)
    {
        var (first, _, _) = await RunAsync("c", [20.0]); // this machine, uncontended: its level is remembered
        Assert.Equal(0, first.Result("gmst_era", "pcand").Performance!.Contention!.ContendedRounds);

        // Contended from the first sample to the last: without the memory the run's own level would be 30 and nothing contended.
        // The budget is spent at once, so no round waits or is taken again: each stands contended.
        var (second, stdout, _) = await RunAsync("c", [30.0], budget: "0.0001", extra: noCache ? ["--no-cache"] : [], after: first.Path);

        var perf = second.Result("gmst_era", "pcand").Performance!;
        if (noCache)
        {
            Assert.Equal((0, null), (perf.Contention!.ContendedRounds, perf.Contention.RememberedLevelNs));
            Assert.True(perf.Valid, perf.InvalidReason);
            Assert.DoesNotContain("contention levels remembered", stdout, StringComparison.Ordinal);
            return;
        }
        Assert.Equal((Rounds, 20.0, 20.0), (perf.Contention!.ContendedRounds, perf.Contention.RememberedLevelNs, perf.Contention.LevelNs));
        Assert.False(perf.Valid);
        Assert.StartsWith($"contended: 0 of {Rounds} rounds uncontended", perf.InvalidReason, StringComparison.Ordinal);
        Assert.Contains("contention levels remembered from earlier runs of this machine; probe 20 ns/op (run " + Path.GetFileName(first.Path) + ")", stdout, StringComparison.Ordinal);
    }

    /// <param name="budget">The <c>--perf-budget</c>: by default far more than the rounds take on any machine, since a
    /// contended round is taken again only within the budget and a test must not depend on this machine's speed.</param>
    /// <param name="after">A run of this lab before this one (the folder to leave out when finding this run's).</param>
    private async Task<(RunFolder Folder, string Stdout, string Adapters)> RunAsync(string language, double[] probeSamples, string? contentionSwitch = null,
        string budget = "3600", string[]? extra = null, string? after = null)
    {
        var adapters = Directory.CreateDirectory(Path.Combine(_lab.Dir, "adapters")).FullName;
        PacedAdapters.WriteAs(adapters, "pref", "reference", language, "20");
        PacedAdapters.WriteAs(adapters, "pcand", "candidate", language, "20");
        ScriptedProbe.Write(adapters, probeSamples);
        var env = new Dictionary<string, string> { ["ASTROBENCH_PACED_DIR"] = Directory.CreateDirectory(Path.Combine(_lab.Dir, "paced")).FullName };
        if (contentionSwitch is not null)
        {
            env["ASTROBENCH_CONTENTION"] = contentionSwitch;
        }
        var r = Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", adapters, "--experiments", "gmst_era", "--n", "20", "--perf-rounds", r, "--max-perf-rounds", r, "--perf-budget", budget, .. extra ?? []], env);
        var result = await run.WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return (new RunFolder(Assert.Single(_lab.Runs(), p => p != after)), result.Stdout, adapters);
    }
}
