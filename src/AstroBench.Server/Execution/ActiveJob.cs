using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;

namespace AstroBench.Server.Execution;

/// <summary>In-memory state of the one job the runner is driving (or has reattached to). Guarded by <see cref="Gate"/>.</summary>
internal sealed class ActiveJob(string id, LogFeed feed, bool ownChild)
{
    public string Id { get; } = id;
    public LogFeed Feed { get; } = feed;
    public Lock Gate { get; } = new();

    /// <summary>True when this server spawned the process (it can waitpid it); false after a reattach.</summary>
    public bool OwnChild { get; } = ownChild;

    /// <summary>How the job runs (this machine or Slurm): the runner, monitor and settler act on it only through this.</summary>
    public IJobExecutor? Executor { get; init; }

    /// <summary>The local executor's process (<see cref="LocalExecutor"/>).</summary>
    public SpawnedProcess? Process { get; set; }

    /// <summary>The Slurm executor's job (then <see cref="Process"/> stays null): docs/slurm.md.</summary>
    public Slurm.SlurmJobHandle? Slurm { get; set; }

    /// <summary>True once the executor spawned or submitted something that may need stopping.</summary>
    public bool Started => Process is not null || Slurm is not null;
    public int? ReapedExitCode { get; set; }

    public bool CancelRequested { get; set; }
    public TimeSpan Grace { get; set; }
    public string? CancelReason { get; set; }
    public Task<CancelOutcome>? Signals { get; set; }

    /// <summary>The job's memory cgroup, if its limits made one (removed when the job is released).</summary>
    public Limits.MemoryCgroup? Cgroup { get; set; }

    /// <summary>When the job is over its <c>timeout_s</c>; null without one.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The limit the monitor stopped the job for (<c>timeout</c>); set with <see cref="CancelRequested"/> so no second signal sequence starts.</summary>
    public string? StoppedBy { get; set; }

    /// <summary>The monitor's tailer while it follows the log (so an internal-error settle can drain it).</summary>
    public LogTailer? Tailer { get; set; }

    public TaskCompletionSource<JobRow> Settled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void TryReap()
    {
        if (OwnChild && ReapedExitCode is null && Process is { } p && SessionSpawner.TryReap(p.Pid) is { } code)
        {
            ReapedExitCode = code;
        }
    }

    public bool IsProcessAlive => Executor?.IsAlive(this) ?? false;

    /// <summary>Starts the executor's cancel sequence with <see cref="Grace"/> (the caller holds <see cref="Gate"/> and set <see cref="CancelRequested"/>).</summary>
    public void BeginCancel(TimeSpan killVerify) => Signals = Task.Run(() => Executor!.CancelAsync(this, Grace, killVerify));
}
