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
    public const string Completed = RunStatusNames.Completed;
    public const string Failed = RunStatusNames.Failed;
    public const string Cancelled = RunStatusNames.Cancelled;

    public static IReadOnlyList<string> All { get; } = [Queued, Starting, Running, Cancelling, Completed, Failed, Cancelled];

    /// <summary>States that hold the machine: at most one job is in one of them.</summary>
    public static IReadOnlyList<string> Active { get; } = [Queued, Starting, Running, Cancelling];

    public static bool IsTerminal(string status) => status is Completed or Failed or Cancelled;

    /// <summary>The terminal job state of a run that ended with <paramref name="status"/>.</summary>
    public static string Of(RunStatus status) => status.ToWire();
}
