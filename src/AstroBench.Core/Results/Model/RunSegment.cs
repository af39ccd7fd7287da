namespace AstroBench.Core.Results.Model;

/// <summary>
/// One stretch of a run in one process (manifest <c>segments</c>, checkpoint <c>segments</c>; docs/checkpoints.md).
/// An uninterrupted run has one segment; each pause ends one and each resume starts the next.
/// </summary>
/// <param name="Reason"><see cref="RunSegmentReasons"/>: why the segment stopped.</param>
public sealed record RunSegment(DateTimeOffset StartedAt, DateTimeOffset StoppedAt, string Reason);
