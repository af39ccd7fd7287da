using AstroBench.Server.Execution.Slurm;
using AstroBench.Server.Logs;

namespace AstroBench.Server.Execution;

/// <summary>Settling a Slurm job (docs/slurm.md): the same rule as a local one, with Slurm as the watcher.</summary>
internal sealed partial class JobSettler
{
    private async Task SettleSlurmAsync(ActiveJob job, SlurmJobHandle slurm, LogTailer tailer, ProgressParser parser)
    {
        if (job.CancelRequested)
        {
            var outcome = job.Signals is { } s ? await s : new CancelOutcome(true, [], null);
            if (!outcome.GroupEmpty)
            {
                // Never "cancelled" before Slurm confirms the job ended.
                await SlurmCancel.EnsureEndedAsync(slurm, logger, job.Id);
            }
        }
        // Slurm's final word into the store (slurm_state), read while confirming the end.
        SlurmStatusMirror.Apply(job, slurm, store);
        // The batch script execs the orchestrator: its exit code is the orchestrator's (what waitpid gives a local job).
        job.ReapedExitCode ??= slurm.Last?.ExitCode;
        // Slurm ended it (node failure, time limit…): failed with Slurm's reason, unless the run completed.
        await SettleExitedAsync(job, tailer, parser, job.StoppedBy ?? slurm.ClusterFailure, oomKilled: false);
    }
}
