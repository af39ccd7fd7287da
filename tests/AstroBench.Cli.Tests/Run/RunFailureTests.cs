using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>Bad input and broken adapters: one clear line, a non-zero exit, and nothing published.</summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunFailureTests : IDisposable
{
    private readonly TempLab _lab = new();

    // Set for the CLI process and inherited by every adapter it starts: /proc/<pid>/environ finds them
    // wherever they were reparented, whatever their command line.
    private readonly string _marker = "ABTEST_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        ProcessTable.KillMarked(_marker);
        _lab.Dispose();
    }

    private Task<CliResult> Run(params string[] args) =>
        CliProcess.Start(_lab.Dir, ["run", "--adapters-dir", Repo.Adapters, "--adapters-dir", Repo.Fixtures, .. args],
            new Dictionary<string, string> { [_marker] = "1" }).WaitAsync();

    [Theory]
    [InlineData("unknown experiment 'nope'", "--experiments", "nope")]
    [InlineData("unknown library 'nolib'", "--libraries", "nolib")]
    [InlineData("--n must be between 1", "--n", "0")]
    [InlineData("--n must be between 1", "--n", "1000001")]
    [InlineData("--seed must be between 0", "--seed", "-1")]
    [InlineData("--perf-rounds must be between 1 and 50", "--perf-rounds", "0")]
    [InlineData("--perf-rounds must be between 1 and 50", "--perf-rounds", "51")]
    [InlineData("abc", "--n", "abc")]
    [InlineData("--max-perf-rounds (2) must be at least --perf-rounds (5)", "--max-perf-rounds", "2")]
    [InlineData("--perf-cv-target must be between 0.1 and 100 percent", "--perf-cv-target", "0")]
    [InlineData("--perf-cv-target: '5%' is not a percentage", "--perf-cv-target", "5%")]
    [InlineData("--perf-budget must be between 0 and 3600 seconds", "--perf-budget", "-1")]
    [InlineData("--jobs must be between 1 and 256", "--jobs", "0")]
    [InlineData("--jobs must be between 1 and 256", "--jobs", "257")]
    [InlineData("--transport must be one of auto, v1, decimal, hex", "--transport", "morse")]
    [InlineData("is not writable", "--results-dir", "/etc/hostname/results")]
    public async Task BadInput_ExitsTwo_WithOneErrorLine_AndCreatesNothing(string expected, params string[] args)
    {
        var result = await Run(["--no-perf", .. args]);

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_lab.Results), "no results folder may be created for bad input");
    }

    [Fact]
    public async Task MissingAdaptersFolder_IsBadInput()
    {
        var result = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Path.Combine(_lab.Dir, "none"), "--experiments", "gmst_era");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no adapter declares itself the reference for 'gmst_era'", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage", "invalid_output")]
    [InlineData("crash", "non_zero_exit")]
    [InlineData("wrong_rows", "invalid_output")]
    public async Task BrokenAdapter_FailsTheRun_NamesIt_AndPublishesNothing(string adapter, string outcome)
    {
        var result = await Run("--no-perf", "--n", "20", "--experiments", "gmst_era", "--libraries", adapter);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains($"gmst_era failed: {adapter} {outcome}", error, StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.Results, ".staging")));
    }

    [Fact]
    public async Task HangingAdapter_TimesOut_AndIsKilled()
    {
        // The silence limit also applies to the erfa reference, which answers 20 rows in milliseconds.
        var result = await Run("--no-perf", "--n", "20", "--experiments", "gmst_era", "--libraries", "hang", "--timeout", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hang timed_out: no output for 3 s", result.All, StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
        // The hang adapter (sh) and its `sleep 600` would outlive the CLI, reparented, if their tree were not killed.
        var survivors = ProcessTable.WithEnvironmentMarker(_marker);
        Assert.True(survivors.Count == 0, "adapter processes outlived the run: " + ProcessTable.Describe(survivors));
    }

    [Fact]
    public async Task SkippingAdapter_IsRecorded_AndTheRunSucceeds()
    {
        var result = await Run("--no-perf", "--n", "20", "--experiments", "kepler_solver", "--libraries", "skipper");

        Assert.True(result.ExitCode == 0, result.All);
        var folder = new RunFolder(Assert.Single(_lab.Runs()));
        var skipped = folder.Result("kepler_solver", "skipper");
        Assert.Equal("skipped", skipped.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(skipped.OutcomeDetail));
        Assert.Null(skipped.Accuracy);
    }

    [Fact]
    public async Task AdapterKilledBySigterm_EndsTheRunCancelled_NotAsAFinishedOrFailedExperiment()
    {
        // A group cancel reaches the adapters too, and an adapter may die of it before the orchestrator's
        // own handler runs: that must read as a cancel (exit 143), never as a broken library.
        var record = Path.Combine(_lab.Dir, "exit.json");

        var result = await Run("--no-perf", "--n", "5", "--experiments", "gmst_era,kepler_solver", "--libraries", "terminated", "--exit-record", record);

        Assert.Equal(143, result.ExitCode);
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("[RUN] experiment_done", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("[RUN] finish status=cancelled", StringComparison.Ordinal) && l.Contains("experiments_done=0", StringComparison.Ordinal));
        Assert.Contains("\"status\": \"cancelled\"", File.ReadAllText(record), StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
    }

    [Fact]
    public async Task FailedRun_WritesAnExitRecordSayingWhy()
    {
        var record = Path.Combine(_lab.Dir, "exit.json");

        var result = await Run("--no-perf", "--n", "5", "--experiments", "gmst_era", "--libraries", "crash", "--exit-record", record);

        Assert.Equal(1, result.ExitCode);
        var json = File.ReadAllText(record);
        Assert.Contains("\"status\": \"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"run_id\": null", json, StringComparison.Ordinal);
        Assert.Contains("non_zero_exit", json, StringComparison.Ordinal);
    }
}
