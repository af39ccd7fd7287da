namespace AstroBench.Server.Queue;

/// <summary>A queued job's place: 1-based position in dispatch order and its estimated start (null when unknown).</summary>
internal sealed record QueueEntry(int Position, DateTimeOffset? EstimatedStartAt);
