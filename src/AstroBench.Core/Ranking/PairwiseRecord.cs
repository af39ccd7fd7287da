namespace AstroBench.Core.Ranking;

/// <summary>Library against one opponent, summed over the experiments both ran.</summary>
public sealed record PairwiseRecord(string Library, string Opponent, Tally Accuracy, Tally Speed);
