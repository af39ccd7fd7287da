namespace AstroBench.Core.Ranking;

/// <summary>One experiment of the scoreboard: its frames, its reference and that reference's uncertainty, one entry per library.</summary>
public sealed record ExperimentStanding(
    string Experiment,
    string? Title,
    string FromFrame,
    string ToFrame,
    string? Reference,
    string? Metric,
    string? Unit,
    UncertaintyBrief? ReferenceUncertainty,
    IReadOnlyList<ScoreboardEntry> Entries);
