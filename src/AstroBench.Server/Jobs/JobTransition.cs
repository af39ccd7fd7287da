namespace AstroBench.Server.Jobs;

/// <summary>One row of the history table.</summary>
internal sealed record JobTransition(string? From, string To, DateTimeOffset At, string? Reason);
