using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// The job-store reads behind the queue view (queued jobs in dispatch order, the jobs holding the machine, recent
/// completed timings), kept while <see cref="JobStore.QueueVersion"/> stands. With 1,000 queued jobs the reads were
/// most of a listing's cost; a listing that finds the version unchanged reads one row instead. The version is read
/// before the rows, so a write racing the reload leaves an older version beside newer rows, and the next call reloads.
/// </summary>
internal sealed class QueueReads(JobStore store)
{
    private const int RecentForEstimates = 500;

    private Loaded? _loaded;

    public sealed record Loaded(long Version, IReadOnlyList<JobRow> Queued, IReadOnlyList<JobRow> Holding, IReadOnlyList<JobRow> RecentCompleted);

    public Loaded Current()
    {
        var version = store.QueueVersion();
        if (Volatile.Read(ref _loaded) is { } cached && cached.Version == version)
        {
            return cached;
        }
        var fresh = new Loaded(version, store.ListQueuedForView(), store.ListHolding(), store.ListRecentCompletedTimings(RecentForEstimates));
        Volatile.Write(ref _loaded, fresh);
        return fresh;
    }
}
