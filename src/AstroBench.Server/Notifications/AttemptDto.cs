namespace AstroBench.Server.Notifications;

/// <summary>One attempt of a delivery: when, the HTTP status code (250 for an accepted email) or null, how long, the error if any.</summary>
public sealed record AttemptDto(int Attempt, DateTimeOffset At, int? StatusCode, double DurationMs, string? Error);
