using System.Collections.Concurrent;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Logs;

/// <summary>
/// The feeds of live jobs (filled by their tailers) and, on demand, of finished jobs (one byte-only
/// scan of the file builds the index; lines stay on disk). Finished feeds are kept in a small cache.
/// </summary>
internal sealed class JobFeeds(ServerPaths paths, IOptions<AstroBenchServerOptions> options)
{
    private const int FinishedCacheSize = 32;
    private readonly ConcurrentDictionary<string, LogFeed> _live = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LogFeed> _finished = new(StringComparer.Ordinal);

    public LogFeed CreateLive(JobRow job)
    {
        var feed = new LogFeed(job.Id, paths.LogFile(job.Id), options.Value.LogTailLines, job.Status, job.Progress);
        _live[job.Id] = feed;
        _finished.TryRemove(job.Id, out _);
        return feed;
    }

    public LogFeed? GetLive(string jobId) => _live.GetValueOrDefault(jobId);

    /// <summary>The job's live feed, created if it has none yet (a queued job gets one when first watched or when dispatched).</summary>
    public LogFeed GetOrCreateLive(JobRow job) =>
        _live.GetOrAdd(job.Id, _ => new LogFeed(job.Id, paths.LogFile(job.Id), options.Value.LogTailLines, job.Status, job.Progress));

    /// <summary>Ends the live feed of a job that became terminal without a runner (superseded in the queue): subscribers get <c>done</c>.</summary>
    public void CompleteIfLive(JobRow final)
    {
        if (JobStatus.IsTerminal(final.Status) && _live.TryGetValue(final.Id, out var feed))
        {
            feed.Complete(final);
            Retire(final.Id);
        }
    }

    /// <summary>Called when a live job settled: its feed moves to the finished cache.</summary>
    public void Retire(string jobId)
    {
        if (_live.TryRemove(jobId, out var feed))
        {
            Remember(feed);
        }
    }

    /// <summary>The live feed, or a completed feed over the file of a finished job.</summary>
    public LogFeed Get(JobRow job)
    {
        if (_live.TryGetValue(job.Id, out var live))
        {
            return live;
        }
        if (job.Status == JobStatus.Queued)
        {
            // Watched while it waits: the runner will write into this same feed once the job is dispatched.
            return GetOrCreateLive(job);
        }
        if (_finished.TryGetValue(job.Id, out var cached) && cached.Final is { } f && f.Status == job.Status && File.Exists(cached.Path)
            && new FileInfo(cached.Path).Length == cached.Bytes)
        {
            return cached;
        }
        var feed = LogFeed.ForFinishedJob(job, paths.LogFile(job.Id), 16);
        Remember(feed);
        return feed;
    }

    private void Remember(LogFeed feed)
    {
        if (_finished.Count >= FinishedCacheSize)
        {
            foreach (var key in _finished.Keys.Take(_finished.Count - FinishedCacheSize + 1))
            {
                _finished.TryRemove(key, out _);
            }
        }
        _finished[feed.JobId] = feed;
    }
}
