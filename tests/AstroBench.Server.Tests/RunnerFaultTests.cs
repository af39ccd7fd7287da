using System.Net;
using AstroBench.Server.Execution;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests;

/// <summary>An exception inside the server's runner never leaves a job stuck: it ends failed, its processes are gone, the slot is free.</summary>
public sealed class RunnerFaultTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Open("all");
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task MonitorThrows_JobEndsFailedWithTheReason_GroupIsKilled_NextStartIsAccepted()
    {
        var runner = _lab.Factory.Services.GetRequiredService<JobRunner>();
        var store = _lab.Factory.Services.GetRequiredService<JobStore>();
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitStatus(id, "running");
        await _lab.WaitHeld("gmst_era"); // the adapter is running, held
        var pgid = store.Get(id)!.Pgid!.Value;
        Assert.NotEmpty(Procs.GroupMembers(pgid));

        var thrown = 0;
        runner.MonitorPollHook = jobId =>
        {
            if (jobId == id && Interlocked.Exchange(ref thrown, 1) == 0)
            {
                throw new IOException("injected store fault");
            }
        };
        var done = await _lab.WaitTerminal(id);
        runner.MonitorPollHook = null;

        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("internal_error: injected store fault", done["reason"]!.GetValue<string>());
        Assert.Empty(Procs.GroupMembers(pgid));
        Assert.Empty(Procs.OfJob(id));
        // The job is terminal in the store before the runner frees its slot (JobRunner.Release), so wait for the slot.
        await Eventually.True(() => !runner.IsActive(id), $"the runner released job {id}'s slot");
        Assert.Equal("failed", (await _lab.GetJson($"/api/benchmark/jobs/{id}/history")).AsArray()[^1]!["to"]!.GetValue<string>());

        var (next, body) = await _lab.PostJson("/api/benchmark/start",
            new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var nextDone = await _lab.WaitTerminal(body!["job_id"]!.GetValue<string>());
        Assert.Equal("completed", nextDone["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MonitorThrowsRightAway_BeforeAnyLineIsRead_TheJobStillEndsFailed()
    {
        var runner = _lab.Factory.Services.GetRequiredService<JobRunner>();
        runner.MonitorPollHook = _ => throw new InvalidOperationException("tailer broke");
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();

        var done = await _lab.WaitTerminal(id);
        runner.MonitorPollHook = null;

        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("internal_error: tailer broke", done["reason"]!.GetValue<string>());
        Assert.Empty(Procs.OfJob(id));
        var (next, _) = await _lab.PostJson("/api/benchmark/start",
            new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
