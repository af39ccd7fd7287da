using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Jobs;

/// <summary>
/// A counter that SQLite triggers raise on every change the queue view can see: a job inserted or deleted, or one of
/// the columns the view, its estimates or dispatch order read (status, config, priority, times, key, checkpoint…).
/// Progress and log-line updates, written every second while a job runs, leave it alone. Being in the database, it
/// also counts writes by any other connection or process on the lab's file, which an in-memory counter would miss.
/// </summary>
internal sealed partial class JobStore
{
    private const string VersionedColumns =
        "status, config, notes, created_at, started_at, finished_at, priority, queue_seq, concurrency_key, checkpoint, preempt, slurm";

    private static void CreateQueueVersion(SqliteConnection connection) =>
        Execute(connection, $"""
            CREATE TABLE IF NOT EXISTS queue_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
            INSERT OR IGNORE INTO queue_version (id, v) VALUES (1, 0);
            CREATE TRIGGER IF NOT EXISTS tr_jobs_version_insert AFTER INSERT ON jobs BEGIN UPDATE queue_version SET v = v + 1; END;
            CREATE TRIGGER IF NOT EXISTS tr_jobs_version_delete AFTER DELETE ON jobs BEGIN UPDATE queue_version SET v = v + 1; END;
            CREATE TRIGGER IF NOT EXISTS tr_jobs_version_update AFTER UPDATE OF {VersionedColumns} ON jobs
              BEGIN UPDATE queue_version SET v = v + 1; END;
            """);

    /// <summary>The current queue version: equal values mean the queue view's reads would return the same rows.</summary>
    public long QueueVersion()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT v FROM queue_version WHERE id = 1";
        return (long)cmd.ExecuteScalar()!;
    }
}
