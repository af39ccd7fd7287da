using AstroBench.Server.Hosting;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Notifications;

/// <summary>
/// The notification tables, in the job store's database file beside <c>lab_events</c> (so a fan-out can
/// read the events and write its deliveries and its cursor in one transaction). Every write is a short transaction.
/// </summary>
internal sealed class NotificationDb
{
    private readonly string _connectionString;

    /// <param name="events">Taken so that <c>lab_events</c> exists: an endpoint's <c>after_seq</c> is read from it.</param>
    public NotificationDb(ServerPaths paths, Events.LabEventLog events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _connectionString = LabDatabase.ConnectionString(paths);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS notification_endpoints (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, url TEXT, recipients TEXT NOT NULL,
              secret TEXT, event_types TEXT NOT NULL, notes_contains TEXT, tags TEXT NOT NULL,
              enabled INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, after_seq INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS notification_deliveries (
              id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL,
              event_type TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
              rounds INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, created_at TEXT NOT NULL,
              delivered_at TEXT, last_status_code INTEGER, last_error TEXT,
              UNIQUE(event_id, endpoint_id));
            CREATE INDEX IF NOT EXISTS notification_deliveries_due ON notification_deliveries(status, next_attempt_at);
            CREATE INDEX IF NOT EXISTS notification_deliveries_endpoint ON notification_deliveries(endpoint_id, id);
            CREATE TABLE IF NOT EXISTS notification_attempts (
              id INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id INTEGER NOT NULL, attempt INTEGER NOT NULL,
              at TEXT NOT NULL, status_code INTEGER, duration_ms REAL NOT NULL, error TEXT);
            CREATE INDEX IF NOT EXISTS notification_attempts_delivery ON notification_attempts(delivery_id, attempt);
            CREATE TABLE IF NOT EXISTS notification_cursor (name TEXT PRIMARY KEY, seq INTEGER NOT NULL);
            """;
        cmd.ExecuteNonQuery();
    }

    public SqliteConnection Open() => LabDatabase.Open(_connectionString);

    /// <summary>A command with <c>$p0…</c> parameters bound in order (null → SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params object?[] args)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters.AddWithValue("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        }
        return cmd;
    }
}
