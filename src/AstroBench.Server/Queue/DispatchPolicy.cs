namespace AstroBench.Server.Queue;

/// <summary>
/// The one rule of what may start now (pure; docs/queue.md). Given the jobs holding the machine and the queue
/// in dispatch order (priority DESC, then FIFO):
/// <list type="bullet">
/// <item>nothing starts while draining, or beside a timing job;</item>
/// <item>a timing job starts only on an empty machine, and nothing behind it overtakes it (so it is never starved);</item>
/// <item>accuracy jobs start in order while fewer than <c>maxParallelAccuracy</c> run;</item>
/// <item>a job whose concurrency key has a job holding the machine waits for it, without holding up the jobs behind it.</item>
/// </list>
/// Later policies (preemption, schedules) plug in here: the dispatcher only asks this class.
/// </summary>
internal static class DispatchPolicy
{
    public static IReadOnlyList<string> Pick(IReadOnlyList<DispatchSlot> holding, IReadOnlyList<DispatchSlot> queued, int maxParallelAccuracy, bool draining)
    {
        if (draining || holding.Any(h => h.ResourceClass == ResourceClass.Timing))
        {
            return [];
        }
        var keys = holding.Where(h => h.ConcurrencyKey is not null).Select(h => h.ConcurrencyKey!).ToHashSet(StringComparer.Ordinal);
        var running = holding.Count;
        var picks = new List<string>();
        foreach (var job in queued)
        {
            if (job.ConcurrencyKey is { } key && keys.Contains(key))
            {
                continue;
            }
            if (job.ResourceClass == ResourceClass.Timing)
            {
                if (running == 0 && picks.Count == 0)
                {
                    picks.Add(job.Id);
                }
                break;
            }
            if (running + picks.Count >= Math.Max(1, maxParallelAccuracy))
            {
                break;
            }
            picks.Add(job.Id);
            if (job.ConcurrencyKey is { } k)
            {
                keys.Add(k);
            }
        }
        return picks;
    }
}
