namespace AstroBench.Server.Execution;

/// <summary>Result of the signal sequence: whether the group is empty, and what is left or went wrong.</summary>
internal sealed record CancelOutcome(bool GroupEmpty, IReadOnlyList<int> Survivors, string? Error);
