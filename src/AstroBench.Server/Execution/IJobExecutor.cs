using AstroBench.Server.Jobs;

namespace AstroBench.Server.Execution;

/// <summary>
/// Where a job's orchestrator runs: this machine (<see cref="LocalExecutor"/>, its own process group) or a Slurm cluster
/// (<see cref="Slurm.SlurmExecutor"/>, a batch job; docs/slurm.md). The runner, the monitor and the settler drive every job
/// through this interface only, so each guarantee (no orphans, cancel with grace, pause, reattach) is written once.
/// </summary>
internal interface IJobExecutor
{
    /// <summary>Spawns or submits the claimed job. Null when it started; else the reason (its log line is written): the runner settles it failed.</summary>
    Task<string?> StartAsync(ActiveJob job, JobRow queued);

    /// <summary>True when a job the store says holds the machine still has something to follow after a server restart.</summary>
    bool CanReattach(JobRow row);

    /// <summary>Rebuilds the handle of a job <see cref="CanReattach"/> said yes to.</summary>
    void Reattach(ActiveJob job, JobRow row);

    /// <summary>One monitor poll (reap the child, mirror Slurm's state); then <see cref="IsAlive"/> tells whether anything of the job runs.</summary>
    void Poll(ActiveJob job);

    bool IsAlive(ActiveJob job);

    /// <summary>SIGTERM → grace → SIGKILL → confirmation that nothing of the job is left; grace and confirmation measured on <paramref name="clock"/>.</summary>
    Task<CancelOutcome> CancelAsync(ActiveJob job, TimeSpan grace, TimeSpan killVerify, TimeProvider? clock = null);

    /// <summary>Signals the orchestrator only (never its adapters): SIGUSR1 for a boundary pause, SIGUSR2 for now. False when not delivered.</summary>
    bool Pause(ActiveJob job, string mode);

    /// <summary>The job's process is gone: makes sure nothing of it is left (a cancel's signals finished, orphans killed) and says why it stopped.</summary>
    Task<ExecutorEnd> SettleAsync(ActiveJob job);

    /// <summary>After an internal error of the server: SIGKILL whatever of the job exists and wait for it to go. Never throws.</summary>
    Task KillAsync(ActiveJob job, TimeSpan killVerify);
}
