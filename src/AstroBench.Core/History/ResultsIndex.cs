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
/// share the file; a counter in <c>meta</c> tells one process that another wrote. Reads go through pooled connections
/// with prepared statements (<see cref="Read"/>). Thread-safe.
/// </summary>
public sealed class ResultsIndex : IDisposable
{
    public const string FileName = ".index.sqlite";

    private readonly RunSizeCache? _sizes;
    private readonly Lock _lock = new();
    private readonly IndexReadPool _readers;
    private readonly IndexFolderSync _folders;
    private long _listGeneration = -1;
    private IReadOnlyList<IndexedRunListing> _list = [];

    public ResultsIndex(string resultsDirectory, RunSizeCache? sizes = null)
    {
        ResultsDirectory = Path.GetFullPath(resultsDirectory);
        Directory.CreateDirectory(ResultsDirectory);
        FilePath = Path.Combine(ResultsDirectory, FileName);
        ConnectionString = IndexDatabase.ConnectionString(FilePath);
        _sizes = sizes;
        _readers = new IndexReadPool(ConnectionString);
        _folders = new IndexFolderSync(this);
        bool stale;
        using (var connection = IndexDatabase.Open(ConnectionString))
        {
            stale = IndexDatabase.EnsureSchema(connection);
        }
        if (stale)
        {
            Rebuild();
        }
    }

    public string ResultsDirectory { get; }

    public string FilePath { get; }

    internal string ConnectionString { get; }

    /// <summary>After a deletion outside the server (<c>runs delete</c>, <c>runs gc</c>): drops the rows of vanished runs when an index exists.</summary>
    public static void SyncIfPresent(string resultsDirectory)
    {
        if (File.Exists(Path.Combine(resultsDirectory, FileName)))
        {
            using var index = new ResultsIndex(resultsDirectory);
            index.Sync();
        }
    }

    /// <summary>A pooled read connection with its prepared statements; dispose it to give it back.</summary>
    internal IndexLease Read() => _readers.Rent();

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
        if (!Directory.Exists(dir) || Extract(Path.GetFileName(dir)) is not { } run)
        {
            return false;
        }
        lock (_lock)
        {
            Write((w, _, _) => w.Upsert(run, ScanStates.Pending));
        }
        return true;
    }

    /// <summary>
    /// Writes rows of runs already read (one transaction): for an importer that parsed the folders itself. Each run's
    /// folder must exist under <see cref="ResultsDirectory"/>, or the next sync drops its rows.
    /// </summary>
    public void Add(IReadOnlyList<IndexedRun> runs, bool scanned)
    {
        lock (_lock)
        {
            Write((w, _, _) =>
            {
                foreach (var run in runs)
                {
                    w.Upsert(run, scanned ? ScanStates.Done : ScanStates.Pending);
                }
            });
        }
    }

    /// <summary>Drops a run's rows (and regressions attributed to it); a no-op for an unknown id.</summary>
    public void RemoveRun(string runId)
    {
        lock (_lock)
        {
            Write((w, _, _) => w.Delete(runId));
        }
    }

    /// <summary>
    /// Recreates every run and result row from the folders in one transaction (readers see the old index or the new,
    /// never half), as a bulk load (<see cref="IndexRebuild"/>). Regression states are kept.
    /// </summary>
    public int Rebuild()
    {
        var ids = _folders.FolderIds().Order(StringComparer.Ordinal).ToList();
        lock (_lock)
        {
            var count = IndexRebuild.Run(this, ids);
            _folders.Forget();
            return count;
        }
    }

    /// <summary>Brings the index in line with the folder names: new folders indexed, rows of vanished folders dropped.</summary>
    public IndexSync Sync()
    {
        lock (_lock)
        {
            return _folders.Sync(Generation());
        }
    }

    /// <summary>Every indexed run, newest first (run ids sort chronologically), after a <see cref="Sync"/>; cached until the index changes.</summary>
    public IReadOnlyList<IndexedRunListing> ListRuns()
    {
        lock (_lock)
        {
            var generation = Generation();
            if (_folders.Sync(generation).Changed)
            {
                generation = Generation();
            }
            if (generation == _listGeneration)
            {
                return _list;
            }
            using var lease = Read();
            using var r = lease.Command("SELECT summary_json, bytes, testbed FROM runs ORDER BY run_id DESC").ExecuteReader();
            var list = new List<IndexedRunListing>();
            while (r.Read())
            {
                list.Add(new IndexedRunListing(IndexJson.DeserializeSummary(r.GetString(0)), r.GetInt64(1), r.GetString(2)));
            }
            (_list, _listGeneration) = (list, generation);
            return _list;
        }
    }

    public void Dispose() => _readers.Dispose();

    /// <summary>One write transaction with prepared statements, bumping the generation so every process's caches notice it.</summary>
    internal void Write(Action<IndexWriter, SqliteConnection, SqliteTransaction> work)
    {
        using var c = IndexDatabase.Open(ConnectionString);
        using var tx = c.BeginTransaction(deferred: false);
        using var writer = new IndexWriter(c, tx);
        work(writer, c, tx);
        writer.BumpGeneration();
        tx.Commit();
    }

    /// <summary>The write counter of <c>meta</c> (one prepared read).</summary>
    internal long Generation()
    {
        using var lease = Read();
        return lease.Command("SELECT value FROM meta WHERE key = 'generation'").ExecuteScalar() is { } v and not DBNull
            ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The version every answer read from the index depends on (<see cref="IndexVersion"/>): one prepared read.</summary>
    public IndexVersion Version()
    {
        using var lease = Read();
        using var r = lease.Command(IndexVersion.Read).ExecuteReader();
        r.Read();
        return new IndexVersion(r.GetInt64(0), r.GetInt64(1));
    }

    internal IndexedRun? Extract(string runId) => RunExtractor.Extract(Path.Combine(ResultsDirectory, runId), _sizes);
}
