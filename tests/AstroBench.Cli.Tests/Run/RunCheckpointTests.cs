using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Run;

/// <summary>What a checkpoint refuses and allows: a changed lab or adapter, a second resumer, discard.</summary>
[Collection(AdaptersCollection.Name)]
public sealed partial class RunCheckpointTests : IDisposable
{
    private readonly PausedLab _lab = new("ABTEST_" + Guid.NewGuid().ToString("N"));

    public void Dispose() => _lab.Dispose();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [Theory]
    [InlineData("lab_build", null, "the lab's code changed")]
    [InlineData("fingerprint", "erfa", "adapter erfa changed since the run was paused: its files changed")]
    [InlineData("version", "libnova", "adapter libnova changed since the run was paused: version")]
    [InlineData("plan", null, "the plan changed since the run was paused")]
    public async Task Resume_RefusesWhenTheLabOrAnAdapterChanged_AndGivesTheCheckpointBack(string field, string? adapter, string expected)
    {
        var checkpoint = await PausedAtStartAsync();
        var path = CheckpointFile.PathIn(checkpoint);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        switch (field)
        {
            case "plan":
                json["plan"]![0]!["libraries"] = new JsonArray("erfa", "libnova");
                break;
            case "lab_build":
                json["lab_build"] = Guid.Empty.ToString("D");
                break;
            default:
                json["adapters"]!.AsArray().Single(a => (string?)a!["name"] == adapter)![field] = "sha256:0000000000000000000000000000";
                break;
        }
        var tampered = json.ToJsonString();
        File.WriteAllText(path, tampered);

        using var resume = _lab.Resume(checkpoint);
        var result = await resume.WaitAsync();

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Lines);
        Assert.StartsWith("error: cannot resume: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(tampered, File.ReadAllText(path));
        Assert.Empty(_lab.Runs());
    }

    [Fact]
    public async Task Resume_WithRunOptions_IsRefused_TheConfigComesFromTheCheckpoint()
    {
        var checkpoint = await PausedAtStartAsync();

        using var resume = _lab.Cli(["run", "--resume", checkpoint, "--n", "5"]);
        var result = await resume.WaitAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --resume takes the run's config from the checkpoint; drop --n", Assert.Single(result.Lines));
        Assert.True(File.Exists(CheckpointFile.PathIn(checkpoint)));
    }

    [Fact]
    public async Task ASecondResume_WhileOneRuns_IsRefused_AsIsADiscard()
    {
        var checkpoint = await PausedAtStartAsync();
        using var first = _lab.Resume(checkpoint);
        await _lab.Held("gmst_era");

        using var second = _lab.Cli(["run", "--resume", checkpoint]);
        var refused = await second.WaitAsync();
        using var discard = _lab.Cli(["run", "--discard", checkpoint]);
        var notDiscarded = await discard.WaitAsync();

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"is being resumed by process {first.Pid}", Assert.Single(refused.Lines), StringComparison.Ordinal);
        Assert.Equal(2, notDiscarded.ExitCode);
        Assert.Contains($"is being resumed by process {first.Pid}", Assert.Single(notDiscarded.Lines), StringComparison.Ordinal);
        _lab.Open("all");
        Assert.Equal(0, (await first.WaitAsync()).ExitCode);
        Assert.Single(_lab.Runs());
    }

    [Fact]
    public async Task Discard_DeletesTheCheckpoint_AndReleasesTheRunId_NothingIsPublished()
    {
        var checkpoint = await PausedAtStartAsync();

        using var discard = _lab.Cli(["run", "--discard", checkpoint]);
        var result = await discard.WaitAsync();
        using var again = _lab.Cli(["run", "--discard", checkpoint]);
        var twice = await again.WaitAsync();

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal($"discarded {checkpoint}", Assert.Single(result.Lines));
        Assert.Equal(0, twice.ExitCode);
        Assert.Empty(_lab.StagingEntries());
        Assert.Empty(_lab.Runs());
    }

    [Fact]
    public async Task Discard_OfARunInProgress_IsRefused()
    {
        using var run = _lab.Start(noPerf: true);
        await _lab.Held("gmst_era");
        var staging = Assert.Single(Directory.GetDirectories(Path.Combine(_lab.Results, ".staging")));

        using var discard = _lab.Cli(["run", "--discard", staging]);
        var result = await discard.WaitAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not paused", Assert.Single(result.Lines), StringComparison.Ordinal);
        Assert.True(Directory.Exists(staging));
        _lab.Open("all");
        Assert.Equal(0, (await run.WaitAsync()).ExitCode);
    }

    /// <summary>A checkpoint with nothing done: SIGUSR2 while the first experiment's gate holds.</summary>
    private async Task<string> PausedAtStartAsync()
    {
        using var run = _lab.Start(noPerf: true);
        await _lab.Held("gmst_era");
        Assert.Equal(0, Kill(run.Pid, PauseSignals.SigUsr2));
        var result = await run.WaitAsync(Eventually.DefaultBound);
        Assert.True(result.ExitCode == 75, result.All);
        // The stopped gate adapter was SIGKILLed with no chance to remove its marker; a later hold must write a fresh one.
        File.Delete(Path.Combine(_lab.Gates, "gmst_era.waiting"));
        return _lab.Exit()!.Checkpoint!;
    }
}
