using System.Globalization;
using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Notifications;

/// <summary>
/// The outbox (table <c>notification_deliveries</c>, one row per event × endpoint) and its attempt log
/// (<c>notification_attempts</c>). A delivery is pending until delivered or failed; its row survives restarts.
/// </summary>
internal sealed class DeliveryStore(NotificationDb db)
{
    private const string Columns = "id, event_id, endpoint_id, event_type, payload, status, attempts, rounds, next_attempt_at, created_at, " +
        "delivered_at, last_status_code, last_error";

    // A disabled endpoint's deliveries wait (disabling stops its retries); a "send test" goes out regardless.
    private const string Sendable = "(event_type = 'test' OR endpoint_id IN (SELECT id FROM notification_endpoints WHERE enabled = 1))";

    /// <summary>Adds a pending delivery unless this event already has one for this endpoint (the fan-out may run again after a crash).</summary>
    public static void Enqueue(SqliteConnection connection, SqliteTransaction? tx, string eventId, string endpointId, string type, string payload,
        DateTimeOffset now)
    {
        using var cmd = NotificationDb.Command(connection, tx, """
            INSERT OR IGNORE INTO notification_deliveries(event_id, endpoint_id, event_type, payload, status, next_attempt_at, created_at)
            VALUES($p0, $p1, $p2, $p3, 'pending', $p4, $p4)
            """, eventId, endpointId, type, payload, UtcTimestamp.Format(now));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Enqueues one delivery in its own transaction (the "send test" action) and returns it.</summary>
    public Delivery EnqueueOne(string eventId, string endpointId, string type, string payload, DateTimeOffset now)
    {
        using (var connection = db.Open())
        {
            Enqueue(connection, null, eventId, endpointId, type, payload, now);
        }
        return Query($"SELECT {Columns} FROM notification_deliveries WHERE event_id = $p0 AND endpoint_id = $p1", eventId, endpointId).Single();
    }

    public Delivery? Get(long id) => Query($"SELECT {Columns} FROM notification_deliveries WHERE id = $p0", id).FirstOrDefault();

    /// <summary>Pending deliveries whose next attempt is due, oldest first.</summary>
    public IReadOnlyList<Delivery> Due(DateTimeOffset now, int limit) => Query(
        $"SELECT {Columns} FROM notification_deliveries WHERE status = 'pending' AND {Sendable} AND next_attempt_at <= $p0 ORDER BY next_attempt_at, id LIMIT $p1",
        UtcTimestamp.Format(now), limit);

    /// <summary>When the earliest pending delivery is due (null when none is pending).</summary>
    public DateTimeOffset? NextDue()
    {
        using var connection = db.Open();
        using var cmd = NotificationDb.Command(connection, null, $"SELECT MIN(next_attempt_at) FROM notification_deliveries WHERE status = 'pending' AND {Sendable}");
        return cmd.ExecuteScalar() is string s ? UtcTimestamp.Parse(s) : null;
    }

    /// <summary>Logs one try and counts it on the delivery, in one transaction.</summary>
    public void RecordAttempt(long deliveryId, DateTimeOffset at, int? statusCode, double durationMs, string? error)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using (var update = NotificationDb.Command(connection, tx,
            "UPDATE notification_deliveries SET attempts = attempts + 1, last_status_code = $p1, last_error = $p2 WHERE id = $p0",
            deliveryId, statusCode, error))
        {
            update.ExecuteNonQuery();
        }
        using var insert = NotificationDb.Command(connection, tx, """
            INSERT INTO notification_attempts(delivery_id, attempt, at, status_code, duration_ms, error)
            SELECT id, attempts, $p1, $p2, $p3, $p4 FROM notification_deliveries WHERE id = $p0
            """, deliveryId, UtcTimestamp.Format(at), statusCode, durationMs, error);
        insert.ExecuteNonQuery();
        tx.Commit();
    }

    public void MarkDelivered(long id, DateTimeOffset at) => Execute(
        "UPDATE notification_deliveries SET status = 'delivered', delivered_at = $p1, last_error = NULL WHERE id = $p0 AND status = 'pending'",
        id, UtcTimestamp.Format(at));

    /// <summary>A round gave up: wait until <paramref name="next"/>, or fail for good when null.</summary>
    public void RoundFailed(long id, DateTimeOffset? next, string error) => Execute(next is { } n
            ? "UPDATE notification_deliveries SET rounds = rounds + 1, next_attempt_at = $p1, last_error = $p2 WHERE id = $p0 AND status = 'pending'"
            : "UPDATE notification_deliveries SET rounds = rounds + 1, status = 'failed', last_error = $p2 WHERE id = $p0 AND status = 'pending'",
        id, next is { } t ? UtcTimestamp.Format(t) : null, error);

    /// <summary>An endpoint's deliveries, newest first, with the total count.</summary>
    public (IReadOnlyList<Delivery> Items, long Total) ForEndpoint(string endpointId, int limit, int offset)
    {
        var items = Query($"SELECT {Columns} FROM notification_deliveries WHERE endpoint_id = $p0 ORDER BY id DESC LIMIT $p1 OFFSET $p2",
            endpointId, limit, offset);
        using var connection = db.Open();
        using var count = NotificationDb.Command(connection, null, "SELECT COUNT(*) FROM notification_deliveries WHERE endpoint_id = $p0", endpointId);
        return (items, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    public IReadOnlyList<DeliveryAttempt> Attempts(long deliveryId)
    {
        using var connection = db.Open();
        using var cmd = NotificationDb.Command(connection, null,
            "SELECT attempt, at, status_code, duration_ms, error FROM notification_attempts WHERE delivery_id = $p0 ORDER BY attempt", deliveryId);
        using var r = cmd.ExecuteReader();
        var list = new List<DeliveryAttempt>();
        while (r.Read())
        {
            list.Add(new DeliveryAttempt(r.GetInt32(0), UtcTimestamp.Parse(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetDouble(3),
                r.IsDBNull(4) ? null : r.GetString(4)));
        }
        return list;
    }

    private void Execute(string sql, params object?[] args)
    {
        using var connection = db.Open();
        using var cmd = NotificationDb.Command(connection, null, sql, args);
        cmd.ExecuteNonQuery();
    }

    private List<Delivery> Query(string sql, params object?[] args)
    {
        using var connection = db.Open();
        using var cmd = NotificationDb.Command(connection, null, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<Delivery>();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            list.Add(new Delivery(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
                r.GetInt32(7), UtcTimestamp.Parse(r.GetString(8)), UtcTimestamp.Parse(r.GetString(9)), S(10) is { } d ? UtcTimestamp.Parse(d) : null,
                r.IsDBNull(11) ? null : r.GetInt32(11), S(12)));
        }
        return list;
    }
}
