using AstroBench.Server.Jobs;
using AstroBench.Server.Queue;

namespace AstroBench.Server.Tests.Queue;

/// <summary>Estimated starts from the durations of earlier comparable jobs, played forward with the dispatch rules.</summary>
public sealed class QueueEstimatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static JobConfig Config(bool noPerf, int n = 100) => new(["gmst_era"], null, n, 42, 1, noPerf, false);

    private static JobRow Row(string id, JobConfig config, DateTimeOffset? started = null, DateTimeOffset? finished = null) =>
        new(id, finished is null ? (started is null ? JobStatus.Queued : JobStatus.Running) : JobStatus.Completed, config, null, Now,
            started, finished, null, JobProgress.Empty, null, null, null, null, null, 0);

    private static JobRow Done(JobConfig config, int seconds) =>
        Row("d", config, Now.AddHours(-1), Now.AddHours(-1).AddSeconds(seconds));

    [Fact]
    public void TimingJobs_FollowOneAnother_FromTheRunningJobsExpectedEnd()
    {
        var timing = Config(noPerf: false);
        var running = Row("r", timing, started: Now.AddSeconds(-4));
        var estimates = QueueEstimator.Estimate(Now, [running], [Row("q1", timing), Row("q2", timing)], [Done(timing, 10)], 2);
        Assert.Equal([Now.AddSeconds(6), Now.AddSeconds(16)], estimates);
    }

    [Fact]
    public void AccuracyJobs_ShareTheSlots()
    {
        var accuracy = Config(noPerf: true);
        var estimates = QueueEstimator.Estimate(Now, [], [Row("a", accuracy), Row("b", accuracy), Row("c", accuracy)], [Done(accuracy, 10)], 2);
        Assert.Equal([Now, Now, Now.AddSeconds(10)], estimates);
    }

    [Fact]
    public void ConfigMedian_BeatsTheClassMedian_AndTheClassMedianIsTheFallback()
    {
        var small = Config(noPerf: false, n: 100);
        var large = Config(noPerf: false, n: 5000);
        var estimates = QueueEstimator.Estimate(Now, [], [Row("q1", small), Row("q2", large), Row("q3", small)],
            [Done(small, 3), Done(small, 5), Done(Config(false, 200), 100)], 1);
        // small: median(3, 5) = 4 s; large has no comparable job: class median of (3, 5, 100) = 5 s.
        Assert.Equal([Now, Now.AddSeconds(4), Now.AddSeconds(9)], estimates);
    }

    [Fact]
    public void WithoutAnyFinishedJob_TheEstimatesAreUnknown_FromTheFirstUnknownOn()
    {
        var accuracy = Config(noPerf: true);
        Assert.Equal([Now, null], QueueEstimator.Estimate(Now, [], [Row("a", accuracy), Row("b", Config(noPerf: false))], [], 1));
        Assert.Equal([null], QueueEstimator.Estimate(Now, [Row("r", accuracy, started: Now)], [Row("a", accuracy)], [], 1));
    }
}
