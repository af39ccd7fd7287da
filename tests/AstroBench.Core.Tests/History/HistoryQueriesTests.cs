using AstroBench.Core.History;
using AstroBench.Core.Testbeds;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Core.Tests.History;

/// <summary>
/// The index's fast paths (one statement for many series, the <c>series</c> table) give exactly what the plain queries
/// over the rows give (<see cref="IndexOracle"/>), over a lab with every irregularity a series can have.
/// </summary>
public sealed class HistoryQueriesTests : IDisposable
{
    private static readonly Testbed Other = Testbed.Create("Synthetic CPU", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc 14.2.0", "other");
    private readonly HistoryLab _lab = new();

    public void Dispose() => _lab.Dispose();

    /// <summary>
    /// 14 runs on two testbeds and <c>unknown</c>: a library version change at run 6, an accuracy regression at run 8, a
    /// metric only some runs have, an invalid and a missing performance block, runs re-indexed, deleted and rebuilt.
    /// </summary>
    private (ResultsIndex Index, string[] Runs) MixedLab()
    {
        var index = _lab.Index();
        var scanner = new RegressionScanner(index, time: new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));
        for (var i = 0; i < 14; i++)
        {
            var results = new List<SyntheticResult>
            {
                new("gmst_era", "erfa") { Role = "reference", Mean = 0, Max = 0, P99 = 0, P50 = 0, Rms = 0, MedianNs = 40 + i % 3, SamplesNs = [40, 41, 39 + i % 3] },
                new("gmst_era", "libnova") { Mean = i < 8 ? 0.01 : 0.02, MedianNs = i == 4 ? null : 90 + i, SamplesNs = [90 + i, 91 + i, 89 + i],
                    PerfValid = i != 5, InvalidReason = i == 5 ? "too_few_rounds: 1 round" : null },
            };
            if (i % 3 != 0)
            {
                results.Add(new SyntheticResult("kepler_solver", "libnova") { Metric = "residual_rad", Mean = 1e-15 * i, Fingerprint = i < 7 ? "sha256:aa" : "sha256:bb" });
            }
            var testbed = i % 5 == 4 ? null : i % 2 == 0 ? SyntheticRuns.Bench : Other;
            var versions = new Dictionary<string, string> { ["libnova"] = $"libnova-adapter 1.0.0; libnova {(i < 6 ? "0.15" : "0.16")}" };
            index.IndexRun(SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), results, testbed, versions: versions));
            scanner.ScanPending();
        }
        index.IndexRun(Path.Combine(_lab.Results, SyntheticRuns.Id(3)));
        index.RemoveRun(SyntheticRuns.Id(9));
        Directory.Delete(Path.Combine(_lab.Results, SyntheticRuns.Id(9)), recursive: true);
        Assert.NotEmpty(new RegressionStore(index).List(new RegressionFilter()).Items);
        return (index, [.. Enumerable.Range(0, 14).Where(i => i != 9).Select(SyntheticRuns.Id)]);
    }

    [Fact]
    public void Series_IsTheGroupingOfTheRows_AfterIndexingReindexingDeletingAndRebuilding()
    {
        var (index, _) = MixedLab();
        var queries = new HistoryQueries(index);

        Assert.Equal(IndexOracle.Json(IndexOracle.Series(index)), IndexOracle.Json(queries.Series()));
        index.Sync();
        Assert.Equal(IndexOracle.Json(IndexOracle.Series(index)), IndexOracle.Json(queries.Series()));
        index.Rebuild();
        Assert.Equal(IndexOracle.Json(IndexOracle.Series(index)), IndexOracle.Json(queries.Series()));
        Assert.Equal(IndexOracle.Json(IndexOracle.Series(index).Where(s => s.Key.Library == "libnova")), IndexOracle.Json(queries.Series(library: "libnova")));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3)]
    [InlineData(1)]
    public void Points_AreTheNewestOfTheSeries_UpToTheRun(int limit)
    {
        var (index, runs) = MixedLab();
        var queries = new HistoryQueries(index);

        foreach (var s in IndexOracle.Series(index))
        {
            foreach (var upTo in new[] { null, runs[5], runs[^1] })
            {
                Assert.Equal(IndexOracle.Json(IndexOracle.Points(index, s.Key, limit, upTo, samples: true)), IndexOracle.Json(queries.Points(s.Key, limit, upTo, withSamples: true)));
                Assert.Equal(IndexOracle.Json(IndexOracle.Points(index, s.Key, limit, upTo, samples: false)), IndexOracle.Json(queries.Points(s.Key, limit, upTo)));
            }
        }
    }

    [Theory]
    [InlineData("gmst_era", "libnova", null, null, 1000)]
    [InlineData("gmst_era", "libnova", null, null, 2)]
    [InlineData("kepler_solver", "libnova", null, "residual_rad", 1000)]
    [InlineData("gmst_era", "erfa", "unknown", null, 1000)]
    [InlineData("gmst_era", "libnova", null, "no_such_metric", 1000)]
    public void History_IsEachSeriesWithItsPointsLabelAndChanges(string experiment, string library, string? testbed, string? metric, int limit)
    {
        var (index, _) = MixedLab();
        var queries = new HistoryQueries(index);
        var store = new RegressionStore(index);
        var labels = queries.Testbeds().ToDictionary(t => t.Key, t => t.Testbed?.Label);

        var expected = IndexOracle.Series(index)
            .Where(s => s.Key.Experiment == experiment && s.Key.Library == library && (testbed is null || s.Key.Testbed == testbed) && (metric is null || s.Key.Metric == metric))
            .Select(s => new SeriesHistory(s, labels[s.Key.Testbed], IndexOracle.Points(index, s.Key, limit, null, samples: false), store.ForSeries(s.Key)))
            .ToList();

        Assert.Equal(IndexOracle.Json(expected), IndexOracle.Json(queries.History(experiment, library, testbed, metric, limit)));
        Assert.Equal(metric == "no_such_metric", expected.Count == 0);
    }

    [Fact]
    public void WindowsOfRun_AreThePointsOfEverySeriesOfTheRun_UpToIt_WithTheirChanges()
    {
        var (index, runs) = MixedLab();
        var queries = new HistoryQueries(index);
        var store = new RegressionStore(index);

        foreach (var run in runs)
        {
            var windows = queries.WindowsOfRun(run, 4);
            var changes = store.ForSeriesOfRun(run);

            Assert.Equal(IndexOracle.SeriesOf(index, run), windows.Select(w => w.Key));
            Assert.All(windows, w => Assert.Equal(IndexOracle.Json(IndexOracle.Points(index, w.Key, 4, run, samples: true)), IndexOracle.Json(w.Points)));
            Assert.All(windows, w => Assert.Equal(IndexOracle.Json(store.ForSeries(w.Key)), IndexOracle.Json(changes[w.Key])));
        }
    }
}
