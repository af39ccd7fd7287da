namespace AstroBench.Core.Ranking;

/// <summary>The reference uncertainty as the scoreboard shows it (the full measurement is in /api/experiments).</summary>
public sealed record UncertaintyBrief(double Value, string Unit, string Metric, string Source, string RunId);
