using AstroBench.Server.Jobs;

namespace AstroBench.Server.Logs;

/// <summary>
/// One job's log as seen by readers: a bounded in-memory tail of the newest lines, a sparse index of
/// byte offsets into <c>logs/&lt;id&gt;.log</c> for older lines, the latest progress and status, and a
/// pulse that wakes waiting readers. Each reader keeps its own cursor, so a slow reader never blocks
/// the writer or other readers, and nothing is dropped.
/// </summary>
internal sealed class LogFeed
{
    public const int IndexStride = 1024;

    private readonly Lock _lock = new();
    private readonly string[] _ring;
    private readonly List<long> _offsets = [0];
    private long _count;
    private TaskCompletionSource _pulse = NewPulse();

    public LogFeed(string jobId, string path, int memoryLines, string status, JobProgress progress)
    {
        JobId = jobId;
        Path = path;
        _ring = new string[Math.Max(16, memoryLines)];
        Status = status;
        Progress = progress;
    }

    /// <summary>
    /// The feed of a finished job's log: one byte-only scan builds the line index (no line is decoded
    /// except the in-memory tail), so opening a million-line log costs a file read, not a million strings.
    /// </summary>
    public static LogFeed ForFinishedJob(JobRow job, string path, int memoryLines)
    {
        var feed = new LogFeed(job.Id, path, memoryLines, job.Status, job.Progress);
        if (File.Exists(path))
        {
            var index = AstroBench.Core.Results.Reading.SparseLineIndex.Build(path, IndexStride, includePartial: true);
            var tailFrom = Math.Max(0, index.LineCount - feed._ring.Length);
            var tail = index.ReadLines(path, tailFrom, (int)(index.LineCount - tailFrom));
            lock (feed._lock)
            {
                feed._offsets.Clear();
                feed._offsets.AddRange(index.Offsets);
                for (var i = 0; i < tail.Count; i++)
                {
                    feed._ring[(tailFrom + i) % feed._ring.Length] = tail[i];
                }
                feed._count = tailFrom + tail.Count;
            }
            feed.Bytes = index.Length;
        }
        feed.Complete(job);
        return feed;
    }

    public string JobId { get; }
    public string Path { get; }

    /// <summary>File length covered (for cached feeds of finished jobs).</summary>
    public long Bytes { get; set; }

    public long Count { get { lock (_lock) { return _count; } } }

    public JobProgress Progress { get; private set; }
    public string Status { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Set once the job is terminal and every line is in the feed.</summary>
    public JobRow? Final { get; private set; }

    /// <summary>Bumped on every progress or status change.</summary>
    public int Version { get; private set; }

    /// <summary>Appends complete lines; <paramref name="offsets"/>[i] is the byte offset where line i starts.</summary>
    public void Append(IReadOnlyList<string> lines, IReadOnlyList<long> offsets)
    {
        if (lines.Count == 0)
        {
            return;
        }
        TaskCompletionSource pulse;
        lock (_lock)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (_count > 0 && _count % IndexStride == 0 && _offsets.Count == _count / IndexStride)
                {
                    _offsets.Add(offsets[i]);
                }
                _ring[_count % _ring.Length] = lines[i];
                _count++;
            }
            pulse = _pulse;
            _pulse = NewPulse();
        }
        pulse.TrySetResult();
    }

    public void SetProgress(JobProgress progress) => Change(() => Progress = progress);

    public void SetStatus(string status, string? reason) => Change(() => (Status, Reason) = (status, reason));

    /// <summary>Marks the feed finished: readers send the remaining lines, then <c>done</c>.</summary>
    public void Complete(JobRow final) => Change(() => (Final, Status, Reason, Progress) = (final, final.Status, final.Reason, final.Progress));

    /// <summary>Up to <paramref name="max"/> lines from <paramref name="from"/>: from memory when still there, else from the file.</summary>
    public List<string> Read(long from, int max)
    {
        long oldestInMemory;
        long count;
        lock (_lock)
        {
            count = _count;
            oldestInMemory = Math.Max(0, _count - _ring.Length);
            if (from >= oldestInMemory)
            {
                var n = (int)Math.Min(max, Math.Max(0, count - from));
                var list = new List<string>(n);
                for (var i = 0; i < n; i++)
                {
                    list.Add(_ring[(from + i) % _ring.Length]);
                }
                return list;
            }
        }
        return ReadFromFile(from, (int)Math.Min(max, count - from));
    }

    /// <summary>Completes when lines beyond <paramref name="seen"/> exist, the version differs, the feed finished, or the timeout passes.</summary>
    public Task WaitAsync(long seen, int version, TimeSpan timeout, CancellationToken ct)
    {
        Task pulse;
        lock (_lock)
        {
            if (_count > seen || Version != version || Final is not null)
            {
                return Task.CompletedTask;
            }
            pulse = _pulse.Task;
        }
        return pulse.WaitAsync(timeout, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private List<string> ReadFromFile(long from, int max)
    {
        long start;
        long firstLine;
        lock (_lock)
        {
            var slot = (int)Math.Min(from / IndexStride, _offsets.Count - 1);
            start = _offsets[slot];
            firstLine = (long)slot * IndexStride;
        }
        var result = new List<string>(Math.Min(max, 4096));
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        stream.Seek(start, SeekOrigin.Begin);
        var reader = new NewlineReader(stream);
        for (var line = firstLine; line < from + max && reader.ReadLine() is { } text; line++)
        {
            if (line >= from)
            {
                result.Add(text);
            }
        }
        return result;
    }

    private void Change(Action apply)
    {
        TaskCompletionSource pulse;
        lock (_lock)
        {
            apply();
            Version++;
            pulse = _pulse;
            _pulse = NewPulse();
        }
        pulse.TrySetResult();
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
