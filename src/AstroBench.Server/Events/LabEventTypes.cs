namespace AstroBench.Server.Events;

/// <summary>
/// The closed set of lab event names (docs/notifications.md). Subscriptions filter on them; the
/// webhook body's <c>type</c> is one of them.
/// </summary>
public static class LabEventTypes
{
    public const string JobCompleted = "job.completed";
    public const string JobFailed = "job.failed";
    public const string JobCancelled = "job.cancelled";
    public const string JobPaused = "job.paused";
    public const string RunPublished = "run.published";
    /// <summary>A run made elsewhere was imported (<c>POST /api/runs/import</c>; docs/publish-import.md).</summary>
    public const string RunImported = "run.imported";
    public const string DiskLow = "disk.low";
    public const string RegressionDetected = "regression.detected";

    /// <summary>A test delivery ("send test"); never produced by a job.</summary>
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } =
        [JobCompleted, JobFailed, JobCancelled, JobPaused, RunPublished, RunImported, DiskLow, RegressionDetected];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>The event a job's terminal status announces, or null for a non-terminal status.</summary>
    public static string? ForTerminalStatus(string status) => status switch
    {
        Jobs.JobStatus.Completed => JobCompleted,
        Jobs.JobStatus.Failed => JobFailed,
        Jobs.JobStatus.Cancelled => JobCancelled,
        _ => null,
    };
}
