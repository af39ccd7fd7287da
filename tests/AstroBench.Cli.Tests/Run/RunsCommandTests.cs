using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

[Collection(AdaptersCollection.Name)]
public sealed class RunsCommandTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task ListAndShow_ReadWhatRunWrote()
    {
        var run = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Repo.Adapters, "--experiments", "gmst_era", "--libraries", "libnova", "--n", "20", "--no-perf");
        Assert.Equal(0, run.ExitCode);
        var id = Path.GetFileName(Assert.Single(_lab.Runs()));
        Directory.CreateDirectory(Path.Combine(_lab.Results, "2024-01-02", "gmst_era"));

        var list = await CliProcess.RunAsync(_lab.Dir, "runs", "list");
        var show = await CliProcess.RunAsync(_lab.Dir, "runs", "show", id);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains(id, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("2024-01-02", list.Stdout, StringComparison.Ordinal);
        Assert.True(list.Stdout.IndexOf(id, StringComparison.Ordinal) < list.Stdout.IndexOf("2024-01-02", StringComparison.Ordinal), "newest first");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("| gmst_era | reference | model-mismatch |", show.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("2026-01-01_00-00-00")]
    public async Task Show_BadOrUnknownId_IsOneErrorLine(string id)
    {
        Directory.CreateDirectory(_lab.Results);

        var show = await CliProcess.RunAsync(_lab.Dir, "runs", "show", id);

        Assert.Equal(2, show.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(show.Lines), StringComparison.Ordinal);
    }
}
