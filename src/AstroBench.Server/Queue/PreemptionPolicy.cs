using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>A running job to pause for a more urgent one: which, by whom, and how.</summary>
internal sealed record Preemption(string VictimId, string ById, string Mode);

/// <summary>
/// When a queued job preempts (docs/pause.md, pure): the queue's head has <c>preempt</c> and a higher priority
/// than the one running timing job, which has no pause pending. Only a timing job is preempted: it is the one
/// that holds the machine alone; accuracy jobs free their slots soon enough in parallel.
/// </summary>
internal static class PreemptionPolicy
{
    public static Preemption? Pick(IReadOnlyList<JobRow> holding, IReadOnlyList<JobRow> queued, bool draining)
    {
        if (draining || holding is not [var running] || queued is not [var head, ..] || head.Preempt is not { } mode)
        {
            return null;
        }
        var preemptable = running.Status == JobStatus.Running && running.PauseRequested is null
            && ResourceClass.Of(running.Config) == ResourceClass.Timing && head.Priority > running.Priority;
        return preemptable ? new Preemption(running.Id, head.Id, mode) : null;
    }
}
