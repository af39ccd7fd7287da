using AstroBench.Server.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Notifications;

/// <summary>
/// Turns lab events into outbox rows: reads <see cref="LabEventLog"/> after its persisted cursor and writes the
/// matching deliveries and the new cursor in one transaction, so a crash neither loses nor repeats a fan-out.
/// </summary>
internal sealed class NotificationFanOut(NotificationDb db, LabEventLog events, DeliverySignal signal, TimeProvider time,
    ILogger<NotificationFanOut> logger) : BackgroundService
{
    private const string CursorName = "fan_out";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>Fans out every event after the cursor; returns how many events it handled.</summary>
    public int RunOnce()
    {
        var cursor = Cursor();
        var batch = events.ReadAfter(cursor);
        if (batch.Count == 0)
        {
            return 0;
        }
        using (var connection = db.Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            // Compare-and-set on the cursor: a second fan-out over the same batch (there is one per server) commits nothing.
            if (Cursor(connection, tx) != cursor)
            {
                return 0;
            }
            var endpoints = EndpointStore.Enabled(connection, tx);
            var now = time.GetUtcNow();
            foreach (var ev in batch)
            {
                var payload = ev.PayloadObject();
                foreach (var endpoint in endpoints.Where(e => SubscriptionFilter.Matches(e, ev, payload)))
                {
                    DeliveryStore.Enqueue(connection, tx, ev.Id, endpoint.Id, ev.Type, ev.Payload, now);
                }
            }
            using var save = NotificationDb.Command(connection, tx,
                "INSERT INTO notification_cursor(name, seq) VALUES($p0, $p1) ON CONFLICT(name) DO UPDATE SET seq = excluded.seq", CursorName, batch[^1].Seq);
            save.ExecuteNonQuery();
            tx.Commit();
        }
        signal.Set();
        return batch.Count;
    }

    public long Cursor()
    {
        using var connection = db.Open();
        return Cursor(connection, null);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                try
                {
                    await events.WaitAfterAsync(Cursor(), stoppingToken).WaitAsync(PollInterval, time, stoppingToken);
                }
                catch (TimeoutException)
                {
                    // The wake-up is in-process only; looking again now and then also finds events another process appended.
                }
                while (RunOnce() > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or broken database must not end notifications: log, wait a little, try again.
                logger.LogError(ex, "Notification fan-out failed after cursor {Cursor}; retrying", SafeCursor());
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private long SafeCursor()
    {
        try
        {
            return Cursor();
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private static long Cursor(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = NotificationDb.Command(connection, tx, "SELECT seq FROM notification_cursor WHERE name = $p0", CursorName);
        return cmd.ExecuteScalar() is long seq ? seq : 0;
    }
}
