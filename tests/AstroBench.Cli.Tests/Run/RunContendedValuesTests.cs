using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// Contended values end to end (docs/engine.md, "Contended values"): fixtures declared as C speak protocol 7 and report
/// chosen values and probe chunks (tests/fixtures/adapters/probed). A value beside a slow chunk is left out of its round's
/// sample, a round whose every value is is taken again, and the result records both; <c>ASTROBENCH_CONTENTION=0</c> asks
/// for no chunks and keeps every value.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunContendedValuesTests : IDisposable
{
    private const int Rounds = 12;
    private const string Quiet = "20,20,20/20,20,20,20";
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    /// <summary>Eight quiet rounds (the chunks' gate has a level after the second), then one whose values 2 and 3 touch a slow
    /// chunk, one whose every chunk is slow, then quiet ones.</summary>
    private static readonly string[] Specs = [.. Enumerable.Repeat(Quiet, 8), "20,60,60/20,20,30,20", "50,50,50/30,30,30,30", Quiet];

    [Fact]
    public async Task AValueBesideASlowChunk_IsLeftOut_AndARoundOfSlowChunksIsTakenAgain()
    {
        var (folder, stdout) = await RunAsync(null);

        foreach (var library in new[] { "pref", "pcand" })
        {
            var perf = folder.Result("gmst_era", library).Performance!;
            Assert.Equal(Enumerable.Repeat(20.0, Rounds), perf.SamplesNs); // round 9's sample is its first value, not the median 60
            Assert.Equal([20.0, 60.0, 60.0], perf.RoundValuesNs![8]); // every value is still recorded
            var contention = perf.Contention!;
            Assert.Equal((Rounds + 1, 1, 0), (contention.JudgedRounds, contention.DiscardedRounds, contention.ContendedRounds));
            Assert.Equal([50.0], contention.DiscardedSamplesNs);
            Assert.Equal((3 * (Rounds + 1), 2 + 3, 20.0), (contention.JudgedValues, contention.ContendedValues, contention.ValueLevelNs));
            Assert.Contains($"gmst_era {library} round 10 discarded (50 ns/op): the machine was contended, taken again", stdout, StringComparison.Ordinal);
        }
        const string line = "2 native rounds discarded and taken again over 2 native results, 10 of 78 values left out (a probe chunk beside them was contended); none kept although the machine was contended";
        ContentionAsserts.LineAndDocumentedKeys(folder, stdout, line);
    }

    [Fact]
    public async Task WithTheRuleOff_NoChunksAreAsked_AndEveryValueStands()
    {
        var (folder, _) = await RunAsync("0");

        var perf = folder.Result("gmst_era", "pcand").Performance!;
        Assert.Equal(60.0, perf.SamplesNs[8]); // round 9: the median of 20, 60, 60
        Assert.Equal(50.0, perf.SamplesNs[9]);
        Assert.Null(perf.Contention);
    }

    [Fact]
    public async Task PastTheTimingBudget_ARoundOfSlowChunksStands_AndCountsAsContended()
    {
        var (folder, _) = await RunAsync(null, budget: "0.001"); // spent before the first round: nothing is taken again

        var perf = folder.Result("gmst_era", "pcand").Performance!;
        Assert.Equal(20.0, perf.SamplesNs[8]); // values are still judged
        Assert.Equal((0, 1), (perf.Contention!.DiscardedRounds, perf.Contention.ContendedRounds));
        // The round stands and counts toward the 12, but with 11 uncontended rounds it is left out of the statistics.
        Assert.Equal(Enumerable.Repeat(20.0, Rounds - 1), perf.SamplesNs);
        Assert.Equal([50.0], perf.Contention.ContendedSamplesNs!);
        Assert.True(perf.Contention.ContendedLeftOut);
        Assert.Equal(Rounds - 1, perf.RoundValuesNs!.Count);
    }

    [Fact]
    public async Task AMachineContendedThroughout_KeepsEveryRound_AndFlagsTheResult()
    {
        // Two quiet rounds (the chunks' gate has its level after them), then every chunk slow; past the budget each round stands.
        var (folder, stdout) = await RunAsync(null, budget: "0.001", specs: ["20,20,20/20,20,20,20", "20,20,20/20,20,20,20", "30,30,30/30,30,30,30"]);

        var perf = folder.Result("gmst_era", "pcand").Performance!;
        Assert.False(perf.Valid);
        Assert.Equal($"contended: 2 of {Rounds} rounds uncontended (at least 3 are needed); the figures are over all {Rounds}, the others timed while the machine was contended", perf.InvalidReason);
        Assert.Equal([20.0, 20.0, .. Enumerable.Repeat(30.0, Rounds - 2)], perf.SamplesNs);
        Assert.Equal(Enumerable.Repeat(30.0, Rounds - 2), perf.Contention!.ContendedSamplesNs!);
        Assert.False(perf.Contention.ContendedLeftOut);
        Assert.Null(perf.SpeedupVsReference); // flagged: never ranked
        Assert.Contains("left out of the statistics of 0, the other 2 flagged (fewer than 3 uncontended rounds)", stdout, StringComparison.Ordinal);
        Assert.Equal((2, 0), (folder.Manifest.Rounds!.Contended, folder.Manifest.Rounds.Unstable)); // pref and pcand
    }

    private async Task<(RunFolder Folder, string Stdout)> RunAsync(string? contentionSwitch, string budget = "3600", string[]? specs = null)
    {
        var adapters = Directory.CreateDirectory(Path.Combine(_lab.Dir, "adapters")).FullName;
        Write(adapters, "pref", "reference", specs ?? Specs);
        Write(adapters, "pcand", "candidate", specs ?? Specs);
        ScriptedProbe.Write(adapters, [20.0]); // the probe process reads the machine quiet throughout
        var env = new Dictionary<string, string> { ["ASTROBENCH_PACED_DIR"] = Directory.CreateDirectory(Path.Combine(_lab.Dir, "paced")).FullName };
        if (contentionSwitch is not null)
        {
            env["ASTROBENCH_CONTENTION"] = contentionSwitch;
        }
        var r = Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", adapters, "--experiments", "gmst_era", "--n", "20", "--perf-rounds", r, "--max-perf-rounds", r, "--perf-budget", budget], env); // 3600: far more than any machine needs (discarding stops with the budget)
        var result = await run.WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return (new RunFolder(Assert.Single(_lab.Runs())), result.Stdout);
    }

    private static void Write(string adapters, string name, string role, string[] specs)
    {
        var script = Path.Combine(Repo.Fixtures, "probed", "adapter.sh");
        var dir = Directory.CreateDirectory(Path.Combine(adapters, name)).FullName;
        var manifest = new JsonObject
        {
            ["name"] = name, ["protocol"] = new JsonArray(1, 3, 4, 7), ["language"] = "c", ["library"] = "probed fixture", ["license"] = "n/a",
            ["run"] = new JsonArray([JsonValue.Create("sh"), JsonValue.Create(script), .. specs.Select(s => JsonValue.Create(s))]),
            ["version"] = new JsonArray("sh", script, "--version"),
            ["requires"] = new JsonArray(),
            ["experiments"] = new JsonObject { ["gmst_era"] = new JsonObject { ["model"] = "probed fixture", ["role"] = role } },
        };
        File.WriteAllText(Path.Combine(dir, "adapter.json"), manifest.ToJsonString(), System.Text.Encoding.UTF8);
    }
}
