using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace AstroBench.Server.Notifications;

/// <summary>
/// One round of a webhook delivery: a POST of the event's JSON through the named client, whose resilience
/// handler retries with exponential back-off and jitter (<see cref="NotificationServices"/>).
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients)
{
    public const string ClientName = "astrobench-webhooks";

    public async Task<SendOutcome> SendAsync(NotificationEndpoint endpoint, Delivery delivery, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookHeaders.Event, delivery.EventType);
        request.Headers.Add(WebhookHeaders.Delivery, delivery.EventId);
        request.Headers.Add(WebhookHeaders.Timestamp, OccurredAt(delivery.Payload));
        if (!string.IsNullOrEmpty(endpoint.Secret))
        {
            request.Headers.Add(WebhookHeaders.Signature, WebhookHeaders.Sign(endpoint.Secret, body));
        }
        request.Options.Set(AttemptRecorder.DeliveryId, delivery.Id);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? SendOutcome.Ok : SendOutcome.Failed($"HTTP {code} after the retries");
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Failed(ex.Message);
        }
        catch (TimeoutRejectedException)
        {
            return SendOutcome.Failed("timed out");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Failed("timed out");
        }
    }

    /// <summary>The event's own time (the body's <c>occurred_at</c>), so the header is the same on every attempt.</summary>
    private static string OccurredAt(string payload) =>
        JsonNode.Parse(payload)?["occurred_at"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
