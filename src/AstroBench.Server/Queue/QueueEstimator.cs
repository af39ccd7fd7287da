using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// Estimated start of each queued job (pure; docs/queue.md). A job's expected duration is the median
/// (started_at → finished_at) of the last 20 completed jobs with the same experiments, n and no_perf, else of the
/// last 50 completed jobs of its resource class. The queue is then played forward with the dispatch rules
/// (a timing job alone, up to N accuracy jobs together, nobody before the job ahead). Null from the first job
/// whose duration (or a running job's) is unknown on: an estimate, never a guess without data.
/// </summary>
internal static class QueueEstimator
{
    private const int PerConfig = 20;
    private const int PerClass = 50;

    public static IReadOnlyList<DateTimeOffset?> Estimate(DateTimeOffset now, IReadOnlyList<JobRow> holding, IReadOnlyList<JobRow> queued,
        IReadOnlyList<JobRow> recentCompleted, int maxParallelAccuracy)
    {
        var durations = new Durations(recentCompleted);
        var known = true;
        var timingEnd = now;
        var accuracyEnds = new List<DateTimeOffset>();
        foreach (var h in holding)
        {
            if (durations.Of(h.Config) is not { } d)
            {
                known = false;
                break;
            }
            var end = Max(now, (h.StartedAt ?? now) + d);
            if (ResourceClass.Of(h.Config) == ResourceClass.Timing)
            {
                timingEnd = Max(timingEnd, end);
            }
            else
            {
                accuracyEnds.Add(end);
            }
        }
        var result = new List<DateTimeOffset?>(queued.Count);
        var floor = now;
        foreach (var q in queued)
        {
            if (!known)
            {
                result.Add(null);
                continue;
            }
            var d = durations.Of(q.Config);
            DateTimeOffset start;
            if (ResourceClass.Of(q.Config) == ResourceClass.Timing)
            {
                start = Max(Max(floor, timingEnd), accuracyEnds.Count > 0 ? accuracyEnds.Max() : now);
                accuracyEnds.Clear();
                timingEnd = start + (d ?? TimeSpan.Zero);
            }
            else
            {
                start = Max(floor, timingEnd);
                var t = start;
                var busy = accuracyEnds.Where(e => e > t).Order().ToList();
                var slots = Math.Max(1, maxParallelAccuracy);
                if (busy.Count >= slots)
                {
                    start = busy[busy.Count - slots]; // when enough of them have ended to free one slot
                }
                accuracyEnds.RemoveAll(e => e <= start);
                accuracyEnds.Add(start + (d ?? TimeSpan.Zero));
            }
            result.Add(start);
            floor = start;
            known = d is not null;
        }
        return result;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Durations
    {
        private readonly Dictionary<string, List<TimeSpan>> _byConfig = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TimeSpan>> _byClass = new(StringComparer.Ordinal);

        public Durations(IReadOnlyList<JobRow> newestFirst)
        {
            foreach (var job in newestFirst)
            {
                if (job is not { StartedAt: { } s, FinishedAt: { } f } || f < s)
                {
                    continue;
                }
                Add(_byConfig, Key(job.Config), f - s, PerConfig);
                Add(_byClass, ResourceClass.Of(job.Config), f - s, PerClass);
            }
        }

        // Per request most queued jobs share a few configs: each config's duration is worked out once.
        private readonly Dictionary<JobConfig, TimeSpan?> _of = new(ReferenceEqualityComparer.Instance);

        public TimeSpan? Of(JobConfig config)
        {
            if (!_of.TryGetValue(config, out var d))
            {
                _of[config] = d = Median(_byConfig.GetValueOrDefault(Key(config))) ?? Median(_byClass.GetValueOrDefault(ResourceClass.Of(config)));
            }
            return d;
        }

        private static string Key(JobConfig c) =>
            string.Join(',', c.Experiments) + "|" + c.N.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + (c.NoPerf ? "1" : "0");

        private static void Add(Dictionary<string, List<TimeSpan>> map, string key, TimeSpan value, int cap)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            if (list.Count < cap)
            {
                list.Add(value);
            }
        }

        private static TimeSpan? Median(List<TimeSpan>? values)
        {
            if (values is not { Count: > 0 })
            {
                return null;
            }
            var sorted = values.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
