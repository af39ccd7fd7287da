namespace AstroBench.Core.Ranking;

/// <summary>
/// One library across the run: pairwise tallies summed over experiments, its overall ranks (by wins − losses,
/// equal net → equal rank) and its mean per-experiment ranks (over the experiments where it was ranked).
/// </summary>
public sealed record LibraryStanding(
    string Library,
    int Experiments,
    Tally Accuracy,
    Tally Speed,
    int AccuracyRank,
    int SpeedRank,
    double? MeanAccuracyRank,
    double? MeanSpeedRank);
