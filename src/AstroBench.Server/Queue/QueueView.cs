using System.Text.Json;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;

namespace AstroBench.Server.Queue;

/// <summary>
/// The queue as the API shows it: the queued jobs in dispatch order, the jobs holding the machine and the recent
/// completed jobs (for <see cref="QueueEstimator"/>), read through <see cref="QueueReads"/>. Estimates depend on the
/// clock, so they are worked out on every call; the listing's JSON is written again only when the rows or an
/// estimate changed. Job representations of queued jobs carry their position and estimate from here.
/// </summary>
internal sealed class QueueView(JobStore store, JobFeeds feeds, QueueLimits limits, TimeProvider time)
{
    private readonly QueueReads _reads = new(store);

    private Rendered? _rendered;

    private sealed record Rendered(long Version, IReadOnlyList<DateTimeOffset?> Estimates, byte[] Json, int Count);

    public (IReadOnlyList<JobRow> Queued, IReadOnlyDictionary<string, QueueEntry> Entries) Snapshot()
    {
        var (loaded, estimates) = Estimate();
        return (loaded.Queued, Entries(loaded.Queued, estimates));
    }

    /// <summary>The queue listing as UTF-8 JSON (compact entries, <see cref="QueueEntryDto"/>) and its entry count.</summary>
    public (byte[] Json, int Count) ListJson()
    {
        var (loaded, estimates) = Estimate();
        if (Volatile.Read(ref _rendered) is { } cached && cached.Version == loaded.Version && cached.Estimates.SequenceEqual(estimates))
        {
            return (cached.Json, cached.Count);
        }
        var entries = Entries(loaded.Queued, estimates);
        var list = loaded.Queued.Select(r => QueueEntryDto.From(r, entries[r.Id])).ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes(list, QueueJsonContext.Default.ListQueueEntryDto);
        Volatile.Write(ref _rendered, new Rendered(loaded.Version, estimates, json, list.Count));
        return (json, list.Count);
    }

    /// <summary>Job representations; the queue is looked at once, and only when one of them is queued.</summary>
    public List<JobDto> Dtos(IEnumerable<JobRow> rows)
    {
        var list = rows.ToList();
        var entries = list.Any(r => r.Status == JobStatus.Queued) ? Snapshot().Entries : null;
        return [.. list.Select(r => JobDto.From(r, feeds.GetLive(r.Id), entries?.GetValueOrDefault(r.Id)))];
    }

    public JobDto Dto(JobRow row) => Dtos([row])[0];

    private (QueueReads.Loaded Loaded, IReadOnlyList<DateTimeOffset?> Estimates) Estimate()
    {
        var loaded = _reads.Current();
        return (loaded, QueueEstimator.Estimate(time.GetUtcNow(), loaded.Holding, loaded.Queued, loaded.RecentCompleted, limits.MaxParallelAccuracy));
    }

    private static Dictionary<string, QueueEntry> Entries(IReadOnlyList<JobRow> queued, IReadOnlyList<DateTimeOffset?> estimates)
    {
        var entries = new Dictionary<string, QueueEntry>(queued.Count, StringComparer.Ordinal);
        for (var i = 0; i < queued.Count; i++)
        {
            entries[queued[i].Id] = new QueueEntry(i + 1, estimates[i]);
        }
        return entries;
    }
}
