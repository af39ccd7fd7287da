namespace AstroBench.Core.History;

/// <summary>
/// <see cref="ResultsIndex.Rebuild"/> as a bulk load in one transaction (readers see the old index or the new, never
/// half): folders parsed on every core (<see cref="ParallelExtraction"/>) while one writer inserts through prepared
/// statements; the by-run indexes are dropped for the load and rebuilt by one sort each, the series counted once at
/// the end, and the page cache raised so the newest leaf of every series stays in memory.
/// </summary>
internal static class IndexRebuild
{
    /// <summary>Recreates every row from the run folders <paramref name="ids"/>; the caller holds the index's lock. Returns the runs indexed.</summary>
    public static int Run(ResultsIndex index, IReadOnlyList<string> ids)
    {
        var count = 0;
        index.Write((w, c, tx) =>
        {
            // 128 MiB at most, for this connection and this transaction only.
            IndexDatabase.Execute(c, "PRAGMA cache_size = -131072", tx);
            var states = IndexDatabase.ScanStatesOf(c, tx);
            var fresh = states.Count == 0;
            IndexDatabase.Execute(c, """
                DELETE FROM metrics; DELETE FROM results; DELETE FROM runs; DELETE FROM series;
                DROP INDEX IF EXISTS results_by_run; DROP INDEX IF EXISTS metrics_by_run;
                """, tx);
            foreach (var run in ParallelExtraction.InOrder(ids, index.Extract))
            {
                // Runs scanned before stay scanned, so a rebuild re-announces nothing; on a first build every run is backfill.
                var state = states.TryGetValue(run.Summary.Id, out var s) ? s : fresh ? ScanStates.Backfill : ScanStates.Pending;
                w.Insert(run, state, countSeries: false);
                count++;
            }
            IndexDatabase.Execute(c, IndexDatabase.RunIndexes + IndexWriter.CountSeries("1 = 1") + ";", tx);
            IndexDatabase.Execute(c, "DELETE FROM regressions WHERE run_id NOT IN (SELECT run_id FROM runs); PRAGMA cache_size = -2000;", tx);
        });
        return count;
    }
}
