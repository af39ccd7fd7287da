using AstroBench.Core.Storage;

namespace AstroBench.Core.Tests.Storage;

public sealed class JobSizePredictorTests
{
    [Fact]
    public void NoHistory_UsesTheStatedDefault()
    {
        var p = JobSizePredictor.Predict(1000, 3, []);

        Assert.Equal(JobSizePredictor.Default, p.Basis);
        Assert.Equal(JobSizePredictor.DefaultBytesPerCase, p.BytesPerCase);
        Assert.Equal((long)Math.Ceiling(3000 * JobSizePredictor.DefaultBytesPerCase), p.PredictedBytes);
    }

    [Fact]
    public void History_IsTotalBytesOverTotalCases_SoLargeRunsWeighMost()
    {
        // 100 cases × 1 result in 10,000 bytes (100 B/case) and 10,000 cases × 2 results in 400,000 bytes (20 B/case).
        var p = JobSizePredictor.Predict(50_000, 4, [new RunSizeSample(100, 1, 10_000), new RunSizeSample(10_000, 2, 400_000)]);

        Assert.Equal(JobSizePredictor.History, p.Basis);
        Assert.Equal(410_000d / 20_100, p.BytesPerCase, 12);
        Assert.Equal((long)Math.Ceiling(200_000 * (410_000d / 20_100)), p.PredictedBytes);
    }

    [Fact]
    public void History_IgnoresUnusableRuns_AndKeepsOnlyTheNewest()
    {
        var newest = Enumerable.Repeat(new RunSizeSample(10, 1, 500), JobSizePredictor.HistoryRuns);
        var older = new RunSizeSample(10, 1, 1_000_000);

        var p = JobSizePredictor.Predict(10, 1, [new RunSizeSample(0, 5, 99), new RunSizeSample(10, 0, 99), .. newest, older]);

        Assert.Equal(50, p.BytesPerCase);
        Assert.Equal(JobSizePredictor.Default, JobSizePredictor.Predict(10, 1, [new RunSizeSample(10, 1, 0)]).Basis);
    }
}
