using AstroBench.Core.Results;

namespace AstroBench.Core.History;

/// <summary>
/// Keeps the index's run rows in line with the folder names (<see cref="ResultsIndex.Sync"/>). While neither the
/// results folder's modification time nor the index's generation moved, a sync costs one stat: the indexed ids are
/// re-read only after a write (by any process), and the folder is listed only then or when its time changed.
/// Not thread-safe: the index calls it under its lock.
/// </summary>
internal sealed class IndexFolderSync(ResultsIndex index)
{
    private DateTime _dirStamp = DateTime.MinValue;
    private long _knownGeneration = -1;
    private HashSet<string> _known = new(StringComparer.Ordinal);

    public IndexSync Sync(long generation)
    {
        var dir = index.ResultsDirectory;
        var stamp = Directory.Exists(dir) ? Directory.GetLastWriteTimeUtc(dir) : DateTime.MinValue;
        if (stamp == _dirStamp && generation == _knownGeneration)
        {
            return IndexSync.None;
        }
        if (generation != _knownGeneration)
        {
            using var lease = index.Read();
            using var r = lease.Command("SELECT run_id FROM runs").ExecuteReader();
            _known = new HashSet<string>(StringComparer.Ordinal);
            while (r.Read())
            {
                _known.Add(r.GetString(0));
            }
            _knownGeneration = generation;
        }
        var names = FolderIds();
        var added = names.Where(n => !_known.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var removed = _known.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var runs = ParallelExtraction.InOrder(added, index.Extract).ToList();
        if (runs.Count > 0 || removed.Count > 0)
        {
            var state = _known.Count == 0 ? ScanStates.Backfill : ScanStates.Pending;
            index.Write((w, _, _) =>
            {
                removed.ForEach(w.Delete);
                runs.ForEach(run => w.Upsert(run, state));
            });
            _knownGeneration = -1;
        }
        _dirStamp = stamp;
        return removed.Count == 0 && runs.Count == 0 ? IndexSync.None : new IndexSync(runs.Select(r => r.Summary.Id).ToList(), removed);
    }

    /// <summary>After a rebuild: the next sync re-reads the ids and lists the folder.</summary>
    public void Forget() => (_dirStamp, _knownGeneration) = (DateTime.MinValue, -1);

    public HashSet<string> FolderIds()
    {
        var dir = index.ResultsDirectory;
        return Directory.Exists(dir)
            ? Directory.EnumerateDirectories(dir).Select(Path.GetFileName).Where(RunIds.IsValidRunId).Select(n => n!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }
}
