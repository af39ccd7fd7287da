using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Notifications;

/// <summary>
/// Sends due pending deliveries (webhook or email). A round that gives up leaves the delivery pending with a
/// later <c>next_attempt_at</c> (doubling, with jitter) until <see cref="NotificationOptions.MaxRounds"/>, then failed.
/// Woken by <see cref="DeliverySignal"/> or by the earliest due time.
/// </summary>
internal sealed class NotificationDelivery(DeliveryStore deliveries, EndpointStore endpoints, WebhookSender webhooks, EmailSender email,
    DeliverySignal signal, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationDelivery> logger) : BackgroundService
{
    /// <summary>Even with nothing due, the outbox is looked at this often (a row changed behind the loop's back).</summary>
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(30);

    /// <summary>Sends every delivery due now; returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        signal.Reset();
        var due = deliveries.Due(time.GetUtcNow(), 64);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxParallelDeliveries), CancellationToken = ct },
            async (d, token) => await DeliverAsync(d, token));
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
                var wait = deliveries.NextDue() is { } next ? next - time.GetUtcNow() : MaxIdle;
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxIdle ? MaxIdle : wait;
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(wait, time, wake.Token);
                await Task.WhenAny(signal.Current, delay);
                await wake.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Notification delivery loop failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken ct)
    {
        if (endpoints.Get(delivery.EndpointId) is not { } endpoint)
        {
            deliveries.RoundFailed(delivery.Id, null, "the endpoint no longer exists");
            return;
        }
        SendOutcome outcome;
        try
        {
            outcome = endpoint.Kind == EndpointKinds.Email
                ? await email.SendAsync(endpoint, delivery, ct)
                : await webhooks.SendAsync(endpoint, delivery, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Anything unforeseen (a bad From address, a broken payload) is this delivery's failure, with back-off, not the loop's.
            logger.LogError(ex, "Notification {EventId} to endpoint {Endpoint} threw", delivery.EventId, endpoint.Id);
            outcome = SendOutcome.Failed(ex.Message);
        }
        if (outcome.Delivered)
        {
            deliveries.MarkDelivered(delivery.Id, time.GetUtcNow());
            return;
        }
        var rounds = delivery.Rounds + 1;
        var o = options.Value;
        DateTimeOffset? next = rounds >= o.MaxRounds
            ? null
            : time.GetUtcNow() + TimeSpan.FromSeconds(o.RoundDelaySeconds * Math.Pow(2, rounds - 1) * (0.8 + 0.4 * Random.Shared.NextDouble()));
        deliveries.RoundFailed(delivery.Id, next, outcome.Error ?? "not delivered");
        logger.LogWarning("Notification {EventId} ({Type}) to endpoint {Endpoint} not delivered (round {Round} of {Max}): {Error}; {Next}",
            delivery.EventId, delivery.EventType, endpoint.Id, rounds, o.MaxRounds, outcome.Error,
            next is { } n ? "next round at " + Core.Results.UtcTimestamp.Format(n) : "giving up");
    }
}
