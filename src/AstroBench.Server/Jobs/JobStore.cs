using System.Globalization;
using System.Text.Json;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Jobs;

/// <summary>
/// The job store: SQLite in WAL mode. Every status change is a compare-and-set
/// (<see cref="TryTransition"/>) plus a history row in one transaction; terminal states never change;
/// at most one job is active (<see cref="TryCreate"/> checks and inserts in one IMMEDIATE transaction).
/// </summary>
internal sealed partial class JobStore
{
    private readonly string _connectionString;
    private readonly Lock _writeLock = new();
    private readonly LabEventLog _events;

    public JobStore(ServerPaths paths, LabEventLog? events = null)
    {
        _events = events ?? new LabEventLog(paths);
        _connectionString = LabDatabase.ConnectionString(paths);
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS jobs (
              id TEXT PRIMARY KEY, status TEXT NOT NULL, config TEXT NOT NULL, notes TEXT,
              created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, run_id TEXT, progress TEXT,
              exit_code INTEGER, reason TEXT, pid INTEGER, pgid INTEGER, proc_start_ticks INTEGER,
              log_lines INTEGER NOT NULL DEFAULT 0, legacy_id TEXT);
            DROP INDEX IF EXISTS ix_jobs_created;
            CREATE INDEX IF NOT EXISTS ix_jobs_created_order ON jobs(created_at);
            CREATE INDEX IF NOT EXISTS ix_jobs_status ON jobs(status);
            CREATE TABLE IF NOT EXISTS job_history (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL,
              at TEXT NOT NULL, reason TEXT);
            CREATE INDEX IF NOT EXISTS ix_history_job ON job_history(job_id, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            """);
        MigrateQueueColumns(connection);
        MigratePauseColumns(connection);
        MigrateLimitsColumn(connection);
        MigrateSlurmColumn(connection);
        CreateQueueVersion(connection); // after the migrations: its trigger names their columns
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly string ActiveList = string.Join(",", JobStatus.Active.Select(s => $"'{s}'"));

    private static readonly string TerminalList = string.Join(",", new[] { JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled }.Select(s => $"'{s}'"));

    /// <summary>
    /// Inserts a new queued job unless the machine is busy (<see cref="JobStatus.Busy"/>); returns the busy job's id
    /// on conflict (a job holding the machine before a queued one).
    /// </summary>
    public (bool Created, string? ActiveJobId, string? ActiveStatus) TryCreate(JobRow job)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction(deferred: false);
            using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = $"SELECT id, status FROM jobs WHERE status IN ({BusyList}) ORDER BY status = '{JobStatus.Queued}' LIMIT 1";
                using var reader = check.ExecuteReader();
                if (reader.Read())
                {
                    return (false, reader.GetString(0), reader.GetString(1));
                }
            }
            Insert(connection, tx, job, legacyId: null);
            AddHistory(connection, tx, job.Id, null, job.Status, job.CreatedAt, job.Reason);
            tx.Commit();
            return (true, null, null);
        }
    }

    /// <summary>Inserts an imported job as is (no active-job check); false when the id exists.</summary>
    public bool TryImport(JobRow job, string? legacyId)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction(deferred: false);
            using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = "SELECT 1 FROM jobs WHERE id = $id";
                check.Parameters.AddWithValue("$id", job.Id);
                if (check.ExecuteScalar() is not null)
                {
                    return false;
                }
            }
            Insert(connection, tx, job, legacyId);
            AddHistory(connection, tx, job.Id, null, job.Status, job.FinishedAt ?? job.CreatedAt, "imported from logs/jobs");
            tx.Commit();
            return true;
        }
    }

    /// <summary>
    /// Compare-and-set: moves the job to <paramref name="to"/> if <see cref="JobTransitions.Allowed"/> allows it
    /// from the job's current status, writing the history row in the same transaction.
    /// </summary>
    public bool TryTransition(string id, string to, TransitionUpdate? update = null) =>
        TryTransition(id, to, JobTransitions.From(to), update);

    /// <summary>
    /// Compare-and-set as above, narrowed to <paramref name="expectedFrom"/>: a pair outside
    /// <see cref="JobTransitions.Allowed"/> is refused whatever the caller expects (so a terminal state never changes).
    /// </summary>
    public bool TryTransition(string id, string to, IReadOnlyCollection<string> expectedFrom, TransitionUpdate? update = null)
    {
        update ??= TransitionUpdate.None;
        var from = expectedFrom.Where(s => JobTransitions.IsAllowed(s, to)).ToList();
        if (from.Count == 0)
        {
            return false;
        }
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction(deferred: false);
            string? previous;
            using (var read = connection.CreateCommand())
            {
                read.Transaction = tx;
                read.CommandText = "SELECT status FROM jobs WHERE id = $id";
                read.Parameters.AddWithValue("$id", id);
                previous = read.ExecuteScalar() as string;
            }
            if (previous is null || !from.Contains(previous))
            {
                return false;
            }
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                var sets = new List<string> { "status = $to" };
                cmd.Parameters.AddWithValue("$to", to);
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$prev", previous);
                void Set(string column, object? value)
                {
                    if (value is not null)
                    {
                        sets.Add($"{column} = ${column}");
                        cmd.Parameters.AddWithValue("$" + column, value);
                    }
                }
                Set("reason", update.Reason);
                Set("started_at", update.StartedAt is { } s ? Format(s) : null);
                Set("finished_at", update.FinishedAt is { } f ? Format(f) : null);
                Set("exit_code", update.ExitCode);
                Set("run_id", update.RunId);
                Set("progress", update.Progress is { } p ? JsonSerializer.Serialize(p, Json) : null);
                Set("log_lines", update.LogLines);
                Set("checkpoint", update.Checkpoint);
                cmd.CommandText = $"UPDATE jobs SET {string.Join(", ", sets)} WHERE id = $id AND status = $prev";
                if (cmd.ExecuteNonQuery() != 1)
                {
                    return false;
                }
            }
            AddHistory(connection, tx, id, previous, to, DateTimeOffset.UtcNow, update.HistoryReason ?? update.Reason);
            var announced = AppendTerminalEvents(connection, tx, id, to);
            tx.Commit();
            if (announced)
            {
                _events.Signal();
            }
            return true;
        }
    }

    /// <summary>
    /// A terminal transition's events (job.completed|failed|cancelled, and run.published for a completed job
    /// with a run), and job.paused for a pause, written in the transition's own transaction: persisted before
    /// announced, never lost between.
    /// </summary>
    private static bool AppendTerminalEvents(SqliteConnection connection, SqliteTransaction tx, string id, string to)
    {
        if ((LabEventTypes.ForTerminalStatus(to) ?? (to == JobStatus.Paused ? LabEventTypes.JobPaused : null)) is not { } type)
        {
            return false;
        }
        JobRow row;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT * FROM jobs WHERE id = $id";
            read.Parameters.AddWithValue("$id", id);
            using var reader = read.ExecuteReader();
            reader.Read();
            row = ReadRow(reader);
        }
        LabEventLog.Append(connection, tx, type, row.Id, row.RunId, JobEventPayload.Of(row));
        if (to == JobStatus.Completed && row.RunId is not null)
        {
            LabEventLog.Append(connection, tx, LabEventTypes.RunPublished, row.Id, row.RunId, JobEventPayload.Of(row));
        }
        return true;
    }

    /// <summary>Records the process identity of a started job (any non-terminal state).</summary>
    public void SetProcess(string id, int pid, int pgid, long startTicks) =>
        Update(id, "pid = $a, pgid = $b, proc_start_ticks = $c", ("$a", pid), ("$b", pgid), ("$c", startTicks));

    /// <summary>Saves progress and line count of a non-terminal job (not a transition: no history row).</summary>
    public void SaveProgress(string id, JobProgress progress, long logLines) =>
        Update(id, "progress = $a, log_lines = $b", ("$a", JsonSerializer.Serialize(progress, Json)), ("$b", logLines));

    /// <summary>Saves the final line count and progress of any job (after it settled).</summary>
    public void SaveFinalCounters(string id, JobProgress progress, long logLines)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE jobs SET progress = $p, log_lines = $l WHERE id = $id";
            cmd.Parameters.AddWithValue("$p", JsonSerializer.Serialize(progress, Json));
            cmd.Parameters.AddWithValue("$l", logLines);
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }
    }

    public JobRow? Get(string id)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT * FROM jobs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    /// <summary>The job holding the machine (the newest), else the next queued one in dispatch order.</summary>
    public JobRow? GetActive() =>
        Query($"SELECT * FROM jobs WHERE status IN ({HoldingList}) ORDER BY created_at DESC, rowid DESC LIMIT 1").FirstOrDefault()
        ?? (ListQueued(1) is [var next, ..] ? next : null);

    public IReadOnlyList<JobRow> ListActive() => Query($"SELECT * FROM jobs WHERE status IN ({ActiveList})");

    /// <summary>Jobs with a process (or about to have one): what start-up reattaches or settles, and the dispatcher's slots.</summary>
    public IReadOnlyList<JobRow> ListHolding() => Query($"SELECT * FROM jobs WHERE status IN ({HoldingList}) OR {SubmittedQueued}");

    /// <summary>Jobs in creation order (insertion order breaks ties within a millisecond); <paramref name="limit"/> −1 = all.</summary>
    public IReadOnlyList<JobRow> List(int limit, int offset, bool newestFirst) =>
        Query(newestFirst
                ? "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT $limit OFFSET $offset"
                : "SELECT * FROM jobs ORDER BY created_at ASC, rowid ASC LIMIT $limit OFFSET $offset",
            ("$limit", limit), ("$offset", offset));

    public long Count()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM jobs";
        return (long)cmd.ExecuteScalar()!;
    }

    public IReadOnlyList<JobTransition> History(string id)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT from_status, to_status, at, reason FROM job_history WHERE job_id = $id ORDER BY seq";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        var list = new List<JobTransition>();
        while (reader.Read())
        {
            list.Add(new JobTransition(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1),
                Parse(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return list;
    }

    /// <summary>Run ids that jobs not yet terminal refer to (retention never deletes them).</summary>
    public IReadOnlySet<string> RunIdsOfUnfinishedJobs()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT run_id FROM jobs WHERE run_id IS NOT NULL AND status NOT IN ({TerminalList})";
        using var reader = cmd.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>Terminal jobs that finished before <paramref name="cutoff"/>, oldest first (timestamps are fixed-width ISO, so text order is time order).</summary>
    public IReadOnlyList<JobRow> ListFinishedBefore(DateTimeOffset cutoff) =>
        Query($"SELECT * FROM jobs WHERE status IN ({TerminalList}) AND finished_at IS NOT NULL AND finished_at < $cutoff ORDER BY finished_at, rowid",
            ("$cutoff", Format(cutoff)));

    /// <summary>
    /// Deletes terminal jobs that finished before <paramref name="cutoff"/> with their history rows, in one
    /// transaction (a job is never left without its history or the reverse); returns the deleted ids.
    /// </summary>
    public IReadOnlyList<string> DeleteFinishedBefore(DateTimeOffset cutoff)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction(deferred: false);
            var where = $"status IN ({TerminalList}) AND finished_at IS NOT NULL AND finished_at < $cutoff";
            using (var history = connection.CreateCommand())
            {
                history.Transaction = tx;
                history.CommandText = $"DELETE FROM job_history WHERE job_id IN (SELECT id FROM jobs WHERE {where})";
                history.Parameters.AddWithValue("$cutoff", Format(cutoff));
                history.ExecuteNonQuery();
            }
            var ids = new List<string>();
            using (var jobs = connection.CreateCommand())
            {
                jobs.Transaction = tx;
                jobs.CommandText = $"DELETE FROM jobs WHERE {where} RETURNING id";
                jobs.Parameters.AddWithValue("$cutoff", Format(cutoff));
                using var reader = jobs.ExecuteReader();
                while (reader.Read())
                {
                    ids.Add(reader.GetString(0));
                }
            }
            tx.Commit();
            return ids;
        }
    }

    public string? GetMeta(string key)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    public void SetMeta(string key, string value)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
            cmd.Parameters.AddWithValue("$k", key);
            cmd.Parameters.AddWithValue("$v", value);
            cmd.ExecuteNonQuery();
        }
    }

    private void Update(string id, string sets, params (string Name, object Value)[] values)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"UPDATE jobs SET {sets} WHERE id = $id AND status IN ({ActiveList})";
            cmd.Parameters.AddWithValue("$id", id);
            foreach (var (name, value) in values)
            {
                cmd.Parameters.AddWithValue(name, value);
            }
            cmd.ExecuteNonQuery();
        }
    }

    private List<JobRow> Query(string sql, params (string Name, object Value)[] values)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in values)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        using var reader = cmd.ExecuteReader();
        var list = new List<JobRow>();
        while (reader.Read())
        {
            list.Add(ReadRow(reader));
        }
        return list;
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction tx, JobRow job, string? legacyId)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO jobs(id, status, config, notes, created_at, started_at, finished_at, run_id, progress, exit_code, reason, log_lines, legacy_id,
              priority, concurrency_key, queue_seq, preempt)
            VALUES($id, $status, $config, $notes, $created, $started, $finished, $run, $progress, $exit, $reason, $lines, $legacy,
              $priority, $key, (SELECT COALESCE(MAX(queue_seq), 0) + 1 FROM jobs), $preempt)
            """;
        cmd.Parameters.AddWithValue("$preempt", (object?)job.Preempt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$priority", job.Priority);
        cmd.Parameters.AddWithValue("$key", (object?)job.ConcurrencyKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$id", job.Id);
        cmd.Parameters.AddWithValue("$status", job.Status);
        cmd.Parameters.AddWithValue("$config", JsonSerializer.Serialize(job.Config, Json));
        cmd.Parameters.AddWithValue("$notes", (object?)job.Notes ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$created", Format(job.CreatedAt));
        cmd.Parameters.AddWithValue("$started", job.StartedAt is { } s ? Format(s) : DBNull.Value);
        cmd.Parameters.AddWithValue("$finished", job.FinishedAt is { } f ? Format(f) : DBNull.Value);
        cmd.Parameters.AddWithValue("$run", (object?)job.RunId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$progress", JsonSerializer.Serialize(job.Progress, Json));
        cmd.Parameters.AddWithValue("$exit", (object?)job.ExitCode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$reason", (object?)job.Reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$lines", job.LogLines);
        cmd.Parameters.AddWithValue("$legacy", (object?)legacyId ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static void AddHistory(SqliteConnection connection, SqliteTransaction tx, string id, string? from, string to, DateTimeOffset at, string? reason)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO job_history(job_id, from_status, to_status, at, reason) VALUES($id, $from, $to, $at, $reason)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$from", (object?)from ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", to);
        cmd.Parameters.AddWithValue("$at", Format(at));
        cmd.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static JobRow ReadRow(SqliteDataReader r)
    {
        string? S(string c) => r.IsDBNull(r.GetOrdinal(c)) ? null : r.GetString(r.GetOrdinal(c));
        long? L(string c) => r.IsDBNull(r.GetOrdinal(c)) ? null : r.GetInt64(r.GetOrdinal(c));
        var config = JsonSerializer.Deserialize<JobConfig>(S("config")!, Json)!;
        var progress = S("progress") is { } p ? JsonSerializer.Deserialize<JobProgress>(p, Json) ?? JobProgress.Empty : JobProgress.Empty;
        return new JobRow(S("id")!, S("status")!, config, S("notes"), Parse(S("created_at")!),
            S("started_at") is { } st ? Parse(st) : null, S("finished_at") is { } fi ? Parse(fi) : null,
            S("run_id"), progress, (int?)L("exit_code"), S("reason"), (int?)L("pid"), (int?)L("pgid"), L("proc_start_ticks"),
            L("log_lines") ?? 0, (int)(L("priority") ?? 0), S("concurrency_key"), S("checkpoint"), S("pause_requested"),
            S("preempt"), S("preempted_by"), ReadLimits(S("limits")), ReadSlurm(S("slurm")));
    }

    internal static string Format(DateTimeOffset t) => AstroBench.Core.Results.UtcTimestamp.Format(t);

    private static DateTimeOffset Parse(string s) => AstroBench.Core.Results.UtcTimestamp.Parse(s);

    private SqliteConnection Open() => LabDatabase.Open(_connectionString);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
