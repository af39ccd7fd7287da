using System.Globalization;
using System.Net;
using AstroBench.Cli.Tests.Run;
using AstroBench.Core.Running;

namespace AstroBench.Server.Tests.Queue;

/// <summary>Issue 9 point 4 end to end: the preempted job waits as <c>preempted</c>, the urgent one runs, then the preempted one resumes and completes with no experiment redone.</summary>
public sealed class PreemptionTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task AnUrgentJob_PreemptsTheRunningTimingJob_WhichResumesAfterIt_WithoutRedoingAnExperiment()
    {
        var victim = await _lab.Enqueue(new
        {
            experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "gate" }, n = 20, perf_rounds = 1, no_perf = false,
        });
        await _lab.WaitHeld("gmst_era");
        var urgent = await _lab.Enqueue(new
        {
            experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, no_perf = true, priority = 10, preempt = true,
        });
        var log = Path.Combine(_lab.Root, "logs", victim + ".log");
        await Eventually.True(() => File.Exists(log) && File.ReadAllText(log).Contains(PauseSignals.Acknowledgement(PauseMode.Boundary), StringComparison.Ordinal),
            "the victim acknowledged the boundary pause");
        _lab.Open("gmst_era");

        var waiting = await _lab.WaitStatus(victim, "preempted");
        Assert.Equal(urgent, waiting["preempted_by"]!.GetValue<string>());
        Assert.True(Directory.Exists(Path.Combine(waiting["checkpoint"]!.GetValue<string>(), "gmst_era")));
        _lab.Open("all");
        var done = await _lab.WaitTerminal(urgent);
        Assert.Equal("completed", done["status"]!.GetValue<string>());

        var published = await _lab.Published(victim);
        var history = (await _lab.GetJson($"/api/benchmark/jobs/{victim}/history")).AsArray();
        Assert.Equal(["queued", "starting", "running", "preempted", "queued", "starting", "running", "completed"],
            history.Select(h => h!["to"]!.GetValue<string>()));
        // Requeued only once the urgent job was done.
        var requeuedAt = DateTimeOffset.Parse(history[4]!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(requeuedAt >= DateTimeOffset.Parse(done["finished_at"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        // gmst_era was measured once, before the preemption; only kepler_solver ran after it.
        Assert.All(SameRun.Segments(published, "gmst_era"), s => Assert.Equal(0, s));
        Assert.All(SameRun.Segments(published, "kepler_solver"), s => Assert.Equal(1, s));
    }

    [Fact]
    public async Task PreemptFields_AreValidated()
    {
        var (bad, body) = await _lab.PostJson("/api/benchmark/jobs", new { experiments = new[] { "gmst_era" }, n = 20, preempt = true, preempt_mode = "soon" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("preempt_mode must be 'boundary' or 'now'", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (alone, _) = await _lab.PostJson("/api/benchmark/jobs", new { experiments = new[] { "gmst_era" }, n = 20, preempt_mode = "now" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, alone.StatusCode);
    }
}
