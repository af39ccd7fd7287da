using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;

namespace AstroBench.Server.Queue;

/// <summary>
/// The queue as the API shows it: one indexed query of the queued jobs in dispatch order, the jobs holding the
/// machine and the recent completed jobs (for <see cref="QueueEstimator"/>). Job representations of queued
/// jobs carry their position and estimate from here.
/// </summary>
internal sealed class QueueView(JobStore store, JobFeeds feeds, QueueLimits limits, TimeProvider time)
{
    private const int RecentForEstimates = 500;

    public (IReadOnlyList<JobRow> Queued, IReadOnlyDictionary<string, QueueEntry> Entries) Snapshot()
    {
        var queued = store.ListQueuedForView();
        var estimates = QueueEstimator.Estimate(time.GetUtcNow(), store.ListHolding(), queued, store.ListRecentCompletedTimings(RecentForEstimates),
            limits.MaxParallelAccuracy);
        var entries = new Dictionary<string, QueueEntry>(queued.Count, StringComparer.Ordinal);
        for (var i = 0; i < queued.Count; i++)
        {
            entries[queued[i].Id] = new QueueEntry(i + 1, estimates[i]);
        }
        return (queued, entries);
    }

    /// <summary>The queue listing: compact entries (<see cref="QueueEntryDto"/>), estimates computed once for all of them.</summary>
    public List<QueueEntryDto> List()
    {
        var (queued, entries) = Snapshot();
        return [.. queued.Select(r => QueueEntryDto.From(r, entries[r.Id]))];
    }

    /// <summary>Job representations; the queue is looked at once, and only when one of them is queued.</summary>
    public List<JobDto> Dtos(IEnumerable<JobRow> rows)
    {
        var list = rows.ToList();
        var entries = list.Any(r => r.Status == JobStatus.Queued) ? Snapshot().Entries : null;
        return [.. list.Select(r => JobDto.From(r, feeds.GetLive(r.Id), entries?.GetValueOrDefault(r.Id)))];
    }

    public JobDto Dto(JobRow row) => Dtos([row])[0];
}
