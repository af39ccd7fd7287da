namespace AstroBench.Core.Running;

/// <summary>How a run ends: the closed set behind the exit record's and the <c>[RUN] finish</c> line's <c>status</c> (see <see cref="RunStatusNames"/>).</summary>
public enum RunStatus
{
    Completed,
    Failed,
    Cancelled,

    /// <summary>Stopped on request with its staging folder kept as a checkpoint (docs/checkpoints.md); not an end state of a job.</summary>
    Paused,
}
