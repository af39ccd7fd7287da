using AstroBench.Server.Events;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Jobs;

/// <summary>
/// The queue's part of the job store: queued jobs in dispatch order (priority DESC, then queue_seq = enqueue
/// order), the enqueue transaction that enforces concurrency keys, and priority changes of queued jobs.
/// </summary>
internal sealed partial class JobStore
{
    public const string SupersededReason = "superseded";

    private static readonly string BusyList = string.Join(",", JobStatus.Busy.Select(s => $"'{s}'"));

    private static readonly string HoldingList = string.Join(",", JobStatus.Holding.Select(s => $"'{s}'"));

    private const string QueueOrder = "ORDER BY priority DESC, queue_seq ASC";

    /// <summary>Adds the queue's columns to a store created before the queue existed (and its indexes).</summary>
    private static void MigrateQueueColumns(SqliteConnection connection)
    {
        var columns = ColumnsOf(connection);
        var add = new List<string>();
        if (!columns.Contains("priority"))
        {
            add.Add("ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;");
        }
        if (!columns.Contains("concurrency_key"))
        {
            add.Add("ALTER TABLE jobs ADD COLUMN concurrency_key TEXT;");
        }
        if (!columns.Contains("queue_seq"))
        {
            // Existing jobs keep their insertion order.
            add.Add("ALTER TABLE jobs ADD COLUMN queue_seq INTEGER; UPDATE jobs SET queue_seq = rowid;");
        }
        Execute(connection, string.Concat(add) + """
            CREATE INDEX IF NOT EXISTS ix_jobs_queue ON jobs(priority DESC, queue_seq) WHERE status = 'queued';
            CREATE INDEX IF NOT EXISTS ix_jobs_seq ON jobs(queue_seq);
            CREATE INDEX IF NOT EXISTS ix_jobs_key ON jobs(concurrency_key) WHERE concurrency_key IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_jobs_finished ON jobs(status, finished_at);
            """);
    }

    /// <summary>Queued jobs in dispatch order; <paramref name="limit"/> −1 = all (one indexed query).</summary>
    public IReadOnlyList<JobRow> ListQueued(int limit) =>
        Query($"SELECT * FROM jobs WHERE status = '{JobStatus.Queued}' AND slurm IS NULL {QueueOrder} LIMIT $limit", ("$limit", limit));

    public int CountQueued()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM jobs WHERE status = '{JobStatus.Queued}' AND slurm IS NULL";
        return (int)(long)cmd.ExecuteScalar()!;
    }

    /// <summary>The most recently finished completed jobs (newest first), for start estimates.</summary>
    public IReadOnlyList<JobRow> ListRecentCompleted(int limit) =>
        Query($"SELECT * FROM jobs WHERE status = '{JobStatus.Completed}' AND started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT $limit",
            ("$limit", limit));

    /// <summary>
    /// Enqueues <paramref name="job"/> in one IMMEDIATE transaction with its concurrency key's rule: the key's
    /// older pending job ends <c>cancelled</c> (reason <c>superseded</c>, history row and job.cancelled event in
    /// this transaction). Returns the superseded ids and the key's job that holds the machine, if any.
    /// </summary>
    public (IReadOnlyList<string> Superseded, string? HoldingWithKey) Enqueue(JobRow job)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction(deferred: false);
            var superseded = new List<string>();
            string? holding = null;
            if (job.ConcurrencyKey is { } key)
            {
                foreach (var (id, status) in JobsWithKey(connection, tx, key))
                {
                    if (status == JobStatus.Queued)
                    {
                        Supersede(connection, tx, id, job.Id);
                        superseded.Add(id);
                    }
                    else if (JobStatus.Holding.Contains(status))
                    {
                        holding = id;
                    }
                }
            }
            Insert(connection, tx, job, legacyId: null);
            AddHistory(connection, tx, job.Id, null, job.Status, job.CreatedAt, job.Reason);
            tx.Commit();
            if (superseded.Count > 0)
            {
                _events.Signal();
            }
            return (superseded, holding);
        }
    }

    /// <summary>Compare-and-set of a queued job's priority: false when the job is not (or no longer) queued.</summary>
    public bool TrySetPriority(string id, int priority)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"UPDATE jobs SET priority = $p WHERE id = $id AND status = '{JobStatus.Queued}'";
            cmd.Parameters.AddWithValue("$p", priority);
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    private static List<(string Id, string Status)> JobsWithKey(SqliteConnection connection, SqliteTransaction tx, string key)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT id, status FROM jobs WHERE concurrency_key = $k AND status IN ({ActiveList})";
        cmd.Parameters.AddWithValue("$k", key);
        using var reader = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }
        return list;
    }

    /// <summary>queued → cancelled (it never started), inside the enqueue transaction of the job that replaces it.</summary>
    private static void Supersede(SqliteConnection connection, SqliteTransaction tx, string id, string byId)
    {
        var now = DateTimeOffset.UtcNow;
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"UPDATE jobs SET status = '{JobStatus.Cancelled}', reason = $r, finished_at = $f WHERE id = $id AND status = '{JobStatus.Queued}'";
            cmd.Parameters.AddWithValue("$r", SupersededReason);
            cmd.Parameters.AddWithValue("$f", Format(now));
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }
        AddHistory(connection, tx, id, JobStatus.Queued, JobStatus.Cancelled, now, $"{SupersededReason} by job {byId}");
        AppendTerminalEvents(connection, tx, id, JobStatus.Cancelled);
    }
}
