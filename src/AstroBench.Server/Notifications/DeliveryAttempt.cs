namespace AstroBench.Server.Notifications;

/// <summary>One try of a delivery: an HTTP request (each retry of the pipeline) or an SMTP send.</summary>
internal sealed record DeliveryAttempt(int Attempt, DateTimeOffset At, int? StatusCode, double DurationMs, string? Error);
