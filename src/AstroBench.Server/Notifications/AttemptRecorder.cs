using System.Diagnostics;

namespace AstroBench.Server.Notifications;

/// <summary>
/// Sits below the resilience handler, so it sees every HTTP attempt the retry pipeline makes, and logs each
/// (status code or error, duration) against the delivery named in the request's options.
/// </summary>
internal sealed class AttemptRecorder(DeliveryStore store, TimeProvider time) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<long> DeliveryId = new("astrobench.delivery_id");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(DeliveryId, out var id))
        {
            return await base.SendAsync(request, cancellationToken);
        }
        var at = time.GetUtcNow();
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var code = (int)response.StatusCode;
            store.RecordAttempt(id, at, code, Stopwatch.GetElapsedTime(start).TotalMilliseconds,
                response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}".TrimEnd());
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            var error = ex is OperationCanceledException ? "timed out or cancelled" : ex.Message;
            store.RecordAttempt(id, at, null, Stopwatch.GetElapsedTime(start).TotalMilliseconds, error);
            throw;
        }
    }
}
