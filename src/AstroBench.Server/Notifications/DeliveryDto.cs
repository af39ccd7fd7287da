namespace AstroBench.Server.Notifications;

/// <summary>One row of an endpoint's delivery log, with every attempt (HTTP request or SMTP send).</summary>
public sealed record DeliveryDto(
    long Id,
    string EventId,
    string EventType,
    string Status,
    int Attempts,
    int Rounds,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    int? LastStatusCode,
    string? LastError,
    IReadOnlyList<AttemptDto> AttemptLog)
{
    internal static DeliveryDto From(Delivery d, IReadOnlyList<DeliveryAttempt> attempts) => new(d.Id, d.EventId, d.EventType, d.Status,
        d.Attempts, d.Rounds, d.NextAttemptAt, d.CreatedAt, d.DeliveredAt, d.LastStatusCode, d.LastError,
        attempts.Select(a => new AttemptDto(a.Attempt, a.At, a.StatusCode, Math.Round(a.DurationMs, 1), a.Error)).ToList());
}
