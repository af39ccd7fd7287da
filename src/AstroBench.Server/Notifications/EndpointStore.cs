using System.Text.Json;
using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Notifications;

/// <summary>CRUD of <see cref="NotificationEndpoint"/> rows (table <c>notification_endpoints</c>).</summary>
internal sealed class EndpointStore(NotificationDb db)
{
    private const string Columns = "id, kind, name, url, recipients, secret, event_types, notes_contains, tags, enabled, created_at, updated_at, after_seq";

    public IReadOnlyList<NotificationEndpoint> List() => Query($"SELECT {Columns} FROM notification_endpoints ORDER BY created_at, id");

    public NotificationEndpoint? Get(string id) =>
        Query($"SELECT {Columns} FROM notification_endpoints WHERE id = $p0", id).FirstOrDefault();

    /// <summary>The enabled endpoints, read inside the fan-out's transaction.</summary>
    public static IReadOnlyList<NotificationEndpoint> Enabled(SqliteConnection connection, SqliteTransaction tx) =>
        Read(NotificationDb.Command(connection, tx, $"SELECT {Columns} FROM notification_endpoints WHERE enabled = 1"));

    public void Insert(NotificationEndpoint e)
    {
        using var connection = db.Open();
        using var cmd = NotificationDb.Command(connection, null,
            $"INSERT INTO notification_endpoints({Columns}) SELECT $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, " +
            "COALESCE(MAX(seq), 0) FROM lab_events", Values(e));
        cmd.ExecuteNonQuery();
    }

    public bool Update(NotificationEndpoint e)
    {
        using var connection = db.Open();
        using var cmd = NotificationDb.Command(connection, null, """
            UPDATE notification_endpoints SET kind = $p1, name = $p2, url = $p3, recipients = $p4, secret = $p5, event_types = $p6,
              notes_contains = $p7, tags = $p8, enabled = $p9, updated_at = $p11 WHERE id = $p0
            """, Values(e));
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes the endpoint with its deliveries and their attempts, in one transaction.</summary>
    public bool Delete(string id)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using (var attempts = NotificationDb.Command(connection, tx,
            "DELETE FROM notification_attempts WHERE delivery_id IN (SELECT id FROM notification_deliveries WHERE endpoint_id = $p0)", id))
        {
            attempts.ExecuteNonQuery();
        }
        using (var deliveries = NotificationDb.Command(connection, tx, "DELETE FROM notification_deliveries WHERE endpoint_id = $p0", id))
        {
            deliveries.ExecuteNonQuery();
        }
        using var endpoint = NotificationDb.Command(connection, tx, "DELETE FROM notification_endpoints WHERE id = $p0", id);
        var deleted = endpoint.ExecuteNonQuery() == 1;
        tx.Commit();
        return deleted;
    }

    private static object?[] Values(NotificationEndpoint e) =>
    [
        e.Id, e.Kind, e.Name, e.Url, JsonSerializer.Serialize(e.Recipients), e.Secret, JsonSerializer.Serialize(e.EventTypes),
        e.NotesContains, JsonSerializer.Serialize(e.Tags), e.Enabled ? 1 : 0, UtcTimestamp.Format(e.CreatedAt), UtcTimestamp.Format(e.UpdatedAt),
    ];

    private List<NotificationEndpoint> Query(string sql, params object?[] args)
    {
        using var connection = db.Open();
        return Read(NotificationDb.Command(connection, null, sql, args));
    }

    private static List<NotificationEndpoint> Read(SqliteCommand cmd)
    {
        using (cmd)
        using (var r = cmd.ExecuteReader())
        {
            var list = new List<NotificationEndpoint>();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                List<string> L(int i) => JsonSerializer.Deserialize<List<string>>(r.GetString(i)) ?? [];
                list.Add(new NotificationEndpoint(r.GetString(0), r.GetString(1), r.GetString(2), S(3), L(4), S(5), L(6), S(7), L(8),
                    r.GetInt64(9) != 0, UtcTimestamp.Parse(r.GetString(10)), UtcTimestamp.Parse(r.GetString(11)), r.GetInt64(12)));
            }
            return list;
        }
    }
}
