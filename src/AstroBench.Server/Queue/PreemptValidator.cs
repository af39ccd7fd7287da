namespace AstroBench.Server.Queue;

/// <summary>The enqueue body's <c>preempt</c> and <c>preempt_mode</c> (docs/pause.md); each rule a field message (422).</summary>
internal static class PreemptValidator
{
    /// <summary>The pause mode the job preempts with (<c>boundary</c> unless <c>now</c>), or null when it does not preempt.</summary>
    public static string? Mode(bool? preempt, string? mode, Dictionary<string, string[]> errors)
    {
        if (mode is not (null or Execution.JobRunner.PauseBoundary or Execution.JobRunner.PauseNow))
        {
            QueueValidator.Add(errors, "preempt_mode", $"preempt_mode must be 'boundary' or 'now', not '{mode}'.");
            return null;
        }
        if (preempt is not true)
        {
            if (mode is not null)
            {
                QueueValidator.Add(errors, "preempt_mode", "preempt_mode needs preempt: true.");
            }
            return null;
        }
        return mode ?? Execution.JobRunner.PauseBoundary;
    }
}
