using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Experiments;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Cli.Tests.Run;

/// <summary>The scoreboard views and the reference-uncertainty measurement on a small real run (real adapters, n = 40).</summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunsScoreboardTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private async Task<string> SmallRun()
    {
        var run = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Repo.Adapters, "--experiments", "gmst_era,frame_rotation_bpn",
            "--libraries", "erfa,erfa-dotnet,libnova", "--n", "40", "--no-perf");
        Assert.Equal(0, run.ExitCode);
        return Path.GetFileName(Assert.Single(_lab.Runs()));
    }

    [Fact]
    public async Task PairsMatrix_OnARealRun_AgreesWithEachResultsOwnScore()
    {
        var id = await SmallRun();
        var dir = Path.Combine(_lab.Results, id, "frame_rotation_bpn");

        var pairs = await PairsMatrix.ComputeAsync(dir, ExperimentCatalog.Find("frame_rotation_bpn")!, ["erfa", "erfa-dotnet", "libnova"]);

        Assert.NotNull(pairs);
        Assert.Equal(["erfa", "erfa-dotnet", "libnova"], pairs.Libraries);
        Assert.Equal(3, pairs.Pairs.Count);
        var same = Assert.Single(pairs.Pairs, p => p.A == "erfa" && p.B == "erfa-dotnet");
        Assert.Equal((40, 0.0, 0.0), (same.Cases, same.P99, same.Max));
        // erfa × libnova is exactly libnova's score against the reference (the same scorer over the same outputs).
        using var libnova = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "libnova.json")));
        var stats = libnova.RootElement.GetProperty("accuracy").GetProperty("metrics").GetProperty("angular_error_mas");
        var vsReference = Assert.Single(pairs.Pairs, p => p.A == "erfa" && p.B == "libnova");
        Assert.Equal(stats.GetProperty("p99").GetDouble(), vsReference.P99, 9);
        Assert.Equal(stats.GetProperty("max").GetDouble(), vsReference.Max, 9);
        Assert.True(vsReference.P99 > 100, "libnova's IAU 1980 chain is a model gap of hundreds of mas");
    }

    [Fact]
    public async Task Show_PrintsTheScoreboardHeatmapsFramePairsAndAllPairs()
    {
        var id = await SmallRun();

        var show = await CliProcess.RunAsync(_lab.Dir, "runs", "show", id, "--pairs");

        Assert.Equal(0, show.ExitCode);
        foreach (var title in new[] { "Scoreboard", "Pairwise wins/ties/losses", "Accuracy heatmap", "Speed heatmap", "Frame pairs", "gmst_era: all pairs" })
        {
            Assert.Contains(title, show.Stdout, StringComparison.Ordinal);
        }
        // erfa-dotnet equals the reference bit for bit: within the measured uncertainty, shown as such, never ranked.
        Assert.Contains("≤U", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("sidereal angle", show.Stdout, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(_lab.Results, id, "gmst_era", "summary.md"));
        Assert.Contains("Reference uncertainty: ", summary, StringComparison.Ordinal);
        Assert.Contains("**erfa-dotnet**: within reference uncertainty", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceUncertainty_MeasuresIntoTheDataFile_AndRefusesAModelMismatch()
    {
        var id = await SmallRun();
        var output = Path.Combine(_lab.Dir, "reference-uncertainty.json");

        var measured = await CliProcess.RunAsync(_lab.Dir, "runs", "reference-uncertainty", id, "--library", "erfa-dotnet", "--output", output);
        var refused = await CliProcess.RunAsync(_lab.Dir, "runs", "reference-uncertainty", id, "--library", "libnova",
            "--experiments", "frame_rotation_bpn", "--output", output);

        Assert.Equal(0, measured.ExitCode);
        var entries = ReferenceUncertaintyTable.Parse(await File.ReadAllTextAsync(output)).Experiments;
        Assert.Equal(["frame_rotation_bpn", "gmst_era"], entries.Keys.Order(StringComparer.Ordinal));
        var bpn = entries["frame_rotation_bpn"];
        // Bit-identical outputs: the floor is one double ulp of the output (2^-52 rad in mas).
        Assert.Equal(2.220446049250313e-16 * 180 / Math.PI * 3600e3 * 1e8, bpn.Value * 1e8, 12);
        Assert.Equal((id, "erfa-dotnet", "erfa", 40), (bpn.Provenance.RunId, bpn.Provenance.Library, bpn.Provenance.Reference, bpn.Provenance.Cases));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("model-mismatch", Assert.Single(refused.Lines), StringComparison.Ordinal);
        Assert.Equal(2, ReferenceUncertaintyTable.Parse(await File.ReadAllTextAsync(output)).Experiments.Count);
        Assert.NotNull(new RunFolderReader(_lab.Results).ReadRun(id));
    }
}
