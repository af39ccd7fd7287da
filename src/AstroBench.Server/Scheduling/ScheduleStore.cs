using System.Globalization;
using System.Text.Json;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Scheduling;

/// <summary>
/// Table <c>schedules</c> in the job store's database file. Short transactions; a fire is a compare-and-set on
/// <c>next_due</c> (<see cref="TryFire"/>), so one occurrence fires at most once, across passes and restarts.
/// Timestamps are fixed-width UTC text, so text order is time order and equality is exact.
/// </summary>
internal sealed class ScheduleStore
{
    private const string Columns = "id, name, cron, job, notes, priority, concurrency_key, enabled, created_at, next_due, last_fired, last_job_id";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly string _connectionString;

    public ScheduleStore(ServerPaths paths)
    {
        _connectionString = LabDatabase.ConnectionString(paths);
        using var connection = Open();
        Run(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS schedules (
              id TEXT PRIMARY KEY, name TEXT NOT NULL, cron TEXT NOT NULL, job TEXT NOT NULL, notes TEXT,
              priority INTEGER NOT NULL, concurrency_key TEXT NOT NULL, enabled INTEGER NOT NULL,
              created_at TEXT NOT NULL, next_due TEXT, last_fired TEXT, last_job_id TEXT);
            CREATE INDEX IF NOT EXISTS ix_schedules_due ON schedules(next_due) WHERE enabled = 1;
            """);
    }

    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public void Insert(ScheduleRow s)
    {
        using var connection = Open();
        Run(connection, $"INSERT INTO schedules ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)",
            s.Id, s.Name, s.Cron, JsonSerializer.Serialize(s.Job, Json), s.Notes, s.Priority, s.ConcurrencyKey, s.Enabled ? 1 : 0,
            Stamp(s.CreatedAt), s.NextDue is { } d ? Stamp(d) : null, s.LastFiredAt is { } f ? Stamp(f) : null, s.LastJobId);
    }

    public List<ScheduleRow> List() => Query($"SELECT {Columns} FROM schedules ORDER BY created_at, id");

    public ScheduleRow? Get(string id) => Query($"SELECT {Columns} FROM schedules WHERE id = $p0", id).FirstOrDefault();

    /// <summary>Enabled schedules whose <c>next_due</c> is at or before <paramref name="now"/>.</summary>
    public List<ScheduleRow> ListDue(DateTimeOffset now) =>
        Query($"SELECT {Columns} FROM schedules WHERE enabled = 1 AND next_due IS NOT NULL AND next_due <= $p0 ORDER BY next_due", Stamp(now));

    /// <summary>The earliest <c>next_due</c> of an enabled schedule (the scheduler's next wake-up).</summary>
    public DateTimeOffset? EarliestDue()
    {
        using var connection = Open();
        using var cmd = Command(connection, "SELECT MIN(next_due) FROM schedules WHERE enabled = 1 AND next_due IS NOT NULL");
        return cmd.ExecuteScalar() is string s ? Parse(s) : null;
    }

    /// <summary>
    /// Compare-and-set: records <paramref name="occurrence"/> as fired and moves <c>next_due</c> on, only if the
    /// schedule is still enabled and still due at <paramref name="expectedDue"/>. False: another pass fired it.
    /// </summary>
    public bool TryFire(string id, DateTimeOffset expectedDue, DateTimeOffset occurrence, DateTimeOffset? nextDue)
    {
        using var connection = Open();
        return Run(connection, "UPDATE schedules SET next_due = $p0, last_fired = $p1 WHERE id = $p2 AND enabled = 1 AND next_due = $p3",
            nextDue is { } n ? Stamp(n) : null, Stamp(occurrence), id, Stamp(expectedDue)) == 1;
    }

    public void SetLastJob(string id, string jobId)
    {
        using var connection = Open();
        Run(connection, "UPDATE schedules SET last_job_id = $p0 WHERE id = $p1", jobId, id);
    }

    /// <summary>False when there is no such schedule. Enabling sets <paramref name="nextDue"/> (computed from now).</summary>
    public bool SetEnabled(string id, bool enabled, DateTimeOffset? nextDue)
    {
        using var connection = Open();
        return enabled
            ? Run(connection, "UPDATE schedules SET enabled = 1, next_due = $p0 WHERE id = $p1", nextDue is { } n ? Stamp(n) : null, id) == 1
            : Run(connection, "UPDATE schedules SET enabled = 0 WHERE id = $p0", id) == 1;
    }

    public bool Delete(string id)
    {
        using var connection = Open();
        return Run(connection, "DELETE FROM schedules WHERE id = $p0", id) == 1;
    }

    private List<ScheduleRow> Query(string sql, params object?[] args)
    {
        using var connection = Open();
        using var cmd = Command(connection, sql, args);
        using var r = cmd.ExecuteReader();
        var rows = new List<ScheduleRow>();
        while (r.Read())
        {
            rows.Add(new ScheduleRow(r.GetString(0), r.GetString(1), r.GetString(2), JsonSerializer.Deserialize<JobConfig>(r.GetString(3), Json)!,
                r.IsDBNull(4) ? null : r.GetString(4), r.GetInt32(5), r.GetString(6), r.GetInt32(7) == 1, Parse(r.GetString(8)),
                r.IsDBNull(9) ? null : Parse(r.GetString(9)), r.IsDBNull(10) ? null : Parse(r.GetString(10)), r.IsDBNull(11) ? null : r.GetString(11)));
        }
        return rows;
    }

    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private SqliteConnection Open() => LabDatabase.Open(_connectionString);

    private static int Run(SqliteConnection connection, string sql, params object?[] args)
    {
        using var cmd = Command(connection, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params object?[] args) =>
        Notifications.NotificationDb.Command(connection, null, sql, args);
}
