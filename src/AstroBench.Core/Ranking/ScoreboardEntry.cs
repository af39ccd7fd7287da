namespace AstroBench.Core.Ranking;

/// <summary>
/// One library in one experiment of the scoreboard. <see cref="AccuracyStatus"/> is one of <see cref="AccuracyStatuses"/>;
/// <see cref="AccuracyRank"/> is 1 + the number of libraries that beat it, null when not ranked (within reference
/// uncertainty, reference, no accuracy). <see cref="SpeedRank"/> likewise; null when its timing is invalid or missing.
/// </summary>
public sealed record ScoreboardEntry(
    string Library,
    string Role,
    string Outcome,
    string? Parity,
    double? P99Error,
    string AccuracyStatus,
    int? AccuracyRank,
    double? MedianNs,
    string SpeedStatus,
    int? SpeedRank,
    string? SpeedNote);
