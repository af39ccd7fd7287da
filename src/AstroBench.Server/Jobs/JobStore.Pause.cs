using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Jobs;

/// <summary>
/// Pause and resume in the job store (docs/pause.md): a paused job's checkpoint (its run's staging folder,
/// kept across restarts), the pause mode a user asked for while the run still works towards it, and the
/// resume that puts a paused job back in the queue.
/// </summary>
internal sealed partial class JobStore
{
    /// <summary>Adds the pause columns to a store created before pause existed.</summary>
    private static void MigratePauseColumns(SqliteConnection connection)
    {
        var columns = ColumnsOf(connection);
        var add = new List<string>();
        if (!columns.Contains("checkpoint"))
        {
            add.Add("ALTER TABLE jobs ADD COLUMN checkpoint TEXT;");
        }
        if (!columns.Contains("pause_requested"))
        {
            add.Add("ALTER TABLE jobs ADD COLUMN pause_requested TEXT;");
        }
        if (!columns.Contains("preempt"))
        {
            add.Add("ALTER TABLE jobs ADD COLUMN preempt TEXT;");
        }
        if (!columns.Contains("preempted_by"))
        {
            add.Add("ALTER TABLE jobs ADD COLUMN preempted_by TEXT;");
        }
        if (add.Count > 0)
        {
            Execute(connection, string.Concat(add));
        }
    }

    private static HashSet<string> ColumnsOf(SqliteConnection connection)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name FROM pragma_table_info('jobs')";
        using var reader = info.ExecuteReader();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }

    /// <summary>
    /// Records the pause mode asked of a running job (compare-and-set on <c>running</c>); false when it is not
    /// running. With <paramref name="preemptedBy"/> it is a preemption, taken only when no pause is pending
    /// (one urgent job preempts once), and the job will end <c>preempted</c>.
    /// </summary>
    public bool TrySetPauseRequested(string id, string mode, string? preemptedBy = null)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"UPDATE jobs SET pause_requested = $m, preempted_by = $by WHERE id = $id AND status = '{JobStatus.Running}'" +
                              (preemptedBy is null ? "" : " AND pause_requested IS NULL");
            cmd.Parameters.AddWithValue("$m", mode);
            cmd.Parameters.AddWithValue("$by", (object?)preemptedBy ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>Preempted jobs, in queue order (the dispatcher requeues each once its preemptor is done).</summary>
    public IReadOnlyList<JobRow> ListPreempted() =>
        Query($"SELECT * FROM jobs WHERE status = '{JobStatus.Preempted}' ORDER BY priority DESC, queue_seq ASC");

    /// <summary>
    /// Compare-and-set paused|preempted → queued, keeping the checkpoint for the dispatcher's <c>--resume</c>.
    /// A resumed paused job goes to the end of its priority (a new enqueue order); a preempted one keeps its
    /// place (<paramref name="keepPlace"/>), ahead of the jobs of equal priority queued after it. A Slurm job's earlier batch job is
    /// forgotten (<c>slurm</c> cleared): it ended with the pause, and the resume is submitted anew (docs/slurm.md).
    /// </summary>
    public bool TryRequeueFromCheckpoint(string id, string from, bool keepPlace, string historyReason)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction(deferred: false);
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                var seq = keepPlace ? "queue_seq" : "(SELECT COALESCE(MAX(queue_seq), 0) + 1 FROM jobs)";
                cmd.CommandText = $"UPDATE jobs SET status = '{JobStatus.Queued}', pause_requested = NULL, preempted_by = NULL, slurm = NULL, queue_seq = {seq} " +
                                  "WHERE id = $id AND status = $from AND checkpoint IS NOT NULL";
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$from", from);
                if (!JobTransitions.IsAllowed(from, JobStatus.Queued) || cmd.ExecuteNonQuery() != 1)
                {
                    return false;
                }
            }
            AddHistory(connection, tx, id, from, JobStatus.Queued, DateTimeOffset.UtcNow, historyReason);
            tx.Commit();
            return true;
        }
    }
}
