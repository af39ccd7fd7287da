using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Results;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// The machine-speed probe end to end (docs/engine.md, "The machine-speed probe"): the real probe binary of the checkout,
/// timed at the start of every cycle of a run over v1 fixture adapters (the <c>paced</c> fixture, whose figures are chosen and
/// so show that the probe does not touch them); its fields in the results and the manifest, their round trip, the summary.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunMachineProbeTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task EveryCycleIsProbed_TheSamplesAreInEveryResult_AndTheManifestBlockIsTheirDrift()
    {
        var (folder, stdout) = await RunAsync();

        var reference = folder.Result("gmst_era", "pref").Performance!;
        var candidate = folder.Result("gmst_era", "psteady").Performance!;
        // Fixture figures untouched: chosen ns/op, rounds and their interleaving as without a probe.
        Assert.Equal([20.0, 20.0, 20.0], reference.SamplesNs);
        Assert.Equal([0, 2, 4], reference.RoundSequence!);
        Assert.Equal([1, 3, 5], candidate.RoundSequence!);
        // Three cycles, three probe samples, the same in both files; each round names its cycle.
        Assert.Equal(3, reference.ProbeNs!.Count);
        Assert.Equal(reference.ProbeNs, candidate.ProbeNs!);
        Assert.All(reference.ProbeNs, p => Assert.True(p > 0));
        Assert.Equal([0, 1, 2], reference.RoundCycles!);
        Assert.Equal([0, 1, 2], candidate.RoundCycles!);

        var probe = folder.Manifest.Machine!.Probe;
        var sorted = reference.ProbeNs.Order().ToArray();
        Assert.Equal((3, 3, "fp-poly+libm-trig/2"), (probe.Samples, probe.Values, probe.Kernel));
        Assert.Equal((Math.Round(sorted[1], 4), Math.Round(sorted[0], 4), Math.Round(sorted[2], 4)), (probe.MedianNs, probe.MinNs, probe.MaxNs));
        // p10 and p90 of three samples by linear interpolation: 20 % and 80 % of the way along the two gaps.
        var (p10, p90) = (sorted[0] + 0.2 * (sorted[1] - sorted[0]), sorted[1] + 0.8 * (sorted[2] - sorted[1]));
        Assert.Equal(Math.Round((p90 - p10) / sorted[1] * 100, 4), probe.DriftPercent);
        Assert.Equal(probe.DriftPercent > 3.0, probe.Varied);

        // Round trip: what the reader reads, written again, is the manifest's block byte for byte.
        var raw = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "manifest.json")))!["machine"]!.ToJsonString();
        Assert.Equal(raw, JsonSerializer.Serialize(folder.Manifest.Machine, ResultJson.Options).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));

        // docs/run-folder.md's manifest example shows the block with the real one's fields.
        Assert.Equal(Keys(JsonNode.Parse(raw)!), Keys(DocManifestExample()["machine"]!));
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "docs", "run-folder.md")).Split("```json")[2].Split("```")[0])!;
        Assert.Equal(Keys(JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "gmst_era", "pref.json")))!["performance"]!).Intersect(["probe_ns", "round_cycles"]),
            Keys(doc["performance"]!).Intersect(["probe_ns", "round_cycles"]));

        var statement = probe.Varied ? "machine speed varied by" : "machine speed steady within";
        Assert.Contains(statement, stdout, StringComparison.Ordinal);
        Assert.Contains("**Machine during timing:** " + statement, File.ReadAllText(Path.Combine(folder.Path, "summary.md")), StringComparison.Ordinal);
        var show = await CliProcess.RunAsync(_lab.Dir, ["runs", "show", Path.GetFileName(folder.Path), "--results-dir", _lab.Results]);
        Assert.Contains(statement, show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPerf_ThereIsNoMachineBlock()
    {
        var (folder, _) = await RunAsync("--no-perf");

        Assert.Null(folder.Manifest.Machine);
        Assert.False(JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "manifest.json")))!.AsObject().ContainsKey("machine"));
    }

    private static JsonNode DocManifestExample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "docs", "run-folder.md")).Split("```json")[1].Split("```")[0])!;

    /// <summary>Every property path of <paramref name="node"/>'s objects, sorted (arrays' items are not walked).</summary>
    private static List<string> Keys(JsonNode node, string prefix = "")
    {
        var keys = new List<string>();
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o)
            {
                keys.Add(prefix + name);
                if (value is not null)
                {
                    keys.AddRange(Keys(value, prefix + name + "."));
                }
            }
        }
        return keys.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<(RunFolder Folder, string Stdout)> RunAsync(params string[] args)
    {
        var adapters = Directory.CreateDirectory(Path.Combine(_lab.Dir, "adapters")).FullName;
        PacedAdapters.Write(adapters, "pref", "reference", "20");
        PacedAdapters.Write(adapters, "psteady", "candidate", "20");
        var state = Directory.CreateDirectory(Path.Combine(_lab.Dir, "paced")).FullName;
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", adapters, "--experiments", "gmst_era", "--n", "20", "--perf-rounds", "3", "--max-perf-rounds", "3", .. args],
            new Dictionary<string, string> { ["ASTROBENCH_PACED_DIR"] = state });
        var result = await run.WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return (new RunFolder(Assert.Single(_lab.Runs())), result.Stdout);
    }
}
