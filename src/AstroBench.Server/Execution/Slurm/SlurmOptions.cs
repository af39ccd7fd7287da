namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// <c>AstroBench:Slurm</c> (docs/slurm.md): where and how jobs go when the executor is <c>slurm</c>.
/// The lab root must be on a file system the nodes share: results, logs and exit records are written there by the job.
/// </summary>
public sealed class SlurmOptions
{
    /// <summary>Default partition (null: the cluster's default); a job's <c>partition</c> wins.</summary>
    public string? Partition { get; set; }

    /// <summary>Default node constraint (<c>--constraint</c>, a node feature); a job's <c>constraint</c> wins.</summary>
    public string? Constraint { get; set; }

    /// <summary>Folder of sbatch, squeue, scontrol, scancel and sinfo (null: found on PATH).</summary>
    public string? BinDir { get; set; }

    /// <summary>The job-completion log (<c>JobCompType=jobcomp/filetxt</c>), read once Slurm's controller has forgotten a job.</summary>
    public string JobCompLog { get; set; } = "/var/log/slurm/jobcomp.log";

    /// <summary>How often a job's Slurm state is asked for (scontrol per job; it is cached between polls).</summary>
    public int PollMs { get; set; } = 250;

    /// <summary>How long after <c>scancel --signal=KILL</c> to wait for Slurm to confirm the job ended.</summary>
    public double KillConfirmSeconds { get; set; } = 30;

    /// <summary>Check at start-up that a node sees the lab root as the server does (<see cref="SharedRootCheck"/>); false skips it.</summary>
    public bool SharedRootCheck { get; set; } = true;

    /// <summary>Partitions the check runs a job on (empty: the lab's default partition, else the cluster's).</summary>
    public List<string> SharedRootCheckPartitions { get; set; } = [];

    /// <summary>How long the check's job may wait for a node (<c>srun --immediate</c>) before the server refuses to start.</summary>
    public int SharedRootCheckSeconds { get; set; } = 60;

    /// <summary>An argument list the check's probe runs under on the node (e.g. a site's container launcher); empty: none.</summary>
    public List<string> SharedRootCheckWrapper { get; set; } = [];
}
