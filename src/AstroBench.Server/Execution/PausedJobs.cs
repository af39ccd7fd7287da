using AstroBench.Core.Results.Checkpoints;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>Deleting the checkpoint of a paused job that ends without a resume (docs/pause.md).</summary>
internal static class PausedJobs
{
    /// <summary>The job state of a settled run: a paused run that was preempted is <c>preempted</c> (it goes back to the queue by itself).</summary>
    public static string StateOf(Core.Orchestration.SettleVerdict verdict, Jobs.JobRow? row)
    {
        var to = Jobs.JobStatus.Of(verdict.Status);
        return to == Jobs.JobStatus.Paused && row?.PreemptedBy is not null ? Jobs.JobStatus.Preempted : to;
    }

    /// <summary>Deletes <paramref name="checkpoint"/> (idempotent); a refusal is logged, never thrown: the job's end stands.</summary>
    public static void Discard(string checkpoint, string jobId, ILogger logger)
    {
        try
        {
            CheckpointDiscard.Run(checkpoint);
        }
        catch (CheckpointException ex)
        {
            logger.LogWarning("job {Id}: checkpoint {Checkpoint} not discarded: {Message}", jobId, checkpoint, ex.Message);
        }
    }
}
