namespace AstroBench.Core.Retention;

/// <summary>
/// Pure and deterministic: runs + protected ids + rules + now → the runs to remove. A run goes when any rule
/// selects it, checked in this order (the first one names it): <c>keep_last</c> (runs beyond the N newest,
/// protected runs counting among the N), <c>max_age_days</c> (made before now − D), then <c>max_total_mb</c>
/// (of what is left, the oldest go until the total fits). Protected runs are never selected. "Newest" is by
/// time, then by id (ordinal) for runs of the same time, so the answer never depends on the input order.
/// </summary>
public static class RetentionPlanner
{
    public static RetentionPlan Plan(IEnumerable<RetainedRun> runs, IReadOnlySet<string> protectedIds, RetentionRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var newestFirst = runs
            .OrderByDescending(r => r.Time)
            .ThenByDescending(r => r.RunId, StringComparer.Ordinal)
            .ToList();
        var selected = new Dictionary<string, string>(StringComparer.Ordinal);
        var cutoff = rules.MaxAgeDays is { } days ? now - TimeSpan.FromDays(days) : (DateTimeOffset?)null;
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var run = newestFirst[i];
            if (protectedIds.Contains(run.RunId))
            {
                continue;
            }
            if (rules.KeepLast is { } keep && i >= keep)
            {
                selected[run.RunId] = RetentionRule.KeepLast;
            }
            else if (cutoff is { } c && run.Time < c)
            {
                selected[run.RunId] = RetentionRule.MaxAge;
            }
        }
        var kept = newestFirst.Where(r => !selected.ContainsKey(r.RunId)).ToList();
        var keptBytes = kept.Sum(r => r.Bytes);
        var sizeMet = true;
        if (rules.MaxTotalMb is { } mb)
        {
            var limit = mb * RetentionRules.BytesPerMb;
            // Oldest first: walk the kept list from its end.
            for (var i = kept.Count - 1; i >= 0 && keptBytes > limit; i--)
            {
                if (!protectedIds.Contains(kept[i].RunId))
                {
                    selected[kept[i].RunId] = RetentionRule.MaxTotal;
                    keptBytes -= kept[i].Bytes;
                }
            }
            sizeMet = keptBytes <= limit;
        }
        var remove = newestFirst
            .Where(r => selected.ContainsKey(r.RunId))
            .Reverse()
            .Select(r => new RunRemoval(r.RunId, r.Bytes, selected[r.RunId], r.Time))
            .ToList();
        return new RetentionPlan(remove, remove.Sum(r => r.Bytes), newestFirst.Count - remove.Count, keptBytes, sizeMet);
    }
}
