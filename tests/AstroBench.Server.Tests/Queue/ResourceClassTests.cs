namespace AstroBench.Server.Tests.Queue;

/// <summary>
/// Issue 9 point 2 with real jobs: a timing job runs alone; accuracy jobs overlap up to N (here 2), never beside
/// a timing job. Checked with the process start/end times the jobs record; the gate fixture holds each job.
/// </summary>
public sealed class ResourceClassTests : IDisposable
{
    private readonly Lab _lab = new(settings: QueueLab.Parallel(2));

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task TimingJobsRunAlone_AccuracyJobsOverlapUpToN_NeverBesideATimingJob()
    {
        var t1 = await _lab.Enqueue(QueueLab.Gate("gmst_era", perf: true));
        await _lab.WaitHeld("gmst_era");
        var a1 = await _lab.Enqueue(QueueLab.Gate("kepler_solver"));
        var a2 = await _lab.Enqueue(QueueLab.Gate("frame_rotation_bpn"));
        var a3 = await _lab.Enqueue(QueueLab.Quick());
        var t2 = await _lab.Enqueue(QueueLab.Quick(perf: true));
        Assert.Equal(0, _lab.DispatchNow()); // nothing beside the timing job
        Assert.Equal("queued", await _lab.Status(a1));

        _lab.Open("gmst_era");
        await _lab.WaitTerminal(t1);
        await _lab.WaitHeld("kepler_solver");
        await _lab.WaitHeld("frame_rotation_bpn"); // two accuracy jobs at once
        Assert.Equal(0, _lab.DispatchNow()); // N = 2 slots taken
        Assert.Equal("queued", await _lab.Status(a3));

        _lab.Open("kepler_solver");
        Assert.Equal("completed", (await _lab.WaitTerminal(a3))["status"]!.GetValue<string>());
        Assert.Equal(0, _lab.DispatchNow()); // the timing job waits for a2
        Assert.Equal("queued", await _lab.Status(t2));

        _lab.Open("frame_rotation_bpn");
        Assert.Equal("completed", (await _lab.WaitTerminal(t2))["status"]!.GetValue<string>());

        var jobs = new Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var id in new[] { t1, a1, a2, a3, t2 })
        {
            Assert.Equal("completed", await _lab.Status(id));
            jobs[id] = await _lab.Interval(id);
        }
        static bool Overlap((DateTimeOffset Start, DateTimeOffset End) x, (DateTimeOffset Start, DateTimeOffset End) y) =>
            x.Start < y.End && y.Start < x.End;
        foreach (var timing in new[] { t1, t2 })
        {
            Assert.All(jobs.Where(j => j.Key != timing), j => Assert.False(Overlap(jobs[timing], j.Value), $"{j.Key} ran beside timing job {timing}"));
        }
        Assert.True(Overlap(jobs[a1], jobs[a2]), "the two accuracy jobs did not overlap");
        // Never more than N = 2 accuracy jobs at once: at each start, count the jobs running.
        foreach (var (id, (start, _)) in jobs)
        {
            Assert.True(jobs.Count(j => j.Value.Start <= start && start < j.Value.End) <= 2, $"more than 2 jobs ran when {id} started");
        }
    }

    [Fact]
    public async Task AKeyHasAtMostOneRunningJob_ItsPendingJobWaits_WhileOthersOvertakeIt()
    {
        var running = await _lab.Enqueue(QueueLab.Gate("gmst_era", key: "k"));
        await _lab.WaitHeld("gmst_era");
        var pending = await _lab.Enqueue(QueueLab.Quick(key: "k"));
        var other = await _lab.Enqueue(QueueLab.Quick());

        Assert.Equal("completed", (await _lab.WaitTerminal(other))["status"]!.GetValue<string>());
        Assert.Equal(0, _lab.DispatchNow());
        Assert.Equal("queued", await _lab.Status(pending));
        _lab.Open("gmst_era");
        Assert.Equal("completed", (await _lab.WaitTerminal(pending))["status"]!.GetValue<string>());
        Assert.True((await _lab.Interval(running)).End <= (await _lab.Interval(pending)).Start);
    }
}
