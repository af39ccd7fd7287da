namespace AstroBench.Core.History;

/// <summary>
/// Runs the change rules over the series a run belongs to and stores what is new (docs/history.md). A pending run
/// is judged against the series up to it: accuracy at that run, performance over the newest window (a step shows
/// once enough runs follow it, then it is attributed to the run where it started). A performance change closer than
/// the minimum segment to one stored before in the same series is the same change seen again and is not stored twice.
/// </summary>
public sealed class RegressionScanner(ResultsIndex index, ChangeDetectionOptions? options = null, TimeProvider? time = null)
{
    private readonly ChangeDetectionOptions _options = options ?? ChangeDetectionOptions.Default;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly HistoryQueries _queries = new(index);
    private readonly RegressionStore _store = new(index);

    /// <summary>
    /// Syncs the index, scans every pending run (oldest first) and marks it done; backfill runs are scanned once per
    /// series and their changes stored as announced. Returns the changes that need an event.
    /// </summary>
    public IReadOnlyList<RegressionRecord> ScanPending()
    {
        index.Sync();
        var pending = _store.Unscanned();
        var found = new List<RegressionRecord>();
        var backfill = pending.Where(p => p.State == ScanStates.Backfill).Select(p => p.RunId).ToList();
        if (backfill.Count > 0)
        {
            var quiet = SeriesOf(backfill).SelectMany(ScanSeries).ToList();
            _store.MarkAnnounced(quiet.Select(r => r.Id));
            _store.MarkScanned(backfill);
        }
        foreach (var (runId, _) in pending.Where(p => p.State == ScanStates.Pending))
        {
            found.AddRange(ScanRun(runId));
            _store.MarkScanned([runId]);
        }
        return found;
    }

    /// <summary>
    /// Scans the series of one run, up to that run; returns the changes stored by this call. Reads every window the
    /// rules need in one statement and the changes stored for those series in another, whatever the number of series.
    /// </summary>
    public IReadOnlyList<RegressionRecord> ScanRun(string runId)
    {
        var known = _store.ForSeriesOfRun(runId);
        return [.. _queries.WindowsOfRun(runId, _options.Window).SelectMany(s => Judge(s.Key, s.Points, known[s.Key], runId))];
    }

    /// <summary>Backfill: each series judged over its newest window (performance) or at every point (accuracy).</summary>
    private IEnumerable<RegressionRecord> ScanSeries(SeriesKey key) => key.IsPerformance
        ? Judge(key, _queries.Points(key, _options.Window, withSamples: true), _store.ForSeries(key), onlyAt: null)
        : Judge(key, _queries.Points(key, int.MaxValue), [], onlyAt: null);

    private List<RegressionRecord> Judge(SeriesKey key, IReadOnlyList<SeriesPoint> points, IEnumerable<RegressionRecord> stored, string? onlyAt)
    {
        var added = new List<RegressionRecord>();
        var now = _time.GetUtcNow();
        if (key.IsPerformance)
        {
            var judged = points.Where(p => p.Judgeable).Select(p => p.RunId).ToList();
            var known = stored.Where(r => r.Change.Kind == DetectedChange.Performance).Select(r => judged.IndexOf(r.Change.RunId)).Where(i => i >= 0).ToList();
            foreach (var change in PerformanceChangeRule.Detect(key, points, _options))
            {
                var at = judged.IndexOf(change.RunId);
                if (known.All(k => Math.Abs(k - at) >= _options.EDivisive.MinSegment) && _store.Add(change, now) is { } record)
                {
                    added.Add(record);
                    known.Add(at);
                }
            }
            return added;
        }
        var series = points.ToArray();
        // Backfill judges every point against its predecessors; a pending run only its own point.
        var ends = onlyAt is null ? Enumerable.Range(2, Math.Max(0, series.Length - 1)) : [series.Length];
        foreach (var end in ends)
        {
            var prefix = new ArraySegment<SeriesPoint>(series, 0, end);
            if ((onlyAt is null || prefix[^1].RunId == onlyAt) && AccuracyChangeRule.Detect(key, prefix, _options) is { } change
                && _store.Add(change, now) is { } record)
            {
                added.Add(record);
            }
        }
        return added;
    }

    private List<SeriesKey> SeriesOf(IReadOnlyCollection<string> runIds)
    {
        var keys = new HashSet<SeriesKey>();
        using var lease = index.Read();
        foreach (var runId in runIds)
        {
            using var r = lease.Command(SeriesPointSql.SeriesOfRun, ("$run", runId)).ExecuteReader();
            while (r.Read())
            {
                keys.Add(new SeriesKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }
        return [.. keys];
    }
}
