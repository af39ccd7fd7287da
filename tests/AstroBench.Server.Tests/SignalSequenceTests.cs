using System.Diagnostics;
using AstroBench.Server.Execution;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;

namespace AstroBench.Server.Tests;

/// <summary>The signal path without the orchestrator's own SIGTERM handling: a whole group that ignores SIGTERM.</summary>
public sealed class SignalSequenceTests
{
    [Fact]
    public async Task GroupIgnoringSigterm_IsKilledAfterTheGrace_AndVerifiedEmpty()
    {
        var stderr = Path.GetTempFileName();
        var process = SessionSpawner.Spawn(["/bin/sh", "-c", "trap '' TERM; sleep 30 & while :; do sleep 1; done"], "/tmp", stderr);
        Assert.Equal(process.Pid, process.Pgid);
        await Task.Delay(200);
        Assert.True(Procs.GroupMembers(process.Pgid).Count >= 2);
        var job = new ActiveJob("0123456789ab", new LogFeed("0123456789ab", "/dev/null", 16, JobStatus.Running, JobProgress.Empty), ownChild: true)
        {
            Process = process,
        };
        var sw = Stopwatch.StartNew();
        var outcome = await SignalSequence.RunAsync(job, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(5));
        Assert.True(outcome.GroupEmpty, outcome.Error);
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(700), "SIGKILL came before the grace period ended");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"took {sw.Elapsed}");
        Assert.Empty(Procs.GroupMembers(process.Pgid));
        // The group counts as empty once the leader is a zombie; reap it like the monitor loop does.
        for (var i = 0; i < 50 && job.ReapedExitCode is null; i++)
        {
            job.TryReap();
            await Task.Delay(10);
        }
        Assert.Equal(128 + 9, job.ReapedExitCode);
        File.Delete(stderr);
    }
}
