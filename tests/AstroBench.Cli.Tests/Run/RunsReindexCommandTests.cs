using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.History;

namespace AstroBench.Cli.Tests.Run;

/// <summary><c>astrobench runs reindex</c> rebuilds the index from the folders; <c>runs delete</c> drops the deleted run's rows.</summary>
public sealed class RunsReindexCommandTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _lab.Dispose();
    }

    private static SyntheticResult[] Results => [new("gmst_era", "libnova") { MedianNs = 90, SamplesNs = [90, 91, 89] }];

    [Fact]
    public async Task Reindex_IndexesEveryFolder_AndDeleteDropsTheRows()
    {
        Directory.CreateDirectory(_lab.Results);
        for (var i = 0; i < 3; i++)
        {
            SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), Results, SyntheticRuns.Bench);
        }

        var reindex = await CliProcess.RunAsync(_lab.Dir, "runs", "reindex");

        Assert.Equal(0, reindex.ExitCode);
        Assert.StartsWith("indexed 3 runs into ", reindex.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_lab.Results, ResultsIndex.FileName)));

        var delete = await CliProcess.RunAsync(_lab.Dir, "runs", "delete", SyntheticRuns.Id(1));

        Assert.Equal(0, delete.ExitCode);
        var key = new SeriesKey(SyntheticRuns.Bench.Key, "gmst_era", "libnova", SeriesKey.PerformanceMetric);
        Assert.Equal([SyntheticRuns.Id(0), SyntheticRuns.Id(2)], new HistoryQueries(new ResultsIndex(_lab.Results)).Points(key, 10).Select(p => p.RunId));
    }

    [Fact]
    public async Task Reindex_OfAMissingFolder_IsOneErrorLine()
    {
        var reindex = await CliProcess.RunAsync(_lab.Dir, "runs", "reindex", "--results-dir", "nowhere");

        Assert.Equal(2, reindex.ExitCode);
        Assert.Contains("error: results dir 'nowhere' does not exist", reindex.All, StringComparison.Ordinal);
    }
}
