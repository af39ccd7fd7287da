namespace AstroBench.Core.Running;

/// <summary>How a run was asked to pause (docs/checkpoints.md).</summary>
public enum PauseMode
{
    /// <summary>Finish the current experiment, then stop (SIGUSR1).</summary>
    Boundary,

    /// <summary>Stop at once: the current experiment's partial work is discarded and redone on resume (SIGUSR2).</summary>
    Now,
}
