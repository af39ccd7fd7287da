using System.Globalization;
using AstroBench.Core.Results;
using AstroBench.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>
/// The SQLite index of runs and results, <c>results/.index.sqlite</c> (docs/history.md). The run folders stay the
/// source of truth: <see cref="Rebuild"/> recreates every row from them, <see cref="IndexRun"/> adds one published
/// or imported folder, and <see cref="Sync"/> (one directory stat, a directory listing when it changed) adds folders
/// that appeared and drops the rows of folders that vanished (retention, <c>runs delete</c>). The CLI and the server
/// share the file; a counter in <c>meta</c> tells one process that another wrote. Thread-safe.
/// </summary>
public sealed class ResultsIndex
{
    public const string FileName = ".index.sqlite";

    private readonly RunSizeCache? _sizes;
    private readonly Lock _lock = new();
    private DateTime _dirStamp = DateTime.MinValue;
    private long _knownGeneration = -1;
    private HashSet<string> _known = new(StringComparer.Ordinal);
    private long _listGeneration = -1;
    private IReadOnlyList<IndexedRunListing> _list = [];

    public ResultsIndex(string resultsDirectory, RunSizeCache? sizes = null)
    {
        ResultsDirectory = Path.GetFullPath(resultsDirectory);
        Directory.CreateDirectory(ResultsDirectory);
        FilePath = Path.Combine(ResultsDirectory, FileName);
        ConnectionString = IndexDatabase.ConnectionString(FilePath);
        _sizes = sizes;
        bool stale;
        using (var connection = Open())
        {
            stale = IndexDatabase.EnsureSchema(connection);
        }
        if (stale)
        {
            Rebuild();
        }
    }

    public string ResultsDirectory { get; }

    /// <summary>After a deletion outside the server (<c>runs delete</c>, <c>runs gc</c>): drops the rows of vanished runs when an index exists.</summary>
    public static void SyncIfPresent(string resultsDirectory)
    {
        if (File.Exists(Path.Combine(resultsDirectory, FileName)))
        {
            new ResultsIndex(resultsDirectory).Sync();
        }
    }

    public string FilePath { get; }

    internal string ConnectionString { get; }

    internal SqliteConnection Open() => IndexDatabase.Open(ConnectionString);

