namespace AstroBench.Core.Retention;

/// <summary>A run as retention sees it: its id, when it was made (UTC) and its size on disk.</summary>
public sealed record RetainedRun(string RunId, DateTimeOffset Time, long Bytes);
