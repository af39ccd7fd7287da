using AstroBench.Core.Running;

namespace AstroBench.Server.Jobs;

/// <summary>
/// The closed set of job states. Terminal states never change; the terminal names are the run's own
/// (<see cref="RunStatusNames"/>); which state may follow which is <see cref="JobTransitions.Allowed"/>.
/// </summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Cancelling = "cancelling";

    /// <summary>The orchestrator stopped at a checkpoint on request; its staging folder is kept for the resume.</summary>
    public const string Paused = RunStatusNames.Paused;

    /// <summary>Stopped at a checkpoint to make room for a more urgent job; goes back to the queue.</summary>
    public const string Preempted = "preempted";
    public const string Completed = RunStatusNames.Completed;
    public const string Failed = RunStatusNames.Failed;
    public const string Cancelled = RunStatusNames.Cancelled;

    public static IReadOnlyList<string> All { get; } = [Queued, Starting, Running, Cancelling, Paused, Preempted, Completed, Failed, Cancelled];

    /// <summary>Every state that may still change (the keys of <see cref="JobTransitions.Allowed"/>).</summary>
    public static IReadOnlyList<string> Active { get; } = [Queued, Starting, Running, Cancelling, Paused, Preempted];

    /// <summary>
    /// "The machine is busy" for <c>POST /api/benchmark/start</c> (409): a job waits in the queue or holds
    /// the machine. Paused and preempted jobs wait for a person or the queue and do not count.
    /// </summary>
    public static IReadOnlyList<string> Busy { get; } = [Queued, Starting, Running, Cancelling];

    /// <summary>States whose job holds a process (or is about to): the dispatcher's resource slots.</summary>
    public static IReadOnlyList<string> Holding { get; } = [Starting, Running, Cancelling];

    public static bool IsTerminal(string status) => status is Completed or Failed or Cancelled;

    /// <summary>The terminal job state of a run that ended with <paramref name="status"/>.</summary>
    public static string Of(RunStatus status) => status.ToWire();
}
