namespace AstroBench.Server.Queue;

/// <summary>Drain state: whether dispatching is stopped, the jobs still holding the machine, and how many wait.</summary>
public sealed record DrainDto(bool Draining, IReadOnlyList<string> RunningJobIds, int Queued);
