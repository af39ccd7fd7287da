using System.Diagnostics;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// A job the Slurm executor submitted: its Slurm job id and the state last read from Slurm, refreshed at most every
/// <c>PollMs</c> (the monitor polls far more often). Unknown to Slurm (not in the controller, not in the jobcomp log) counts as ended:
/// the exit record then decides, and without one the job is <c>lost</c>.
/// </summary>
internal sealed class SlurmJobHandle(long slurmJobId, SlurmClient client, TimeSpan pollEvery, TimeSpan killConfirm)
{
    /// <summary>How long to wait for Slurm to confirm the end after SIGKILL.</summary>
    public TimeSpan KillConfirm { get; } = killConfirm;

    private readonly Stopwatch _sinceRead = new();

    public long JobId { get; } = slurmJobId;
    public SlurmClient Client { get; } = client;

    /// <summary>The last state read (null: never read yet, or Slurm knows nothing of the job).</summary>
    public SlurmJobState? Last { get; private set; }

    /// <summary>The state last written to the job store (<see cref="SlurmStatusMirror"/>).</summary>
    public SlurmJobState? Mirrored { get; set; }

    /// <summary>True once a read found the job ended or unknown.</summary>
    public bool HasEnded { get; private set; }

    /// <summary>Reads the state again when the last read is older than the poll interval (or <paramref name="force"/>); true when it changed.</summary>
    public bool Refresh(bool force = false)
    {
        if (HasEnded || (!force && _sinceRead.IsRunning && _sinceRead.Elapsed < pollEvery))
        {
            return false;
        }
        var now = Client.Query(JobId);
        _sinceRead.Restart();
        var changed = now != Last;
        Last = now;
        HasEnded = now is null || now.HasEnded;
        return changed;
    }

    /// <summary>The failure reason when Slurm itself ended the job (node failure, time limit…), else null.</summary>
    public string? ClusterFailure => Last is { IsClusterEnd: true } s ? s.ClusterReason : null;
}
