namespace AstroBench.Core.History;

/// <summary>A series that has points: its key, unit, how many points and the newest run in it.</summary>
public sealed record SeriesInfo(SeriesKey Key, string? Unit, int Points, string LastRunId);
