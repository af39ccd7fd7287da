namespace AstroBench.Server.Jobs;

/// <summary>
/// The one table of allowed job transitions (from → to). <see cref="JobStore.TryTransition"/> refuses
/// every other pair; terminal states have no row, so they never change.
/// </summary>
public static class JobTransitions
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        // Picked up by the runner; cancelled before it started; failed to start (or an internal error).
        [JobStatus.Queued] = Set(JobStatus.Starting, JobStatus.Cancelling, JobStatus.Failed),
        // The process is up; cancel requested; the spawn failed; settled after a restart that found the process gone.
        [JobStatus.Starting] = Set(JobStatus.Running, JobStatus.Cancelling, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled),
        // Settled from its exit record; or a cancel was requested.
        [JobStatus.Running] = Set(JobStatus.Cancelling, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled),
        // The group is confirmed gone; or the run published its folder before the signal landed; or it broke.
        [JobStatus.Cancelling] = Set(JobStatus.Cancelled, JobStatus.Completed, JobStatus.Failed),
    };

    public static bool IsAllowed(string from, string to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Every state from which <paramref name="to"/> may be reached.</summary>
    public static IReadOnlyList<string> From(string to) => [.. Allowed.Where(kv => kv.Value.Contains(to)).Select(kv => kv.Key)];

    private static HashSet<string> Set(params string[] states) => new(states, StringComparer.Ordinal);
}
