namespace AstroBench.Core.History;

/// <summary>One series as a trend shows it: what it is, its testbed's label, its newest points (oldest first) and every change stored for it (oldest first).</summary>
public sealed record SeriesHistory(SeriesInfo Info, string? TestbedLabel, IReadOnlyList<SeriesPoint> Points, IReadOnlyList<RegressionRecord> Changes);
