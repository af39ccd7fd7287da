namespace AstroBench.Core.Ranking;

/// <summary>GET /api/runs/{id}/scoreboard: the whole scoreboard of one run (docs/scoreboard.md).</summary>
public sealed record RunScoreboard(
    string RunId,
    double AccuracyTieFactor,
    IReadOnlyList<string> Libraries,
    IReadOnlyList<ExperimentStanding> Experiments,
    IReadOnlyList<LibraryStanding> Standings,
    IReadOnlyList<PairwiseRecord> Pairwise);
