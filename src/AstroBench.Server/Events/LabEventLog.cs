using System.Globalization;
using System.Text.Json.Nodes;
using AstroBench.Core.Results;
using AstroBench.Server.Hosting;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Events;

/// <summary>
/// The lab's event log: table <c>lab_events</c> in the job store's database. It is the outbox's
/// source: a job's terminal transition appends its events in the same transaction
/// (<see cref="Append(SqliteConnection, SqliteTransaction, string, string?, string?, JsonObject)"/>), so an event is never
/// lost to a crash between "persisted" and "announced". Consumers (notifier, retention sweeper) keep their own
/// cursor on <see cref="LabEvent.Seq"/> and wait with <see cref="WaitAfterAsync"/>.
/// </summary>
public sealed class LabEventLog
{
    private readonly string _connectionString;
    private readonly Lock _signalLock = new();
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LabEventLog(ServerPaths paths)
    {
        _connectionString = LabDatabase.ConnectionString(paths);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS lab_events (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at TEXT NOT NULL,
              job_id TEXT, run_id TEXT, payload TEXT NOT NULL);
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Appends an event inside the caller's transaction; call <see cref="Signal"/> after the commit.</summary>
    internal static string Append(SqliteConnection connection, SqliteTransaction tx, string type, string? jobId, string? runId, JsonObject payload)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var at = DateTimeOffset.UtcNow;
        payload["event_id"] = id;
        payload["type"] = type;
        payload["occurred_at"] = UtcTimestamp.Format(at);
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO lab_events(id, type, at, job_id, run_id, payload) VALUES($id, $type, $at, $job, $run, $payload)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$type", type);
        cmd.Parameters.AddWithValue("$at", UtcTimestamp.Format(at));
        cmd.Parameters.AddWithValue("$job", (object?)jobId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$run", (object?)runId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$payload", payload.ToJsonString());
        cmd.ExecuteNonQuery();
        return id;
    }

    /// <summary>Appends an event in its own transaction and wakes the consumers.</summary>
    public string Append(string type, string? jobId, string? runId, JsonObject payload)
    {
        string id;
        using (var connection = Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            id = Append(connection, tx, type, jobId, runId, payload);
            tx.Commit();
        }
        Signal();
        return id;
    }

    /// <summary>Wakes every consumer waiting in <see cref="WaitAfterAsync"/>.</summary>
    public void Signal()
    {
        TaskCompletionSource previous;
        lock (_signalLock)
        {
            previous = _appended;
            _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }

    /// <summary>Up to <paramref name="limit"/> events with <c>seq &gt; afterSeq</c>, oldest first.</summary>
    public IReadOnlyList<LabEvent> ReadAfter(long afterSeq, int limit = 500)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT seq, id, type, at, job_id, run_id, payload FROM lab_events WHERE seq > $after ORDER BY seq LIMIT $limit";
        cmd.Parameters.AddWithValue("$after", afterSeq);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<LabEvent>();
        while (r.Read())
        {
            list.Add(new LabEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), UtcTimestamp.Parse(r.GetString(3)),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6)));
        }
        return list;
    }

    /// <summary>The highest sequence number written so far (0 when none).</summary>
    public long LastSeq()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM lab_events";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Completes when an event after <paramref name="afterSeq"/> exists (at once if one does already) or
    /// <paramref name="ct"/> is cancelled. Checking after taking the signal task closes the lost-wake-up race.
    /// </summary>
    public async Task WaitAfterAsync(long afterSeq, CancellationToken ct)
    {
        Task signal;
        lock (_signalLock)
        {
            signal = _appended.Task;
        }
        if (LastSeq() > afterSeq)
        {
            return;
        }
        await signal.WaitAsync(ct);
    }

    private SqliteConnection Open() => LabDatabase.Open(_connectionString);
}
