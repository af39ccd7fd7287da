namespace AstroBench.Server.Notifications;

/// <summary>One outbox row: one event for one endpoint (unique per pair), with its payload as sent.</summary>
internal sealed record Delivery(
    long Id,
    string EventId,
    string EndpointId,
    string EventType,
    string Payload,
    string Status,
    int Attempts,
    int Rounds,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    int? LastStatusCode,
    string? LastError);
