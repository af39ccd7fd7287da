using AstroBench.Core.History;
using AstroBench.Core.Inputs;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Core.Tests.History;

/// <summary>The scan over real index rows of synthetic run folders: what is stored, once, with its state kept.</summary>
public sealed class RegressionScannerTests : IDisposable
{
    private readonly HistoryLab _lab = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _lab.Dispose();

    private static SyntheticResult Accuracy(double mean, double max, string fingerprint = "sha256:aa") =>
        new("gmst_era", "libnova") { Mean = mean, Max = max, Fingerprint = fingerprint };

    /// <summary>Publishes run i through the index, then scans what is pending (as the server does per run.published).</summary>
    private IReadOnlyList<RegressionRecord> Publish(ResultsIndex index, RegressionScanner scanner, int i, params SyntheticResult[] results)
    {
        index.IndexRun(SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), results, SyntheticRuns.Bench));
        return scanner.ScanPending();
    }

    [Fact]
    public void AccuracyChangeOfOneCase_IsFlaggedExactly_AtThatRun()
    {
        var index = _lab.Index();
        var scanner = new RegressionScanner(index, time: _time);
        var found = new List<RegressionRecord>();
        for (var i = 0; i < 10; i++)
        {
            // Run 6 onwards: one of the 1,000 cases got 0.5″ worse, so the mean of |error| grows by 0.5/1000 and the max is that case.
            found.AddRange(i < 6 ? Publish(index, scanner, i, Accuracy(0.01, 0.1)) : Publish(index, scanner, i, Accuracy(0.01 + 0.5 / 1000, 0.5)));
        }

        var change = Assert.Single(found).Change;
        Assert.Equal(DetectedChange.Accuracy, change.Kind);
        Assert.Equal(DetectedChange.Regression, change.Direction);
        Assert.Equal(SyntheticRuns.Id(6), change.RunId);
        Assert.Equal(SyntheticRuns.Id(5), change.PreviousRunId);
        Assert.Equal("error_arcsec", change.Key.Metric);
        Assert.StartsWith("changed: mean 0.01 → 0.0105", change.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AccuracyWithinTheFloatTolerance_OrWithAnotherFingerprint_IsNoChange()
    {
        var index = _lab.Index();
        var scanner = new RegressionScanner(index, time: _time);
        Assert.Empty(Publish(index, scanner, 0, Accuracy(0.01, 0.1)));
        Assert.Empty(Publish(index, scanner, 1, Accuracy(0.01 * (1 + 1e-12), 0.1)));
        // Another dataset (n or seed changed): not comparable, whatever its numbers.
        Assert.Empty(Publish(index, scanner, 2, Accuracy(0.5, 0.9, "sha256:bb")));
        // Back on the first dataset: compared with run 1, its last comparable run.
        Assert.Single(Publish(index, scanner, 3, Accuracy(0.005, 0.1)), r => r.Change.Direction == DetectedChange.Improvement);
    }

    [Fact]
    public void PerformanceStep_IsStoredOnce_AtTheRunWhereItStarted_AndKeepsItsStateAcrossARebuild()
    {
        var index = _lab.Index();
        var scanner = new RegressionScanner(index, time: _time);
        var random = new SeededRandom(3);
        var found = new List<RegressionRecord>();
        for (var i = 0; i < 60; i++)
        {
            var median = (i < 30 ? 100 : 110) * (1 + 0.03 * SyntheticSeries.Gaussian(random));
            var samples = Enumerable.Range(0, 5).Select(_ => median * (1 + 0.005 * SyntheticSeries.Gaussian(random))).ToList();
            found.AddRange(Publish(index, scanner, i, new SyntheticResult("gmst_era", "libnova") { MedianNs = median, SamplesNs = samples }));
        }

        var perf = Assert.Single(found, r => r.Change.Kind == DetectedChange.Performance);
        Assert.Equal(SyntheticRuns.Id(30), perf.Change.RunId);
        Assert.Equal(DetectedChange.Regression, perf.Change.Direction);

        var store = new RegressionStore(index);
        store.SetState(perf.Id, RegressionStates.ExpectedShift, "new model", "ana", _time.GetUtcNow());
        index.Rebuild();
        Assert.Empty(scanner.ScanPending());
        var kept = store.Get(perf.Id)!;
        Assert.Equal((RegressionStates.ExpectedShift, "new model", "ana"), (kept.State, kept.Note, kept.StateBy));
    }

    [Fact]
    public void RunsFoundWhenTheIndexIsFirstBuilt_AreBackfilled_WithoutAnnouncements()
    {
        for (var i = 0; i < 4; i++)
        {
            SyntheticRuns.Write(_lab.Results, SyntheticRuns.Id(i), [Accuracy(i < 2 ? 0.01 : 0.02, 0.1)], SyntheticRuns.Bench);
        }
        var index = _lab.Index();
        var scanner = new RegressionScanner(index, time: _time);

        Assert.Empty(scanner.ScanPending());

        var store = new RegressionStore(index);
        var stored = Assert.Single(store.List(new RegressionFilter()).Items);
        Assert.Equal(SyntheticRuns.Id(2), stored.Change.RunId);
        Assert.Empty(store.Unannounced());
    }
}
