using System.Net;
using AstroBench.Server.Execution;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests;

/// <summary>An exception inside the server's runner never leaves a job stuck: it ends failed, its processes are gone, the slot is free.</summary>
public sealed class RunnerFaultTests : IDisposable
{
    private readonly string _gates = Directory.CreateTempSubdirectory("astrobench-gates-").FullName;
    private readonly Lab _lab;

    public RunnerFaultTests()
    {
        // The gate fixture holds its call until a gate file exists; jobs inherit the server's environment.
        Environment.SetEnvironmentVariable("ASTROBENCH_GATE_DIR", _gates);
        _lab = new Lab();
    }

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
        Directory.Delete(_gates, recursive: true);
    }

    [Fact]
    public async Task MonitorThrows_JobEndsFailedWithTheReason_GroupIsKilled_NextStartIsAccepted()
    {
        var runner = _lab.Factory.Services.GetRequiredService<JobRunner>();
        var store = _lab.Factory.Services.GetRequiredService<JobStore>();
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitFor(id, j => j["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(30));
        await WaitForFile(Path.Combine(_gates, "gmst_era.waiting"), TimeSpan.FromSeconds(30)); // the adapter is running, held
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
        Assert.False(runner.IsActive(id));
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

    private static async Task WaitForFile(string path, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        while (!File.Exists(path))
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
