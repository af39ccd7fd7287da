namespace AstroBench.Core.Results.Checkpoints;

/// <summary>A checkpoint cannot be used (missing, unreadable, of another schema, or no longer matching the lab): one readable line.</summary>
public sealed class CheckpointException(string message) : Exception(message);
