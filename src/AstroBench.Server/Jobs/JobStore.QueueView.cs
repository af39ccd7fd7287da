using System.Collections.Concurrent;
using System.Text.Json;

namespace AstroBench.Server.Jobs;

/// <summary>
/// The queue view's reads (GET /api/benchmark/queue, docs/queue.md): only the columns the queue and its estimates
/// need, read by ordinal, with each distinct config JSON parsed once. With 1,000 queued jobs the full row reader
/// (every column looked up by name, three JSON documents per row) was most of the endpoint's time.
/// </summary>
internal sealed partial class JobStore
{
    /// <summary>Parsed configs by their stored JSON: a job's config never changes, and queued jobs mostly share a few.</summary>
    private readonly ConcurrentDictionary<string, JobConfig> _configs = new(StringComparer.Ordinal);

    private const int MaxCachedConfigs = 4096;

    /// <summary>
    /// Queued jobs in dispatch order as projections: id, config, notes, created_at, priority, key, checkpoint and
    /// preempt are read; the rest keep their queued values (no process, no progress, nothing finished).
    /// </summary>
    public IReadOnlyList<JobRow> ListQueuedForView()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT id, config, notes, created_at, priority, concurrency_key, checkpoint, preempt FROM jobs WHERE status = '{JobStatus.Queued}' {QueueOrder}";
        using var r = cmd.ExecuteReader();
        var list = new List<JobRow>();
        while (r.Read())
        {
            list.Add(new JobRow(r.GetString(0), JobStatus.Queued, ConfigOf(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2),
                Parse(r.GetString(3)), null, null, null, JobProgress.Empty, null, null, null, null, null, 0,
                (int)r.GetInt64(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), null,
                r.IsDBNull(7) ? null : r.GetString(7)));
        }
        return list;
    }

    /// <summary>The most recently finished completed jobs (newest first) as (config, started_at, finished_at) projections, for start estimates.</summary>
    public IReadOnlyList<JobRow> ListRecentCompletedTimings(int limit)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT id, config, created_at, started_at, finished_at FROM jobs WHERE status = '{JobStatus.Completed}' AND started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<JobRow>();
        while (r.Read())
        {
            list.Add(new JobRow(r.GetString(0), JobStatus.Completed, ConfigOf(r.GetString(1)), null, Parse(r.GetString(2)),
                Parse(r.GetString(3)), Parse(r.GetString(4)), null, JobProgress.Empty, null, null, null, null, null, 0));
        }
        return list;
    }

    private JobConfig ConfigOf(string json)
    {
        if (_configs.TryGetValue(json, out var config))
        {
            return config;
        }
        config = JsonSerializer.Deserialize<JobConfig>(json, Json)!;
        if (_configs.Count >= MaxCachedConfigs)
        {
            _configs.Clear(); // bounded: a lab with thousands of distinct configs just parses again
        }
        _configs[json] = config;
        return config;
    }
}