    /// <summary>
    /// Indexes (or re-indexes) one run folder directly under <see cref="ResultsDirectory"/>: the API for publish and
    /// import. False when the folder is not a readable run. The run is left pending, so the regression scan sees it.
    /// </summary>
    public bool IndexRun(string runFolder)
    {
        var dir = Path.GetFullPath(runFolder).TrimEnd(Path.DirectorySeparatorChar);
        if (!string.Equals(Path.GetDirectoryName(dir), ResultsDirectory, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{runFolder} is not a run folder of {ResultsDirectory}", nameof(runFolder));
        }
        if (!Directory.Exists(dir) || RunExtractor.Extract(dir, _sizes) is not { } run)
        {
            return false;
        }
        lock (_lock)
        {
            Write((c, tx) => IndexWriter.Upsert(c, tx, run, ScanStates.Pending));
        }
        return true;
    }

    /// <summary>
    /// Writes rows of runs already read (one transaction): for an importer that parsed the folders itself and for the
    /// benchmark. Each run's folder must exist under <see cref="ResultsDirectory"/>, or the next sync drops its rows.
    /// </summary>
    public void Add(IReadOnlyList<IndexedRun> runs, bool scanned)
    {
        lock (_lock)
        {
            Write((c, tx) =>
            {
                foreach (var run in runs)
                {
                    IndexWriter.Upsert(c, tx, run, scanned ? ScanStates.Done : ScanStates.Pending);
                }
            });
        }
    }

    /// <summary>Drops a run's rows (and regressions attributed to it); a no-op for an unknown id.</summary>
    public void RemoveRun(string runId)
    {
        lock (_lock)
        {
            Write((c, tx) => IndexWriter.Delete(c, tx, runId));
        }
    }

    /// <summary>
    /// Recreates every run and result row from the folders in one transaction (readers see the old index or the new,
    /// never half). Runs scanned before stay scanned, so a rebuild re-announces nothing; regression states are kept.
    /// </summary>
    public int Rebuild()
    {
        var runs = Extract(FolderIds());
        lock (_lock)
        {
            Write((c, tx) =>
            {
                var states = IndexDatabase.ScanStatesOf(c, tx);
                var fresh = states.Count == 0;
                IndexDatabase.Execute(c, "DELETE FROM metrics; DELETE FROM results; DELETE FROM runs;", tx);
                foreach (var run in runs)
                {
                    IndexWriter.Upsert(c, tx, run, states.TryGetValue(run.Summary.Id, out var s) ? s : fresh ? ScanStates.Backfill : ScanStates.Pending);
                }
                IndexDatabase.Execute(c, "DELETE FROM regressions WHERE run_id NOT IN (SELECT run_id FROM runs)", tx);
            });
            (_dirStamp, _knownGeneration) = (DateTime.MinValue, -1);
        }
        return runs.Count;
    }

    /// <summary>Brings the index in line with the folder names: new folders indexed, rows of vanished folders dropped.</summary>
    public IndexSync Sync()
    {
        lock (_lock)
        {
            var stamp = Directory.Exists(ResultsDirectory) ? Directory.GetLastWriteTimeUtc(ResultsDirectory) : DateTime.MinValue;
            var generation = Generation();
            if (stamp == _dirStamp && generation == _knownGeneration)
            {
                return IndexSync.None;
            }
            if (generation != _knownGeneration)
            {
                using var c = Open();
                _known = IndexDatabase.Strings(c, null, "SELECT run_id FROM runs");
            }
            var names = FolderIds();
            var added = names.Where(n => !_known.Contains(n)).Order(StringComparer.Ordinal).ToList();
            var removed = _known.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal).ToList();
            var runs = Extract(added);
            if (runs.Count > 0 || removed.Count > 0)
            {
                Write((c, tx) =>
                {
                    removed.ForEach(id => IndexWriter.Delete(c, tx, id));
                    var state = _known.Count == 0 ? ScanStates.Backfill : ScanStates.Pending;
                    runs.ForEach(run => IndexWriter.Upsert(c, tx, run, state));
                });
                _knownGeneration = -1;
            }
            _dirStamp = stamp;
            return new IndexSync(runs.Select(r => r.Summary.Id).ToList(), removed);
        }
    }

    /// <summary>Every indexed run, newest first (run ids sort chronologically), after a <see cref="Sync"/>; cached until the index changes.</summary>
    public IReadOnlyList<IndexedRunListing> ListRuns()
    {
        Sync();
        lock (_lock)
        {
            var generation = Generation();
            if (generation == _listGeneration)
            {
                return _list;
            }
            using var c = Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT summary_json, bytes, testbed FROM runs ORDER BY run_id DESC";
            using var r = cmd.ExecuteReader();
            var list = new List<IndexedRunListing>();
            while (r.Read())
            {
                list.Add(new IndexedRunListing(IndexJson.DeserializeSummary(r.GetString(0)), r.GetInt64(1), r.GetString(2)));
            }
            (_list, _listGeneration) = (list, generation);
            return _list;
        }
    }

    /// <summary>One write transaction that also bumps the generation, so every process's caches notice it.</summary>
    internal void Write(Action<SqliteConnection, SqliteTransaction> work)
    {
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: false);
        work(c, tx);
        IndexDatabase.Execute(c, "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1", tx);
        tx.Commit();
    }

    private long Generation()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'generation'";
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Reads folders on every core (parsing JSON is the cost of a rebuild), in run-id order.</summary>
    private List<IndexedRun> Extract(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).AsParallel().AsOrdered()
        .Select(id => RunExtractor.Extract(Path.Combine(ResultsDirectory, id), _sizes)).OfType<IndexedRun>().ToList();

    private HashSet<string> FolderIds() => Directory.Exists(ResultsDirectory)
        ? Directory.EnumerateDirectories(ResultsDirectory).Select(Path.GetFileName).Where(RunIds.IsValidRunId).Select(n => n!).ToHashSet(StringComparer.Ordinal)
        : new HashSet<string>(StringComparer.Ordinal);
}
