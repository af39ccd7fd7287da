using AstroBench.Core.History;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Retention;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.Tests.History;

public sealed class ResultsIndexTests : IDisposable
{
    private readonly HistoryLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private static SyntheticResult[] Results(int i) =>
    [
        new("gmst_era", "erfa") { Role = "reference", Mean = 0, Max = 0, P99 = 0, P50 = 0, Rms = 0, MedianNs = 40 + i, SamplesNs = [40 + i, 41 + i, 39 + i] },
        new("gmst_era", "libnova") { MedianNs = 90 + i, SamplesNs = [90 + i, 91 + i, 89 + i] },
        new("kepler_solver", "libnova") { Metric = "residual_rad", Mean = 1e-15 * i },
    ];

    [Fact]
    public void Rebuild_EqualsIncrementalIndex()
    {
        var incremental = _lab.Index();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(incremental.IndexRun(SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), Results(i), i < 3 ? SyntheticRuns.Bench : null)));
        }
        var rows = HistoryLab.Dump(incremental);

        Assert.Equal(5, incremental.Rebuild());

        Assert.Equal(5 + 5 * 3 + 5 * 3, rows.Count);
        Assert.Equal(rows, HistoryLab.Dump(incremental));
    }

    [Fact]
    public void ListRuns_IsTheReadersListing_WithSizes()
    {
        for (var i = 0; i < 4; i++)
        {
            SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), Results(i), SyntheticRuns.Bench);
        }
        var index = _lab.Index();

        var listed = index.ListRuns();

        var reader = new RunFolderReader(_lab.Results).ListRuns();
        Assert.Equal(reader.Select(r => r.Id), listed.Select(r => r.Summary.Id));
        Assert.All(listed.Zip(reader), p => Assert.Equivalent(p.Second, p.First.Summary, strict: true));
        Assert.All(listed, r => Assert.True(r.Bytes > 0));
        Assert.All(listed, r => Assert.Equal(SyntheticRuns.Bench.Key, r.TestbedKey));
    }

    [Fact]
    public void Sync_IndexesNewFolders_AndDropsTheRowsOfRemovedRuns()
    {
        var index = _lab.Index();
        SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(0), Results(0));
        SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(1), Results(1));
        Assert.Equal(2, index.ListRuns().Count);

        // Retention's own removal path: trash rename, then delete.
        var removed = new RunRemover(_lab.Results, _ => false).Remove(new RunRemoval(SyntheticRuns.Id(0), 0, "test", DateTimeOffset.UnixEpoch));
        Assert.Equal(RunRemovalResult.Removed, removed.Outcome);
        var sync = index.Sync();

        Assert.Equal([SyntheticRuns.Id(0)], sync.Removed);
        Assert.Equal([SyntheticRuns.Id(1)], index.ListRuns().Select(r => r.Summary.Id));
        Assert.DoesNotContain(HistoryLab.Dump(index), row => row.Contains(SyntheticRuns.Id(0), StringComparison.Ordinal));
    }

    [Fact]
    public void RunsWithoutATestbed_BelongToUnknown()
    {
        var index = _lab.Index();
        index.IndexRun(SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(0), Results(0)));

        Assert.Equal(Testbed.UnknownKey, Assert.Single(index.ListRuns()).TestbedKey);
        Assert.Contains(new HistoryQueries(index).Series(testbed: Testbed.UnknownKey), s => s.Key.Experiment == "gmst_era");
    }

    [Fact]
    public void TheIndexFile_IsNeverARun()
    {
        var index = _lab.Index();
        SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(0), Results(0));
        index.ListRuns();

        Assert.True(File.Exists(index.FilePath));
        Assert.Equal([SyntheticRuns.Id(0)], RunInventory.List(_lab.Results).Select(r => r.RunId));
        Assert.Single(new RunFolderReader(_lab.Results).ListRuns());
    }

    [Fact]
    public void Series_AreOrderedByRun_AndNeverMixTestbeds()
    {
        var other = Testbed.Create("Synthetic CPU", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc 14.2.0", "other");
        var index = _lab.Index();
        for (var i = 0; i < 6; i++)
        {
            index.IndexRun(SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), Results(i), i % 2 == 0 ? SyntheticRuns.Bench : other));
        }
        var queries = new HistoryQueries(index);

        var points = queries.Points(new SeriesKey(SyntheticRuns.Bench.Key, "gmst_era", "libnova", SeriesKey.PerformanceMetric), 100);

        Assert.Equal([SyntheticRuns.Id(0), SyntheticRuns.Id(2), SyntheticRuns.Id(4)], points.Select(p => p.RunId));
        Assert.Equal([90.0, 92.0, 94.0], points.Select(p => p.Value!.Value));
        Assert.Equal(2, queries.Testbeds().Count);
    }
}
