using AstroBench.Server.Execution;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests;

/// <summary>
/// The signal path without the orchestrator's own SIGTERM handling, on a real process group. The grace
/// runs on a fake clock: "no SIGKILL before the grace has passed" is then a fact about the clock the
/// sequence reads, not about how fast this machine is.
/// </summary>
public sealed class SignalSequenceTests : IDisposable
{
    private const int SIGTERM = 15;
    private const int SIGKILL = 9;

    // The leader traps TERM (writes term.txt and keeps beating); its background `sleep 300` ignores TERM.
    private const string IgnoresTerm = """
        trap '' TERM
        sleep 300 &
        trap 'echo term >> term.txt' TERM
        while :; do echo beat >> beats.txt; sleep 0.05; done
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("ab-signals-").FullName;
    private SpawnedProcess? _process;

    public void Dispose()
    {
        if (_process is { } p)
        {
            ProcessGroup.Signal(p.Pgid, SIGKILL, out _);
            SessionSpawner.TryReap(p.Pid);
        }
        Directory.Delete(_dir, recursive: true);
    }

    private string TermFile => Path.Combine(_dir, "term.txt");

    private int Beats => File.Exists(Path.Combine(_dir, "beats.txt")) ? File.ReadAllLines(Path.Combine(_dir, "beats.txt")).Length : 0;

    private async Task<ActiveJob> SpawnGroup(string script)
    {
        _process = SessionSpawner.Spawn(["/bin/sh", "-c", script], _dir, Path.Combine(_dir, "stderr.txt"));
        Assert.Equal(_process.Pid, _process.Pgid);
        await Eventually.True(() => Beats > 0, "the group's shell is beating (its TERM trap is installed)");
        await Eventually.True(() => Procs.GroupMembers(_process.Pgid).Count >= 2, "the background child is in the group");
        return new ActiveJob("0123456789ab", new LogFeed("0123456789ab", "/dev/null", 16, JobStatus.Running, JobProgress.Empty), ownChild: true)
        {
            Process = _process,
        };
    }

    private static async Task<int> ReapedExitCode(ActiveJob job)
    {
        // The group counts as empty once the leader is a zombie; reap it like the monitor loop does.
        await Eventually.True(() =>
        {
            job.TryReap();
            return job.ReapedExitCode is not null;
        }, "the leader is reaped");
        return job.ReapedExitCode!.Value;
    }

    [Fact]
    public async Task GroupIgnoringSigterm_GetsSigterm_NoSigkillBeforeTheGrace_SigkillAfter_GroupEmpty()
    {
        var job = await SpawnGroup(IgnoresTerm);
        var clock = new FakeTimeProvider();
        var grace = TimeSpan.FromMinutes(10); // never passes in real time: only the fake clock can end it

        var sequence = SignalSequence.RunAsync(job, grace, TimeSpan.FromSeconds(5), clock);

        await Eventually.True(() => File.Exists(TermFile) || sequence.IsCompleted, "SIGTERM reached the group");
        Assert.False(sequence.IsCompleted, "the sequence ended before the grace had passed");
        clock.Advance(grace - TimeSpan.FromTicks(1));
        // Give the sequence many polls at "one tick before the grace ends": the group must still be alive.
        var beats = Beats;
        await Eventually.True(() => Beats >= beats + 5 || sequence.IsCompleted, "the leader keeps beating after SIGTERM");
        Assert.False(sequence.IsCompleted, "the sequence ended before the grace had passed");
        Assert.True(Procs.GroupMembers(job.Process!.Pgid).Count >= 2, "a member died before the grace had passed");
        Assert.Null(job.ReapedExitCode);

        clock.Advance(TimeSpan.FromTicks(1));
        var outcome = await sequence.WaitAsync(Eventually.DefaultBound);

        Assert.True(outcome.GroupEmpty, outcome.Error);
        Assert.Empty(outcome.Survivors);
        Assert.Empty(Procs.GroupMembers(job.Process.Pgid));
        Assert.Equal(128 + SIGKILL, await ReapedExitCode(job));
        Assert.Equal(["term"], File.ReadAllLines(TermFile)); // one SIGTERM, and it came first
    }

    [Fact]
    public async Task GroupThatExitsOnSigterm_IsNeverSigkilled()
    {
        var job = await SpawnGroup("""
            sleep 300 &
            trap 'echo term >> term.txt; kill $!; exit 0' TERM
            while :; do echo beat >> beats.txt; sleep 0.05; done
            """);
        var clock = new FakeTimeProvider(); // never advanced: the grace cannot pass

        var outcome = await SignalSequence.RunAsync(job, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), clock).WaitAsync(Eventually.DefaultBound);

        Assert.True(outcome.GroupEmpty, outcome.Error);
        Assert.Empty(Procs.GroupMembers(job.Process!.Pgid));
        Assert.Equal(0, await ReapedExitCode(job)); // exited by itself, not 128 + 9
        Assert.True(File.Exists(TermFile));
    }

    [Fact]
    public async Task ZeroGrace_SendsSigkillAtOnce_WithoutSigterm()
    {
        var job = await SpawnGroup(IgnoresTerm);

        var outcome = await SignalSequence.RunAsync(job, TimeSpan.Zero, TimeSpan.FromSeconds(5), new FakeTimeProvider()).WaitAsync(Eventually.DefaultBound);

        Assert.True(outcome.GroupEmpty, outcome.Error);
        Assert.Empty(Procs.GroupMembers(job.Process!.Pgid));
        Assert.Equal(128 + SIGKILL, await ReapedExitCode(job));
        Assert.False(File.Exists(TermFile), "a kill must not send SIGTERM first");
        _ = SIGTERM;
    }
}
