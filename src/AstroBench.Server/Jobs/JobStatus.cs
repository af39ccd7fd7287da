namespace AstroBench.Server.Jobs;

/// <summary>The closed set of job states. Terminal states never change.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Cancelling = "cancelling";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Queued, Starting, Running, Cancelling, Completed, Failed, Cancelled];

    /// <summary>States that hold the machine: at most one job is in one of them.</summary>
    public static IReadOnlyList<string> Active { get; } = [Queued, Starting, Running, Cancelling];

    public static bool IsTerminal(string status) => status is Completed or Failed or Cancelled;
}
